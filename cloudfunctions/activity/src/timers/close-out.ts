// After an activity ends, a confirmed sign-up that never checked in is recorded as 未到. Also
// sweeps waitlists that have free places (a promotion cut short by a failed request).
import { rows, updated } from '../../../../server/db'
import type { TimerContext } from '../../../../server/router'
import { ACTIVITIES, SIGN_UPS, type ActivityDoc } from '../lib/model'
import { promote } from '../lib/places'

export async function closeOut(
  ctx: TimerContext,
): Promise<{ closed: number; noShows: number; promoted: number }> {
  const { db, now } = ctx
  const _ = db.command
  const ended = await rows<Pick<ActivityDoc, '_id'>>(
    db
      .collection(ACTIVITIES)
      .where({ closedOut: false, endAt: _.lte(now) })
      .field({ _id: true })
      .limit(100),
  )
  let closed = 0
  let noShows = 0
  for (const a of ended) {
    const claimed = await updated(
      db
        .collection(ACTIVITIES)
        .where({ _id: a._id, closedOut: false })
        .update({ data: { closedOut: true } }),
    )
    if (!claimed) continue
    closed++
    noShows += await updated(
      db
        .collection(SIGN_UPS)
        .where({ activityId: a._id, status: 'confirmed' })
        .update({ data: { status: 'no_show', updatedAt: now } }),
    )
  }
  const stuck = await rows<Pick<ActivityDoc, '_id'>>(
    db
      .collection(ACTIVITIES)
      .where({ status: 'published', waiting: _.gt(0), remaining: _.gt(0), startAt: _.gt(now) })
      .field({ _id: true })
      .limit(100),
  )
  let promoted = 0
  for (const a of stuck) promoted += (await promote(ctx, a._id)).length
  return { closed, noShows, promoted }
}

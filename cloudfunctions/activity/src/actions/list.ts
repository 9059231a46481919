import { staffCommunities } from '../../../../server/access'
import { first, rows } from '../../../../server/db'
import type { HouseholdDoc } from '../../../../server/models'
import { decodeCursor, encodeCursor } from '../../../../server/paging'
import { handler } from '../../../../server/router'
import { DAY } from '../../../../server/time'
import { activity, type SignUpStatus } from '../../../../src/contract/activity'
import { ACTIVITIES, SIGN_UPS, signUpId, type ActivityDoc, type SignUpDoc } from '../lib/model'
import { cardOf } from '../lib/views'

/** The caller's communities: their household's and the ones they serve; none: every community. */
export async function communitiesOf(
  ctx: Parameters<Parameters<typeof handler>[2]>[1],
): Promise<string[]> {
  // a staff member who lives in another community manages theirs too
  const served = staffCommunities(ctx.user)
  if (ctx.user.householdId) {
    const h = await first<HouseholdDoc>(
      ctx.db.collection('households').where({ _id: ctx.user.householdId }).limit(1),
    )
    if (h) return [...new Set([h.communityId, ...served])]
  }
  return served
}

/**
 * Upcoming activities (soonest first) or past ones (latest first) of the caller's community;
 * someone with no household and no role sees those open to everyone.
 */
export const list = handler(activity.list, 'anyone', async (input, ctx) => {
  const _ = ctx.db.command
  const now = ctx.now
  const communities = await communitiesOf(ctx)
  const past = input.when === 'past'
  const where: Record<string, unknown> = {}
  if (communities.length) where.communityId = _.in(communities)
  else where.eligible = 'all'
  if (input.theme) where.theme = input.theme
  const after = decodeCursor(input.cursor)
  const time = past
    ? { endAt: _.lte(now) }
    : input.when === 'week'
      ? { endAt: _.gt(now), startAt: _.lt(new Date(now.getTime() + 7 * DAY)) }
      : { endAt: _.gt(now) }
  const dir = past ? 'desc' : 'asc'
  const keyset = after
    ? past
      ? _.or(
          { startAt: _.lt(new Date(after[0])) },
          { startAt: new Date(after[0]), _id: _.lt(after[1]) },
        )
      : _.or(
          { startAt: _.gt(new Date(after[0])) },
          { startAt: new Date(after[0]), _id: _.gt(after[1]) },
        )
    : null
  const query = keyset ? _.and({ ...where, ...time }, keyset) : { ...where, ...time }
  const docs = await rows<ActivityDoc>(
    ctx.db
      .collection(ACTIVITIES)
      .where(query)
      .orderBy('startAt', dir)
      .orderBy('_id', dir)
      .field({ queue: false, left: false })
      .limit(input.limit + 1),
  )
  const more = docs.length > input.limit
  const shown = more ? docs.slice(0, input.limit) : docs
  const mine = shown.length
    ? await rows<Pick<SignUpDoc, '_id' | 'activityId' | 'status'>>(
        ctx.db
          .collection(SIGN_UPS)
          .where({ _id: _.in(shown.map((a) => signUpId(a._id, ctx.openid))) })
          .field({ activityId: true, status: true })
          .limit(100),
      )
    : []
  const status = new Map<string, SignUpStatus>(mine.map((s) => [s.activityId, s.status]))
  const last = shown[shown.length - 1]
  return {
    items: shown.map((a) => cardOf(a, now, status.get(a._id) ?? null)),
    cursor: more && last ? encodeCursor([last.startAt.getTime(), last._id]) : null,
  }
})

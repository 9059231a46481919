import { rows } from '../../../../server/db'
import { decodeCursor, encodeCursor } from '../../../../server/paging'
import { handler } from '../../../../server/router'
import { activity, type MyActivity } from '../../../../src/contract/activity'
import { ACTIVITIES, positionOf, SIGN_UPS, type ActivityDoc, type SignUpDoc } from '../lib/model'

/** A resident signs up for a few activities a month: all of theirs are read, the page is cut here. */
const MAX_SIGN_UPS = 1000

/** 我的活动: upcoming (soonest first) or past (latest first), with status. */
export const mine = handler(activity.mine, 'anyone', async (input, ctx) => {
  const _ = ctx.db.command
  const signUps = await rows<SignUpDoc>(
    ctx.db
      .collection(SIGN_UPS)
      .where({ openid: ctx.openid })
      .field({ history: false })
      .limit(MAX_SIGN_UPS),
  )
  const activities: ActivityDoc[] = []
  const ids = [...new Set(signUps.map((s) => s.activityId))]
  for (let i = 0; i < ids.length; i += 100) {
    activities.push(
      ...(await rows<ActivityDoc>(
        ctx.db
          .collection(ACTIVITIES)
          .where({ _id: _.in(ids.slice(i, i + 100)) })
          .limit(100),
      )),
    )
  }
  const byId = new Map(activities.map((a) => [a._id, a]))
  const past = input.when === 'past'
  const now = ctx.now.getTime()
  const items = signUps
    .map((s) => ({ s, a: byId.get(s.activityId) }))
    .filter((x): x is { s: SignUpDoc; a: ActivityDoc } => Boolean(x.a))
    .filter(({ a }) => a.endAt.getTime() <= now === past)
    .sort((x, y) => {
      const d = x.a.startAt.getTime() - y.a.startAt.getTime() || x.s._id.localeCompare(y.s._id)
      return past ? -d : d
    })
  const after = decodeCursor(input.cursor)
  const start = after
    ? items.findIndex(({ a, s }) => a.startAt.getTime() === after[0] && s._id === after[1]) + 1
    : 0
  const page = items.slice(start, start + input.limit)
  const more = start + input.limit < items.length
  const last = page[page.length - 1]
  const view = ({ s, a }: { s: SignUpDoc; a: ActivityDoc }): MyActivity => ({
    signUpId: s._id,
    activityId: a._id,
    title: a.title,
    place: a.place,
    startAt: a.startAt.toISOString(),
    endAt: a.endAt.toISOString(),
    status: s.status,
    position: s.status === 'waitlisted' && s.token ? positionOf(s.token, a.queue, a.left) : null,
    party: s.party,
    hours: s.hours,
    activityCancelled: a.status === 'cancelled',
  })
  return {
    items: page.map(view),
    cursor: more && last ? encodeCursor([last.a.startAt.getTime(), last.s._id]) : null,
  }
})

import { updated } from '../../../../server/db'
import { conflict } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { activity } from '../../../../src/contract/activity'
import { activityNotice, notify } from '../lib/notify'
import { ACTIVITIES, SIGN_UPS } from '../lib/model'
import { getActivity } from '../lib/places'
import { managedActivity } from '../lib/scope'
import { detailOf } from '../lib/views'
import { peopleToTell } from './update'

/** 取消 with a reason: everyone signed up or waitlisted is told; their sign-ups are kept as 活动取消. */
export const cancel = handler(activity.cancel, ['staff'], async ({ activityId, reason }, ctx) => {
  const a = await managedActivity(ctx, activityId)
  if (ctx.now.getTime() >= a.endAt.getTime()) throw conflict('活动已经结束，不能取消')
  const _ = ctx.db.command
  const done = await updated(
    ctx.db
      .collection(ACTIVITIES)
      .where({ _id: activityId, status: 'published' })
      .update({ data: { status: 'cancelled', cancelReason: reason, updatedAt: ctx.now } }),
  )
  if (!done) throw conflict('这个活动已经取消了')
  const people = await peopleToTell(ctx.db, activityId)
  await ctx.db
    .collection(SIGN_UPS)
    .where({ activityId, status: _.in(['confirmed', 'waitlisted']) })
    .update({ data: { status: 'cancelled', updatedAt: ctx.now } })
  await notify(
    ctx,
    people.map((s) =>
      activityNotice(a, s.openid, '活动取消', `很抱歉，「${a.title}」取消了：${reason}`),
    ),
  )
  const after = (await getActivity(ctx.db, activityId)) ?? a
  return detailOf(after, ctx, null, null)
})

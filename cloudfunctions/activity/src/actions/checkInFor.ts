import { notFound } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { activity } from '../../../../src/contract/activity'
import { checkIn as credit, checkInWindow } from '../lib/check-in'
import { getSignUp } from '../lib/places'
import { managedActivity } from '../lib/scope'

/** Staff check in someone who has no phone with them; recorded as done by that staff member. */
export const checkInFor = handler(activity.checkInFor, ['staff'], async ({ signUpId }, ctx) => {
  const s = await getSignUp(ctx.db, signUpId)
  if (!s) throw notFound('这条报名')
  const a = await managedActivity(ctx, s.activityId)
  checkInWindow(a, ctx.now, true)
  return credit(ctx.db, a, s._id, ctx.openid, ctx.now)
})

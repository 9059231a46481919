import { notFound } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { activity } from '../../../../src/contract/activity'
import { checkIn as credit, checkInWindow } from '../lib/check-in'
import { signUpId } from '../lib/model'
import { getActivity } from '../lib/places'

/**
 * The resident scanned the activity's code: their own sign-up for this activity is checked in,
 * from 30 minutes before the start to the end; hours and points are credited once.
 */
export const checkIn = handler(activity.checkIn, 'anyone', async ({ activityId }, ctx) => {
  const a = await getActivity(ctx.db, activityId)
  if (!a) throw notFound('这个活动')
  checkInWindow(a, ctx.now, false)
  return credit(ctx.db, a, signUpId(activityId, ctx.openid), 'self', ctx.now)
})

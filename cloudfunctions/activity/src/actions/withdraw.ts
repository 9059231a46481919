import { handler } from '../../../../server/router'
import { activity } from '../../../../src/contract/activity'
import { withdraw as leave } from '../lib/places'

/** 退出 (until the withdraw deadline) or 退出候补; a freed place promotes the waitlist in order. */
export const withdraw = handler(activity.withdraw, 'anyone', async ({ activityId }, ctx) => {
  const out = await leave(ctx, activityId, ctx.openid)
  return { status: 'withdrawn' as const, promoted: out.promoted.length }
})

import { handler } from '../../../../server/router'
import { activity } from '../../../../src/contract/activity'
import { signUp as take } from '../lib/places'

/**
 * 报名 (for oneself, with companions each named): a place at once, or the waitlist in arrival
 * order. See lib/places.ts for why it cannot overbook.
 */
export const signUp = handler(activity.signUp, 'anyone', async (input, ctx) => {
  const out = await take(ctx, {
    activityId: input.activityId,
    openid: ctx.openid,
    householdId: ctx.user.householdId,
    name: input.name,
    phone: input.phone,
    companions: input.companions ?? [],
  })
  const status: 'confirmed' | 'waitlisted' =
    out.doc.status === 'waitlisted' ? 'waitlisted' : 'confirmed'
  return {
    signUpId: out.doc._id,
    status,
    position: status === 'waitlisted' ? out.position : null,
    already: out.already,
  }
})

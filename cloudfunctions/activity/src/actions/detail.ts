import { first } from '../../../../server/db'
import { notFound } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { activity } from '../../../../src/contract/activity'
import type { HouseholdDoc } from '../../../../server/models'
import { eligibilityKeys, SIGN_UPS, signUpId, type SignUpDoc } from '../lib/model'
import { getActivity, getSignUp } from '../lib/places'
import { detailOf } from '../lib/views'

/** One activity, with the caller's own sign-up and the name and phone they used last time. */
export const detail = handler(activity.detail, 'anyone', async ({ activityId }, ctx) => {
  const [a, mine, last] = await Promise.all([
    getActivity(ctx.db, activityId),
    getSignUp(ctx.db, signUpId(activityId, ctx.openid)),
    first<Pick<SignUpDoc, 'name' | 'phone'>>(
      ctx.db
        .collection(SIGN_UPS)
        .where({ openid: ctx.openid })
        .orderBy('createdAt', 'desc')
        .field({ name: true, phone: true })
        .limit(1),
    ),
  ])
  if (!a) throw notFound('这个活动')
  // The caller's household says whether they may join (the sign-up decides again, atomically);
  // without one, only what is open to 'all'.
  let eligible = a.eligible.includes('all') && !ctx.user.householdId
  if (ctx.user.householdId) {
    const h = await first<HouseholdDoc>(
      ctx.db.collection('households').where({ _id: ctx.user.householdId }).limit(1),
    )
    eligible = eligibilityKeys(h).some((k) => a.eligible.includes(k))
  }
  return detailOf(a, ctx, mine, last ? { name: last.name, phone: last.phone } : null, eligible)
})

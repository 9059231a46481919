import { first } from '../../../../server/db'
import { notFound } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import { activity } from '../../../../src/contract/activity'
import { SIGN_UPS, signUpId, type SignUpDoc } from '../lib/model'
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
  return detailOf(a, ctx, mine, last ? { name: last.name, phone: last.phone } : null)
})

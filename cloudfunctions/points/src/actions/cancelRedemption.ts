import { inTransaction } from '../../../../server/db'
import { notFound } from '../../../../server/errors'
import { getById } from '../../../../server/places'
import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import { closeAndRefund } from '../lib/close'
import { REDEMPTIONS, type RedemptionDoc } from '../lib/model'
import { redemptionView } from '../lib/views'

/** The household cancels a redemption before pickup: points, stock and the month's count return. */
export const cancelRedemption = handler(points.cancelRedemption, 'resident', async (input, ctx) => {
  const r = await getById<RedemptionDoc>(ctx.db, REDEMPTIONS, input.id)
  if (!r || r.householdId !== ctx.user.householdId) throw notFound('这个兑换')
  const next = await inTransaction(ctx.db, (t) =>
    closeAndRefund(t, r._id, 'cancelled', ctx.openid, ctx.now),
  )
  return redemptionView(next)
})

// Daily: redemptions whose pickup code ran out unclaimed are closed and refunded (points, stock,
// the month's count), each in its own transaction, so one failure leaves the others done.
import { inTransaction, rows } from '../../../../server/db'
import { AppError } from '../../../../server/errors'
import type { TimerContext } from '../../../../server/router'
import { closeAndRefund } from '../lib/close'
import { REDEMPTIONS, type RedemptionDoc } from '../lib/model'
import { tellHousehold } from '../lib/tell'

export async function expireCodes(ctx: TimerContext): Promise<{ expired: number }> {
  const _ = ctx.db.command
  let expired = 0
  for (let batch = 0; batch < 50; batch++) {
    const due = await rows<RedemptionDoc>(
      ctx.db
        .collection(REDEMPTIONS)
        .where({ status: 'open', expiresAt: _.lt(ctx.now) })
        .orderBy('expiresAt', 'asc')
        .limit(100),
    )
    if (!due.length) break
    for (const r of due) {
      try {
        await inTransaction(ctx.db, (t) => closeAndRefund(t, r._id, 'expired', 'system', ctx.now))
        expired += 1
        await tellHousehold(
          ctx,
          r.householdId,
          '兑换已过期',
          `${r.rewardName} 30 天没有领取，${r.points} 积分已退回`,
          r._id,
        )
      } catch (err) {
        // collected or cancelled meanwhile: nothing to refund
        if (!(err instanceof AppError)) throw err
      }
    }
  }
  return { expired }
}

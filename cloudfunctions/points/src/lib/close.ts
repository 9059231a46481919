// Closing an open redemption without handing it over — cancelled by the household, or expired
// by the timer: the points come back (a new ledger entry), the stock and the month's count too,
// and the code is free again. One transaction by id; a second close finds it closed.
import { conflict } from '../../../../server/errors'
import { readInTransaction, type Tx } from '../../../../server/db'
import { post } from '../../../../server/points'
import type { RedemptionStatus } from '../../../../src/contract/points'
import {
  codeId,
  limitId,
  PICKUP_CODES,
  REDEMPTIONS,
  REWARD_LIMITS,
  REWARDS,
  type RedemptionDoc,
  type RewardDoc,
  type RewardLimitDoc,
} from './model'
import { together } from './sorting'

export async function closeAndRefund(
  t: Tx,
  id: string,
  status: Extract<RedemptionStatus, 'cancelled' | 'expired'>,
  by: string,
  now: Date,
): Promise<RedemptionDoc> {
  const r = await readInTransaction<RedemptionDoc>(t, REDEMPTIONS, id)
  if (!r) throw conflict('没有找到这个兑换')
  if (r.status !== 'open') throw conflict('这个兑换已经结束了')
  const [reward, lim] = await Promise.all([
    readInTransaction<RewardDoc>(t, REWARDS, r.rewardId),
    readInTransaction<RewardLimitDoc>(
      t,
      REWARD_LIMITS,
      limitId(r.rewardId, r.householdId, r.month),
    ),
  ])
  const next: RedemptionDoc = { ...r, status, closedAt: now, closedBy: by }
  const writes: unknown[] = [
    t
      .collection(REDEMPTIONS)
      .doc(id)
      .update({ data: { status, closedAt: now, closedBy: by } }),
    t
      .collection(PICKUP_CODES)
      .doc(codeId(r.communityId, r.code))
      .update({ data: { open: false } }),
  ]
  if (reward) {
    writes.push(
      t
        .collection(REWARDS)
        .doc(reward._id)
        .update({ data: { stock: reward.stock + 1, updatedAt: now } }),
    )
  }
  if (lim && lim.count > 0) {
    writes.push(
      t
        .collection(REWARD_LIMITS)
        .doc(lim._id)
        .update({ data: { count: lim.count - 1 } }),
    )
  }
  await together(writes)
  await post(t, {
    key: `${status === 'cancelled' ? 'refund' : 'expire'}-${id}`,
    householdId: r.householdId,
    communityId: r.communityId,
    delta: r.points,
    kind: status === 'cancelled' ? 'refund' : 'expire',
    reason:
      status === 'cancelled'
        ? `取消兑换 ${r.rewardName}，积分退回`
        : `${r.rewardName} 逾期未领，积分退回`,
    refId: id,
    by,
    now,
  })
  return next
}

import { randomInt } from 'node:crypto'
import { conflict, forbidden, notFound } from '../../../../server/errors'
import { readInTransaction, type Tx, inContendedTransaction } from '../../../../server/db'
import { getById } from '../../../../server/places'
import { post } from '../../../../server/points'
import { handler } from '../../../../server/router'
import { DAY, dayKey } from '../../../../server/time'
import { PICKUP_VALID_DAYS, points } from '../../../../src/contract/points'
import {
  codeId,
  limitId,
  PICKUP_CODES,
  REDEMPTIONS,
  REWARD_LIMITS,
  REWARDS,
  type PickupCodeDoc,
  type RedemptionDoc,
  type RewardDoc,
  type RewardLimitDoc,
} from '../lib/model'
import { put, together } from '../lib/sorting'
import { callerHousehold, labelOf } from '../lib/scope'
import { redemptionView } from '../lib/views'

const soldOut = () => conflict('这个奖品已经兑完了')

/** A six-digit code no open redemption of the community holds (read by id in the transaction). */
async function freeCode(t: Tx, communityId: string): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const held = await readInTransaction<PickupCodeDoc>(t, PICKUP_CODES, codeId(communityId, code))
    if (!held || !held.open) return code
  }
  throw conflict('取货码暂时分配不出来，请再试一次')
}

/**
 * 兑换: the reward's stock, the household's monthly count of it, its balance (via the ledger)
 * and a pickup code, in one transaction by id. The redemption's id derives from the household and
 * the client's token, so a retried tap redeems once. The reward is locked first: of many
 * households redeeming at once, the losers stop there, before holding anything else.
 */
export const redeem = handler(points.redeem, 'resident', async (input, ctx) => {
  const household = await callerHousehold(ctx)
  const id = `rd-${household._id}-${input.clientToken}`
  const [done, reward] = await Promise.all([
    getById<RedemptionDoc>(ctx.db, REDEMPTIONS, id),
    getById<RewardDoc>(ctx.db, REWARDS, input.rewardId),
  ])
  if (done) return redemptionView(done)
  if (!reward || reward.communityId !== household.communityId) throw notFound('这个奖品')
  if (!reward.active) throw conflict('这个奖品已经下架了')
  if (reward.stock <= 0) throw soldOut()
  const month = dayKey(ctx.now).slice(0, 6)

  const saved = await inContendedTransaction(
    ctx.db,
    async (t) => {
      const again = await readInTransaction<RedemptionDoc>(t, REDEMPTIONS, id)
      if (again) return again
      const r = await readInTransaction<RewardDoc>(t, REWARDS, reward._id)
      if (!r || !r.active) throw conflict('这个奖品已经下架了')
      if (r.stock <= 0) throw soldOut()
      await t
        .collection(REWARDS)
        .doc(r._id)
        .update({ data: { stock: r.stock - 1, updatedAt: ctx.now } })
      const lim = await readInTransaction<RewardLimitDoc>(
        t,
        REWARD_LIMITS,
        limitId(r._id, household._id, month),
      )
      const used = lim?.count ?? 0
      if (r.monthlyLimit > 0 && used >= r.monthlyLimit) {
        throw conflict(`这个奖品每户每月最多兑换 ${r.monthlyLimit} 次，本月已经兑完了`)
      }
      const code = await freeCode(t, r.communityId)
      const doc: RedemptionDoc = {
        _id: id,
        communityId: r.communityId,
        householdId: household._id,
        householdLabel: labelOf(household),
        rewardId: r._id,
        rewardName: r.name,
        points: r.points,
        code,
        status: 'open',
        by: ctx.openid,
        month,
        createdAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + PICKUP_VALID_DAYS * DAY),
        closedAt: null,
        closedBy: null,
      }
      await together([
        put(t, REWARD_LIMITS, {
          _id: limitId(r._id, household._id, month),
          rewardId: r._id,
          householdId: household._id,
          month,
          count: used + 1,
        }),
        put(t, PICKUP_CODES, {
          _id: codeId(r.communityId, code),
          communityId: r.communityId,
          redemptionId: id,
          open: true,
        }),
        put(t, REDEMPTIONS, doc),
      ])
      await post(t, {
        key: `redeem-${id}`,
        householdId: household._id,
        communityId: household.communityId,
        delta: -r.points,
        kind: 'redeem',
        reason: `兑换 ${r.name}`,
        refId: id,
        by: ctx.openid,
        now: ctx.now,
      })
      return doc
    },
    {
      busy: '兑换的人太多了，请稍后再试',
      // between attempts: once the stock is gone, say so at once instead of queueing for it
      stillPossible: async () => {
        const now = await getById<RewardDoc>(ctx.db, REWARDS, reward._id)
        if (!now || now.stock <= 0) throw soldOut()
      },
    },
  )
  if (saved.householdId !== household._id) throw forbidden()
  return redemptionView(saved)
})

import { rows } from '../../../../server/db'
import { isStaffOf } from '../../../../server/access'
import { handler } from '../../../../server/router'
import { dayKey } from '../../../../server/time'
import { points } from '../../../../src/contract/points'
import { REWARD_LIMITS, REWARDS, type RewardDoc, type RewardLimitDoc } from '../lib/model'
import { callerCommunity } from '../lib/scope'
import { rewardView } from '../lib/views'

/** The community's rewards: residents see what can be redeemed, staff also the withdrawn ones. */
export const rewards = handler(points.rewards, 'anyone', async (_input, ctx) => {
  const communityId = await callerCommunity(ctx)
  const staff = isStaffOf(ctx.user, communityId)
  const month = dayKey(ctx.now).slice(0, 6)
  const householdId = ctx.user.householdId
  const [docs, used] = await Promise.all([
    rows<RewardDoc>(
      ctx.db
        .collection(REWARDS)
        .where(staff ? { communityId } : { communityId, active: true })
        .orderBy('points', 'asc')
        .limit(100),
    ),
    householdId
      ? rows<RewardLimitDoc>(
          ctx.db.collection(REWARD_LIMITS).where({ householdId, month }).limit(100),
        )
      : Promise.resolve([]),
  ])
  const count = new Map(used.map((u) => [u.rewardId, u.count]))
  return docs.map((r) => rewardView(r, count.get(r._id) ?? 0))
})

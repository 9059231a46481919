import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import { POINTS_RULES, rulesId, type RulesDoc } from '../lib/model'
import { staffCommunity } from '../lib/scope'

/** Staff set their community's points per correct day; days already recorded keep theirs. */
export const saveRules = handler(points.saveRules, ['staff'], async (input, ctx) => {
  const communityId = staffCommunity(ctx.user)
  const doc: Omit<RulesDoc, '_id'> = {
    communityId,
    pointsPerDay: input.pointsPerDay,
    updatedAt: ctx.now,
    updatedBy: ctx.openid,
  }
  await ctx.db.collection(POINTS_RULES).doc(rulesId(communityId)).set({ data: doc })
  return { communityId, pointsPerDay: input.pointsPerDay }
})

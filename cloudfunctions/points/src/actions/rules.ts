import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import { callerCommunity, pointsPerDay } from '../lib/scope'

/** The community's rules: points per correct day. */
export const rules = handler(points.rules, 'anyone', async (_input, ctx) => {
  const communityId = await callerCommunity(ctx)
  return { communityId, pointsPerDay: await pointsPerDay(ctx.db, communityId) }
})

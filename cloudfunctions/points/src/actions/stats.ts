import { staffCommunities } from '../../../../server/access'
import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import { pointStats } from '../lib/stats'
import { supervisorOf } from '../lib/scope'

/** Per collection point and day: recorded, participation, correct rate, the common mistakes. Staff see their community, a supervisor their own point. */
export const stats = handler(points.stats, ['staff', 'supervisor'], async (input, ctx) => {
  const community = staffCommunities(ctx.user)[0]
  if (community) return pointStats(ctx.db, community, input.from, input.to, null)
  const grant = supervisorOf(ctx.user)
  if (!grant) return pointStats(ctx.db, '', input.from, input.to, '')
  return pointStats(ctx.db, grant.communityId, input.from, input.to, grant.pointId)
})

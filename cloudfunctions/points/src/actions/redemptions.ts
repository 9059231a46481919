import { forbidden } from '../../../../server/errors'
import { newestFirst } from '../../../../server/paging'
import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import { REDEMPTIONS, type RedemptionDoc } from '../lib/model'
import { staffCommunity } from '../lib/scope'
import { redemptionView } from '../lib/views'

/** The household's redemptions, newest first; staff with `all` read their community's. */
export const redemptions = handler(points.redemptions, 'anyone', async (input, ctx) => {
  let where: Partial<RedemptionDoc>
  if (input.all) where = { communityId: staffCommunity(ctx.user) }
  else if (ctx.user.householdId) where = { householdId: ctx.user.householdId }
  else throw forbidden('请先绑定您家的房屋')
  const page = await newestFirst<RedemptionDoc>(ctx.db, REDEMPTIONS, where, 'createdAt', {
    cursor: input.cursor,
    limit: input.limit,
  })
  return { items: await Promise.all(page.docs.map(redemptionView)), cursor: page.cursor }
})

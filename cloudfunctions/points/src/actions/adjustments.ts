import { newestFirst } from '../../../../server/paging'
import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import { ADJUSTMENTS, type AdjustmentDoc } from '../lib/model'
import { staffCommunity } from '../lib/scope'
import { adjustmentView } from '../lib/views'

/** Every adjustment of the community, newest first, with who made it. */
export const adjustments = handler(points.adjustments, ['staff'], async (input, ctx) => {
  const page = await newestFirst<AdjustmentDoc>(
    ctx.db,
    ADJUSTMENTS,
    { communityId: staffCommunity(ctx.user) },
    'createdAt',
    { cursor: input.cursor, limit: input.limit },
  )
  return { items: page.docs.map(adjustmentView), cursor: page.cursor }
})

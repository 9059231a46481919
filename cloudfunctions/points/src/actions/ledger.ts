import { newestFirst } from '../../../../server/paging'
import { POINTS_LEDGER, type PointsLedgerDoc } from '../../../../server/points'
import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import { ledgerView } from '../lib/views'
import { forbidden } from '../../../../server/errors'

/** Every earn and spend of the household, newest first, one keyset page at a time. */
export const ledger = handler(points.ledger, 'resident', async (input, ctx) => {
  const householdId = ctx.user.householdId
  if (!householdId) throw forbidden('请先绑定您家的房屋')
  const page = await newestFirst<PointsLedgerDoc>(
    ctx.db,
    POINTS_LEDGER,
    { householdId },
    'createdAt',
    { cursor: input.cursor, limit: input.limit },
  )
  return { items: page.docs.map(ledgerView), cursor: page.cursor }
})

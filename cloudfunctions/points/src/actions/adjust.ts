import { inTransaction, readInTransaction } from '../../../../server/db'
import { forbidden, notFound } from '../../../../server/errors'
import { requireStaffOf } from '../../../../server/access'
import type { HouseholdDoc } from '../../../../server/models'
import { getById } from '../../../../server/places'
import { post } from '../../../../server/points'
import { handler } from '../../../../server/router'
import { points } from '../../../../src/contract/points'
import { ADJUSTMENTS, type AdjustmentDoc } from '../lib/model'
import { labelOf } from '../lib/scope'
import { put } from '../lib/sorting'
import { tellHousehold } from '../lib/tell'
import { adjustmentView } from '../lib/views'

/**
 * Staff adjust a household's points with a reason: a new ledger entry (never an edit) and an
 * adjustment record naming who made it, in one transaction; keyed by the form's token, so a
 * retried tap adjusts once. Never below zero.
 */
export const adjust = handler(points.adjust, ['staff'], async (input, ctx) => {
  const household = await getById<HouseholdDoc>(ctx.db, 'households', input.householdId)
  if (!household) throw notFound('这户')
  requireStaffOf(ctx.user, household.communityId)
  const role = ctx.user.roles.find(
    (r) => r.role === 'staff' && r.communityId === household.communityId,
  )
  if (!role) throw forbidden()
  const id = `adj-${household._id}-${input.clientToken}`
  const result = await inTransaction(ctx.db, async (t) => {
    const prev = await readInTransaction<AdjustmentDoc>(t, ADJUSTMENTS, id)
    const doc: AdjustmentDoc = prev ?? {
      _id: id,
      communityId: household.communityId,
      householdId: household._id,
      householdLabel: labelOf(household),
      delta: input.delta,
      reason: input.reason,
      by: ctx.openid,
      byTitle: role.title,
      createdAt: ctx.now,
    }
    if (!prev) await put(t, ADJUSTMENTS, doc)
    const posted = await post(t, {
      key: id,
      householdId: household._id,
      communityId: household.communityId,
      delta: doc.delta,
      kind: 'adjust',
      reason: `社区调整：${doc.reason}`,
      refId: id,
      by: ctx.openid,
      now: ctx.now,
    })
    return { applied: posted.applied, balance: posted.balance, adjustment: adjustmentView(doc) }
  })
  if (result.applied) {
    const { delta, reason } = result.adjustment
    await tellHousehold(
      ctx,
      household._id,
      '积分调整',
      `社区${delta > 0 ? '给您家加了' : '扣了您家'} ${Math.abs(delta)} 积分：${reason}`,
      id,
    )
  }
  return { balance: result.balance, adjustment: result.adjustment }
})

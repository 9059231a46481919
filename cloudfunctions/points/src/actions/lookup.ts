import { forbidden } from '../../../../server/errors'
import { getById } from '../../../../server/places'
import { handler } from '../../../../server/router'
import { dayKey } from '../../../../server/time'
import { points } from '../../../../src/contract/points'
import { recordId, SORTING_RECORDS, type SortingRecordDoc } from '../lib/model'
import { findHousehold, getPoint, labelOf, requireSupervisor } from '../lib/scope'
import { recordView } from '../lib/views'

/** After a scan or the pad: which household, and whether today is already recorded. */
export const lookup = handler(points.lookup, ['supervisor'], async (input, ctx) => {
  const grant = requireSupervisor(ctx.user)
  const household = await findHousehold(ctx.db, input)
  if (household.communityId !== grant.communityId) throw forbidden('这户不在您的社区')
  const [today, point] = await Promise.all([
    getById<SortingRecordDoc>(ctx.db, SORTING_RECORDS, recordId(household._id, dayKey(ctx.now))),
    household.collectionPointId && household.collectionPointId !== grant.pointId
      ? getPoint(ctx.db, household.collectionPointId)
      : Promise.resolve(null),
  ])
  return {
    householdId: household._id,
    label: labelOf(household),
    otherPoint: point ? point.name : null,
    today: today && !today.void ? recordView(today, ctx.openid, ctx.now) : null,
  }
})

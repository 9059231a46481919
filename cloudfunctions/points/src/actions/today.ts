import { rows } from '../../../../server/db'
import type { BuildingDoc } from '../../../../server/models'
import { getById } from '../../../../server/places'
import { handler } from '../../../../server/router'
import { dayKey } from '../../../../server/time'
import { points } from '../../../../src/contract/points'
import {
  isoDay,
  POINT_DAYS,
  pointDayId,
  SORTING_RECORDS,
  type PointDayDoc,
  type SortingRecordDoc,
} from '../lib/model'
import { getPoint, requireSupervisor } from '../lib/scope'
import { recordView } from '../lib/views'

/** The supervisor's point today: recorded / households, correct rate, their last recordings. */
export const today = handler(points.today, ['supervisor'], async (_input, ctx) => {
  const grant = requireSupervisor(ctx.user)
  const day = dayKey(ctx.now)
  const [point, counts, recent] = await Promise.all([
    getPoint(ctx.db, grant.pointId),
    getById<PointDayDoc>(ctx.db, POINT_DAYS, pointDayId(grant.pointId, day)),
    rows<SortingRecordDoc>(
      ctx.db
        .collection(SORTING_RECORDS)
        .where({ recordedBy: ctx.openid, day })
        .orderBy('recordedAt', 'desc')
        .limit(10),
    ),
  ])
  // the whole estate: residents don't always use their own point
  const estate = point
    ? await rows<BuildingDoc>(
        ctx.db.collection('buildings').where({ estateId: point.estateId }).limit(1000),
      )
    : []
  const buildings = estate.filter((b) => point?.buildingIds.includes(b._id))
  const recorded = counts?.recorded ?? 0
  const correct = counts?.correct ?? 0
  return {
    pointId: grant.pointId,
    pointName: point?.name ?? grant.pointId,
    day: isoDay(day),
    estateName: estate[0]?.estateName ?? '',
    buildings: estate.flatMap((b) => {
      const no = Number(/^(\d+)号楼$/.exec(b.name)?.[1])
      return Number.isInteger(no) ? [{ id: b._id, no }] : []
    }),
    households: buildings.reduce((n, b) => n + b.households, 0),
    recorded,
    correct,
    incorrect: counts?.incorrect ?? 0,
    correctRate: recorded ? correct / recorded : null,
    recent: recent.map((r) => recordView(r, ctx.openid, ctx.now)),
  }
})

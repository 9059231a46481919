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
  const _ = ctx.db.command
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
  const buildings = point
    ? await rows<BuildingDoc>(
        ctx.db
          .collection('buildings')
          .where({ _id: _.in(point.buildingIds) })
          .limit(100),
      )
    : []
  const recorded = counts?.recorded ?? 0
  const correct = counts?.correct ?? 0
  return {
    pointId: grant.pointId,
    pointName: point?.name ?? grant.pointId,
    day: isoDay(day),
    households: buildings.reduce((n, b) => n + b.households, 0),
    recorded,
    correct,
    incorrect: counts?.incorrect ?? 0,
    correctRate: recorded ? correct / recorded : null,
    recent: recent.map((r) => recordView(r, ctx.openid, ctx.now)),
  }
})

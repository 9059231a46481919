// Statistics per collection point and day, from the points' day documents (one per point and
// day, kept by every recording's transaction): never a scan of the records.
import { rows } from '../../../../server/db'
import { invalid } from '../../../../server/errors'
import type { BuildingDoc } from '../../../../server/models'
import type { Database } from '../../../../server/router'
import { DAY, dayKey, dayStart } from '../../../../server/time'
import { MISTAKES, type StatsResultView } from '../../../../src/contract/points'
import { isoDay, POINT_DAYS, type PointDayDoc } from './model'
import { communityPoints } from './scope'

export const MAX_STATS_DAYS = 92

export async function pointStats(
  db: Database,
  communityId: string,
  from: string,
  to: string,
  onlyPoint: string | null,
): Promise<StatsResultView> {
  const start = dayStart(from)
  const end = dayStart(to)
  if (!start || !end) throw invalid('日期不对')
  if (end < start) throw invalid('结束日期不能早于开始日期')
  const days = Math.round((end.getTime() - start.getTime()) / DAY) + 1
  if (days > MAX_STATS_DAYS) throw invalid(`一次最多统计 ${MAX_STATS_DAYS} 天`)
  const _ = db.command
  const [fromKey, toKey] = [dayKey(start), dayKey(end)]
  const [points, buildings] = await Promise.all([
    communityPoints(db, communityId),
    rows<BuildingDoc>(db.collection('buildings').where({ communityId }).limit(1000)),
  ])
  const shown = points.filter((p) => !onlyPoint || p._id === onlyPoint)
  const dayDocs: PointDayDoc[] = []
  // at most 12 points × 92 days: a few pages of 1000
  for (let skip = 0; ; skip += 1000) {
    const page = await rows<PointDayDoc>(
      db
        .collection(POINT_DAYS)
        .where({ communityId, day: _.gte(fromKey).and(_.lte(toKey)) })
        .orderBy('day', 'asc')
        .orderBy('pointId', 'asc')
        .skip(skip)
        .limit(1000),
    )
    dayDocs.push(...page)
    if (page.length < 1000) break
  }
  const households = new Map(buildings.map((b) => [b._id, b.households]))
  const mine = dayDocs.filter((d) => shown.some((p) => p._id === d.pointId))
  const mistakes = MISTAKES.map((reason, i) => ({
    reason,
    count: mine.reduce((n, d) => n + (d.mistakes[i] ?? 0), 0),
  }))
    .filter((m) => m.count > 0)
    .sort((a, b) => b.count - a.count)
  return {
    from,
    to,
    days,
    points: shown.map((p) => {
      const docs = mine.filter((d) => d.pointId === p._id)
      const hh = p.buildingIds.reduce((n, b) => n + (households.get(b) ?? 0), 0)
      const recorded = docs.reduce((n, d) => n + d.recorded, 0)
      const correct = docs.reduce((n, d) => n + d.correct, 0)
      return {
        pointId: p._id,
        pointName: p.name,
        households: hh,
        recorded,
        correct,
        participation: hh ? recorded / (hh * days) : 0,
        correctRate: recorded ? correct / recorded : null,
      }
    }),
    byDay: mine.map((d) => ({
      day: isoDay(d.day),
      pointId: d.pointId,
      recorded: d.recorded,
      correct: d.correct,
      incorrect: d.incorrect,
    })),
    mistakes,
  }
}

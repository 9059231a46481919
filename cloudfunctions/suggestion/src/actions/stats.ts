import { forbidden, invalid } from '../../../../server/errors'
import { handler } from '../../../../server/router'
import {
  CATEGORIES,
  STATUSES,
  suggestion,
  type Category,
  type Status,
  type StatsResult,
} from '../../../../src/contract/suggestion'
import { aggregated } from '../../../../server/db'
import { SUGGESTIONS, WORKING_STATUSES } from '../lib/model'
import { all, type Condition } from '../lib/query'
import { liaisonBuildings, staffCommunities } from '../../../../server/access'
import { DAY, dayStart, HOUR } from '../../../../server/time'

const MAX_DAYS = 366

interface Group {
  _id: { status: Status; category: Category; buildingId: string; buildingName: string }
  n: number
  ratingSum: number
  rated: number
  lateAccept: number
  lateResolve: number
  /** per suggestion: milliseconds from submission to acceptance and to resolution (null: not yet) */
  times: { a?: number | null; r?: number | null }[]
}

function median(values: number[]): number | null {
  if (!values.length) return null
  const v = [...values].sort((a, b) => a - b)
  const mid = v.length >> 1
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

/**
 * Suggestions submitted between `from` and `to` (whole UTC+8 days) in the caller's scope: staff
 * their community, a liaison their buildings. One aggregation grouped by status × category ×
 * building; the rest is arithmetic on at most a few hundred groups.
 */
export const stats = handler(suggestion.stats, ['staff', 'liaison'], async (input, ctx) => {
  const _ = ctx.db.command
  const start = dayStart(input.from)
  const toStart = dayStart(input.to)
  if (!start || !toStart) throw invalid('日期不存在，请重新选择')
  const end = new Date(toStart.getTime() + DAY)
  if (end <= start) throw invalid('结束日期不能早于开始日期')
  if (end.getTime() - start.getTime() > MAX_DAYS * DAY) throw invalid(`一次最多统计 ${MAX_DAYS} 天`)

  const communities = staffCommunities(ctx.user)
  const staffOf = input.communityId ?? communities[0]
  let scope: Condition
  if (staffOf && communities.includes(staffOf)) {
    scope = { communityId: staffOf }
  } else {
    const buildings = liaisonBuildings(ctx.user, input.communityId)
    if (!buildings.length) throw forbidden('您只能查看自己负责范围的统计')
    scope = { buildingId: _.in(buildings) }
  }

  const groups = await aggregated<Group>(
    ctx.db
      .collection(SUGGESTIONS)
      .aggregate()
      .match(all(_, [scope, { createdAt: _.gte(start) }, { createdAt: _.lt(end) }]))
      .group({
        _id: {
          status: '$status',
          category: '$category',
          buildingId: '$buildingId',
          buildingName: '$buildingName',
        },
        n: { $sum: 1 },
        ratingSum: { $sum: { $ifNull: ['$rating.score', 0] } },
        rated: { $sum: { $cond: [{ $gt: ['$rating.score', 0] }, 1, 0] } },
        lateAccept: { $sum: { $cond: [{ $lt: ['$acceptDueAt', ctx.now] }, 1, 0] } },
        lateResolve: { $sum: { $cond: [{ $lt: ['$resolveDueAt', ctx.now] }, 1, 0] } },
        times: {
          $push: {
            a: { $subtract: ['$acceptedAt', '$createdAt'] },
            r: { $subtract: ['$resolvedAt', '$createdAt'] },
          },
        },
      })
      .limit(10000)
      .end(),
  )

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>
  const byCategory = new Map<Category, number>()
  const byBuilding = new Map<string, { buildingId: string; buildingName: string; count: number }>()
  let total = 0
  let ratingSum = 0
  let rated = 0
  let overdue = 0
  const toAccept: number[] = []
  const toResolve: number[] = []
  for (const g of groups) {
    const { status, category, buildingId, buildingName } = g._id
    total += g.n
    byStatus[status] = (byStatus[status] ?? 0) + g.n
    byCategory.set(category, (byCategory.get(category) ?? 0) + g.n)
    const b = byBuilding.get(buildingId) ?? { buildingId, buildingName, count: 0 }
    b.count += g.n
    byBuilding.set(buildingId, b)
    ratingSum += g.ratingSum
    rated += g.rated
    if (status === 'submitted') overdue += g.lateAccept
    else if (WORKING_STATUSES.includes(status)) overdue += g.lateResolve
    for (const { a, r } of g.times) {
      if (typeof a === 'number') toAccept.push(a / HOUR)
      // the time to resolve counts only what is resolved now (a reopened one is not)
      if (status === 'resolved' && typeof r === 'number') toResolve.push(r / HOUR)
    }
  }
  const toResolveBase = total - byStatus.declined
  const result: StatsResult = {
    from: input.from,
    to: input.to,
    total,
    byStatus,
    byCategory: CATEGORIES.filter((c) => byCategory.has(c))
      .map((category) => ({ category, count: byCategory.get(category) ?? 0 }))
      .sort((a, b) => b.count - a.count),
    byBuilding: [...byBuilding.values()].sort(
      (a, b) =>
        b.count - a.count ||
        a.buildingName.localeCompare(b.buildingName, 'zh-Hans-CN', { numeric: true }),
    ),
    resolutionRate:
      toResolveBase > 0 ? Math.round((byStatus.resolved / toResolveBase) * 1000) / 1000 : null,
    medianHoursToAccept: round1(median(toAccept)),
    medianHoursToResolve: round1(median(toResolve)),
    averageRating: rated ? Math.round((ratingSum / rated) * 100) / 100 : null,
    ratedCount: rated,
    overdue,
  }
  return result
})

import { getById } from '../../../../server/places'
import { POINTS_ACCOUNTS, type PointsAccountDoc } from '../../../../server/points'
import { handler } from '../../../../server/router'
import { dayKey } from '../../../../server/time'
import { points, type CalendarDay } from '../../../../src/contract/points'
import { monthId, POINTS_MONTHS, type HouseholdMonthDoc } from '../lib/model'
import { rankBuildings } from '../lib/ranking'
import { callerHousehold, labelOf, monthKey, pointsPerDay } from '../lib/scope'

/**
 * The household's balance (its account document) and month (its month document): read by id,
 * never by scanning the ledger, however long the household's history.
 */
export const summary = handler(points.summary, 'resident', async (input, ctx) => {
  const household = await callerHousehold(ctx)
  const month = monthKey(input.month, dayKey(ctx.now).slice(0, 6))
  const [account, doc, perDay, ranking] = await Promise.all([
    getById<PointsAccountDoc>(ctx.db, POINTS_ACCOUNTS, household._id),
    getById<HouseholdMonthDoc>(ctx.db, POINTS_MONTHS, monthId(household._id, month)),
    pointsPerDay(ctx.db, household.communityId),
    rankBuildings(ctx.db, household.estateId, month),
  ])
  const days: CalendarDay[] = Object.entries(doc?.days ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([dd, m]) => ({
      day: `${month.slice(0, 4)}-${month.slice(4, 6)}-${dd}`,
      correct: m.c,
      reason: m.r,
      note: m.n,
      photo: m.p,
    }))
  const mine = ranking.find((r) => r.buildingId === household.buildingId)
  return {
    householdId: household._id,
    householdLabel: labelOf(household),
    balance: account?.balance ?? 0,
    pointsPerDay: perDay,
    month: `${month.slice(0, 4)}-${month.slice(4, 6)}`,
    correctDays: doc?.correctDays ?? 0,
    incorrectDays: doc?.incorrectDays ?? 0,
    earned: doc?.earned ?? 0,
    days,
    building: mine ? { name: mine.buildingName, rank: mine.rank, of: ranking.length } : null,
  }
})

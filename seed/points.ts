// Demo data of 垃圾分类积分: supervisors for the 12 points, the reward catalogue, and the last two
// weeks of sorting at 东方现代城 — records, ledger, accounts and every aggregate, built with the
// points function's own builders and folds (cloudfunctions/points/src/lib/model.ts), so the seed
// holds exactly what recording those days through the function would have written.
import type { HouseholdDoc, UserDoc } from '../server/models'
import { householdView } from '../server/places'
import type { PointsAccountDoc, PointsLedgerDoc } from '../server/points'
import { DAY, dayKey } from '../server/time'
import { DEFAULT_POINTS_PER_DAY, type Mistake } from '../src/contract/points'
import {
  foldBuildingMonth,
  foldMonth,
  foldPointDay,
  newRecord,
  recordPostingKey,
  sortingReason,
  verdictOf,
  type BuildingMonthDoc,
  type HouseholdMonthDoc,
  type PointDayDoc,
  type RewardDoc,
  type SortingRecordDoc,
} from '../cloudfunctions/points/src/lib/model'
import type { CollectionPointDoc } from './places'
import { PERSONA_HOUSEHOLDS } from '../src/contract/personas'
import {
  CORRECT,
  DEMO_MISTAKE,
  HISTORY_DAYS,
  MISTAKE_WEIGHTS,
  PARTICIPATION,
  REWARD_CATALOGUE,
  SUPERVISORS,
} from './points-data'

export interface PointsSeed {
  users: UserDoc[]
  rewards: RewardDoc[]
  sortingRecords: SortingRecordDoc[]
  pointsMonths: HouseholdMonthDoc[]
  sortingPointDays: PointDayDoc[]
  sortingBuildingMonths: BuildingMonthDoc[]
  pointsAccounts: PointsAccountDoc[]
  pointsLedger: PointsLedgerDoc[]
}

const DEMO_HOUSEHOLD = PERSONA_HOUSEHOLDS['demo-resident-zt']

/** A fixed pseudo-random number in [0, 1) for a key: the same demo every time. */
function chance(key: string): number {
  let h = 2166136261
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return ((h >>> 0) % 100000) / 100000
}

function mistakeFor(key: string): Mistake {
  const total = MISTAKE_WEIGHTS.reduce((n, [, w]) => n + w, 0)
  let x = chance(key) * total
  for (const [m, w] of MISTAKE_WEIGHTS) {
    if ((x -= w) < 0) return m
  }
  return MISTAKE_WEIGHTS[0][0]
}

/**
 * `days` of history before `now` (the bench builds a year, one collection point at a time:
 * every aggregate of a household, building or point stays within the households given).
 */
export function pointsSeed(
  now: Date,
  households: HouseholdDoc[],
  points: CollectionPointDoc[],
  days = HISTORY_DAYS,
): PointsSeed {
  const users: UserDoc[] = SUPERVISORS.slice(1).map((s, i) => {
    const point = points[i + 1]
    return {
      _id: s.openid,
      openid: s.openid,
      householdId: null,
      roles: [
        {
          role: 'supervisor',
          communityId: point.communityId,
          collectionPointId: point._id,
          title: `垃圾分类督导员 · 东方现代城 ${point.name}`,
        },
      ],
      createdAt: now,
      updatedAt: now,
    }
  })
  const rewards: RewardDoc[] = REWARD_CATALOGUE.map((r, i) => ({
    _id: `rw-ZTL-${String(i + 1).padStart(2, '0')}`,
    communityId: 'ZTL',
    photo: null,
    active: true,
    createdAt: new Date(now.getTime() - 30 * DAY),
    updatedAt: new Date(now.getTime() - 30 * DAY),
    ...r,
  }))

  const supervisorOf = new Map(points.map((p, i) => [p._id, SUPERVISORS[i].openid]))
  const records: SortingRecordDoc[] = []
  const months = new Map<string, HouseholdMonthDoc>()
  const pointDays = new Map<string, PointDayDoc>()
  const buildingMonths = new Map<string, BuildingMonthDoc>()
  const accounts: PointsAccountDoc[] = []
  const ledger: PointsLedgerDoc[] = []

  const sorting = households.filter((h) => h.collectionPointId)
  for (const h of sorting) {
    const label = householdView(h).label
    // each building has its own habits, each household a little of its own
    const comes =
      PARTICIPATION.low + (PARTICIPATION.high - PARTICIPATION.low) * chance(`p-${h.buildingId}`)
    const right = CORRECT.low + (CORRECT.high - CORRECT.low) * chance(`c-${h.buildingId}`)
    let balance = 0
    let first: Date | null = null
    for (let back = days; back >= 1; back--) {
      const day = new Date(now.getTime() - back * DAY)
      const key = dayKey(day)
      if (h._id !== DEMO_HOUSEHOLD && chance(`${h._id}-${key}-come`) > comes) continue
      const pointId = h.collectionPointId as string
      // 7:00–8:30 in the morning, Asia/Shanghai
      const madeAt = new Date(
        Date.UTC(
          Number(key.slice(0, 4)),
          Number(key.slice(4, 6)) - 1,
          Number(key.slice(6, 8)),
          -1,
          Math.floor(chance(`${h._id}-${key}-t`) * 90),
        ),
      )
      // the demo household was told off the day before yesterday, so its calendar shows why
      const told = h._id === DEMO_HOUSEHOLD && back === 2
      const correct = !told && chance(`${h._id}-${key}-ok`) < right
      const reason = told ? DEMO_MISTAKE.reason : correct ? null : mistakeFor(`${h._id}-${key}-why`)
      const rec = newRecord({
        household: { ...h, label },
        day: key,
        correct,
        reason,
        note: told ? DEMO_MISTAKE.note : '',
        photo: null,
        points: correct ? DEFAULT_POINTS_PER_DAY : 0,
        madeAt,
        now: madeAt,
        by: supervisorOf.get(pointId) ?? 'system',
        atPoint: pointId,
        clientId: `seed-${key}`,
        version: 0,
        history: [],
      })
      records.push(rec)
      const month = key.slice(0, 6)
      const mKey = `${h._id}-${month}`
      const before = months.get(mKey) ?? null
      const m = foldMonth(
        before,
        {
          householdId: h._id,
          buildingId: h.buildingId,
          estateId: h.estateId,
          communityId: h.communityId,
        },
        key,
        verdictOf(rec),
        { note: rec.note, photo: null },
        rec.points,
        madeAt,
      )
      months.set(mKey, m)
      const pdKey = `${pointId}-${key}`
      pointDays.set(
        pdKey,
        foldPointDay(
          pointDays.get(pdKey) ?? null,
          { communityId: h.communityId, pointId, day: key },
          null,
          verdictOf(rec),
          madeAt,
        ),
      )
      const bmKey = `${h.buildingId}-${month}`
      buildingMonths.set(
        bmKey,
        foldBuildingMonth(
          buildingMonths.get(bmKey) ?? null,
          { buildingId: h.buildingId, estateId: h.estateId, communityId: h.communityId, month },
          before?.correctDays ?? 0,
          m.correctDays,
          null,
          verdictOf(rec),
          madeAt,
        ),
      )
      if (rec.points > 0) {
        balance += rec.points
        first = first ?? madeAt
        ledger.push({
          _id: recordPostingKey(rec._id, 0),
          householdId: h._id,
          communityId: h.communityId,
          delta: rec.points,
          balanceAfter: balance,
          kind: 'sorting',
          reason: sortingReason(key, '垃圾分类'),
          refId: rec._id,
          by: rec.recordedBy,
          createdAt: madeAt,
        })
      }
    }
    if (balance > 0 && first) {
      accounts.push({
        _id: h._id,
        householdId: h._id,
        communityId: h.communityId,
        balance,
        createdAt: first,
        updatedAt: now,
      })
    }
  }
  return {
    users,
    rewards,
    sortingRecords: records,
    pointsMonths: [...months.values()],
    sortingPointDays: [...pointDays.values()],
    sortingBuildingMonths: [...buildingMonths.values()],
    pointsAccounts: accounts,
    pointsLedger: ledger,
  }
}

// Document shapes of the points domain and the pure builders that make and fold them. The
// function and the seed both build documents with these, so their shapes cannot drift apart.
//
// Every count that matters lives on a document addressed by an id derived from its cause, so a
// transaction (by id only, as WeChat cloud requires) can read and write it:
//   sortingRecords         sorting-<household>-<YYYYMMDD>   one per household and day
//   pointsMonths           <household>-<YYYYMM>             the household's month: calendar, days
//   sortingPointDays       <point>-<YYYYMMDD>               a point's day: recorded, correct, mistakes
//   sortingBuildingMonths  <building>-<YYYYMM>              a building's month: for the ranking
//   rewardLimits           <reward>-<household>-<YYYYMM>    redemptions of a reward this month
//   pickupCodes            code-<community>-<six digits>    which redemption holds a code, while open
import { MISTAKES, type Mistake, type RedemptionStatus } from '../../../../src/contract/points'

export const SORTING_RECORDS = 'sortingRecords'
export const POINTS_MONTHS = 'pointsMonths'
export const POINT_DAYS = 'sortingPointDays'
export const BUILDING_MONTHS = 'sortingBuildingMonths'
export const POINTS_RULES = 'pointsRules'
export const REWARDS = 'rewards'
export const REWARD_LIMITS = 'rewardLimits'
export const REDEMPTIONS = 'redemptions'
export const PICKUP_CODES = 'pickupCodes'
export const ADJUSTMENTS = 'pointsAdjustments'
export const COLLECTION_POINTS = 'collectionPoints'

export interface CollectionPointDoc {
  _id: string
  communityId: string
  estateId: string
  name: string
  buildingIds: string[]
  bins: { hazardous: number; recyclable: number; kitchen: number; other: number }
}

/** What a record says now: null when there is none in effect (never made, or undone). */
export type Verdict = { correct: boolean; reason: Mistake | null } | null

export interface RecordChange {
  at: Date
  by: string
  kind: 'recorded' | 'corrected' | 'undone'
  correct: boolean
  reason: Mistake | null
  why: string
}

export interface SortingRecordDoc {
  _id: string
  householdId: string
  householdLabel: string
  buildingId: string
  estateId: string
  communityId: string
  /** the household's own point: its statistics count this record */
  householdPoint: string | null
  /** where it was recorded: only that point's supervisors may correct it */
  recordedAtPoint: string
  /** YYYYMMDD, Asia/Shanghai, of madeAt */
  day: string
  correct: boolean
  reason: Mistake | null
  note: string
  photo: string | null
  /** points this record holds now (0 when incorrect or undone) */
  points: number
  madeAt: Date
  recordedAt: Date
  recordedBy: string
  clientId: string
  void: boolean
  /** bumped by every change; each change's ledger key carries it */
  version: number
  history: RecordChange[]
  updatedAt: Date
}

export interface CalendarMark {
  /** correct */
  c: boolean
  /** reason when not */
  r: Mistake | null
  n: string
  p: string | null
}

export interface HouseholdMonthDoc {
  _id: string
  householdId: string
  buildingId: string
  estateId: string
  communityId: string
  /** YYYYMM */
  month: string
  correctDays: number
  incorrectDays: number
  earned: number
  /** by day of month ('01'…'31') */
  days: Record<string, CalendarMark>
  updatedAt: Date
}

export interface PointDayDoc {
  _id: string
  communityId: string
  pointId: string
  /** YYYYMMDD */
  day: string
  recorded: number
  correct: number
  incorrect: number
  /** counts by MISTAKES index */
  mistakes: number[]
  updatedAt: Date
}

export interface BuildingMonthDoc {
  _id: string
  buildingId: string
  estateId: string
  communityId: string
  month: string
  /** households with at least one correct day */
  correctHouseholds: number
  correctDays: number
  recordedDays: number
  updatedAt: Date
}

export interface RulesDoc {
  _id: string
  communityId: string
  pointsPerDay: number
  updatedAt: Date
  updatedBy: string
}

export interface RewardDoc {
  _id: string
  communityId: string
  name: string
  description: string
  photo: string | null
  points: number
  stock: number
  monthlyLimit: number
  active: boolean
  createdAt: Date
  updatedAt: Date
}

export interface RewardLimitDoc {
  _id: string
  rewardId: string
  householdId: string
  month: string
  count: number
}

export interface RedemptionDoc {
  _id: string
  communityId: string
  householdId: string
  householdLabel: string
  rewardId: string
  rewardName: string
  points: number
  code: string
  status: RedemptionStatus
  by: string
  /** YYYYMM of the redemption: the monthly limit it counts against */
  month: string
  createdAt: Date
  expiresAt: Date
  closedAt: Date | null
  closedBy: string | null
}

export interface PickupCodeDoc {
  _id: string
  communityId: string
  redemptionId: string
  open: boolean
}

export interface AdjustmentDoc {
  _id: string
  communityId: string
  householdId: string
  householdLabel: string
  delta: number
  reason: string
  by: string
  byTitle: string
  createdAt: Date
}

// ---- ids ------------------------------------------------------------------------------------

export const recordId = (householdId: string, day: string) => `sorting-${householdId}-${day}`
/** The ledger key of a record's change: the first award keeps the record's own id. */
export const recordPostingKey = (id: string, version: number) =>
  version === 0 ? id : `${id}-v${version}`
export const monthId = (householdId: string, month: string) => `${householdId}-${month}`
export const pointDayId = (pointId: string, day: string) => `${pointId}-${day}`
export const buildingMonthId = (buildingId: string, month: string) => `${buildingId}-${month}`
export const rulesId = (communityId: string) => `rules-${communityId}`
export const limitId = (rewardId: string, householdId: string, month: string) =>
  `${rewardId}-${householdId}-${month}`
export const codeId = (communityId: string, code: string) => `code-${communityId}-${code}`

/** 20261202 → 2026-12-02 */
export const isoDay = (day: string) => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`

// ---- folds: how one record's change moves each aggregate --------------------------------------

const sign = (v: Verdict, pick: (x: NonNullable<Verdict>) => boolean) => (v && pick(v) ? 1 : 0)

export function foldPointDay(
  doc: PointDayDoc | null,
  key: { communityId: string; pointId: string; day: string },
  before: Verdict,
  after: Verdict,
  now: Date,
): PointDayDoc {
  const d: PointDayDoc = doc
    ? { ...doc, mistakes: [...doc.mistakes] }
    : {
        _id: pointDayId(key.pointId, key.day),
        communityId: key.communityId,
        pointId: key.pointId,
        day: key.day,
        recorded: 0,
        correct: 0,
        incorrect: 0,
        mistakes: MISTAKES.map(() => 0),
        updatedAt: now,
      }
  const all = () => true
  d.recorded += sign(after, all) - sign(before, all)
  d.correct += sign(after, (x) => x.correct) - sign(before, (x) => x.correct)
  d.incorrect += sign(after, (x) => !x.correct) - sign(before, (x) => !x.correct)
  if (before && !before.correct && before.reason) d.mistakes[MISTAKES.indexOf(before.reason)] -= 1
  if (after && !after.correct && after.reason) d.mistakes[MISTAKES.indexOf(after.reason)] += 1
  d.updatedAt = now
  return d
}

export function foldMonth(
  doc: HouseholdMonthDoc | null,
  key: { householdId: string; buildingId: string; estateId: string; communityId: string },
  day: string,
  after: Verdict,
  mark: { note: string; photo: string | null },
  pointsDelta: number,
  now: Date,
): HouseholdMonthDoc {
  const month = day.slice(0, 6)
  const d: HouseholdMonthDoc = doc
    ? { ...doc, days: { ...doc.days } }
    : {
        _id: monthId(key.householdId, month),
        householdId: key.householdId,
        buildingId: key.buildingId,
        estateId: key.estateId,
        communityId: key.communityId,
        month,
        correctDays: 0,
        incorrectDays: 0,
        earned: 0,
        days: {},
        updatedAt: now,
      }
  const dd = day.slice(6, 8)
  if (after) d.days[dd] = { c: after.correct, r: after.reason, n: mark.note, p: mark.photo }
  else delete d.days[dd]
  const marks = Object.values(d.days)
  d.correctDays = marks.filter((m) => m.c).length
  d.incorrectDays = marks.length - d.correctDays
  d.earned += pointsDelta
  d.updatedAt = now
  return d
}

export function foldBuildingMonth(
  doc: BuildingMonthDoc | null,
  key: { buildingId: string; estateId: string; communityId: string; month: string },
  monthBefore: number,
  monthAfter: number,
  before: Verdict,
  after: Verdict,
  now: Date,
): BuildingMonthDoc {
  const d: BuildingMonthDoc = doc
    ? { ...doc }
    : {
        _id: buildingMonthId(key.buildingId, key.month),
        buildingId: key.buildingId,
        estateId: key.estateId,
        communityId: key.communityId,
        month: key.month,
        correctHouseholds: 0,
        correctDays: 0,
        recordedDays: 0,
        updatedAt: now,
      }
  d.correctHouseholds += (monthAfter > 0 ? 1 : 0) - (monthBefore > 0 ? 1 : 0)
  d.correctDays += monthAfter - monthBefore
  d.recordedDays += sign(after, () => true) - sign(before, () => true)
  d.updatedAt = now
  return d
}

export function newRecord(p: {
  household: {
    _id: string
    label: string
    buildingId: string
    estateId: string
    communityId: string
    collectionPointId: string | null
  }
  day: string
  correct: boolean
  reason: Mistake | null
  note: string
  photo: string | null
  points: number
  madeAt: Date
  now: Date
  by: string
  atPoint: string
  clientId: string
  version: number
  history: RecordChange[]
}): SortingRecordDoc {
  return {
    _id: recordId(p.household._id, p.day),
    householdId: p.household._id,
    householdLabel: p.household.label,
    buildingId: p.household.buildingId,
    estateId: p.household.estateId,
    communityId: p.household.communityId,
    householdPoint: p.household.collectionPointId,
    recordedAtPoint: p.atPoint,
    day: p.day,
    correct: p.correct,
    reason: p.correct ? null : p.reason,
    note: p.note,
    photo: p.correct ? null : p.photo,
    points: p.points,
    madeAt: p.madeAt,
    recordedAt: p.now,
    recordedBy: p.by,
    clientId: p.clientId,
    void: false,
    version: p.version,
    history: [
      ...p.history,
      {
        at: p.now,
        by: p.by,
        kind: 'recorded',
        correct: p.correct,
        reason: p.correct ? null : p.reason,
        why: '',
      },
    ],
    updatedAt: p.now,
  }
}

export const verdictOf = (r: SortingRecordDoc | null): Verdict =>
  r && !r.void ? { correct: r.correct, reason: r.reason } : null

/** 垃圾分类 12月2日 */
export function sortingReason(day: string, what: string): string {
  return `${what} ${Number(day.slice(4, 6))}月${Number(day.slice(6, 8))}日`
}

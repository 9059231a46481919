// The `points` cloud function: 垃圾分类积分 — supervisors record a household's sorting at the
// collection point (once a day), households earn and spend points, staff run the reward catalogue,
// verify pickup codes, adjust with a reason, and read statistics and rankings.
import * as v from 'valibot'
import { Cursor, defineAction, Empty, Id, PageSize, type Examples, type Page } from './common'
import { Room, Unit } from './account'

/** Why a household's sorting was not right: the chips of the recording screen. */
export const MISTAKES = [
  '厨余混入塑料袋',
  '可回收物混投',
  '有害垃圾未单独投放',
  '未破袋',
  '其他',
] as const
export type Mistake = (typeof MISTAKES)[number]

/** Points per correct day unless the community set its own (3 = 0.3 yuan). */
export const DEFAULT_POINTS_PER_DAY = 3
/** An offline recording may arrive this late (the phone kept it while there was no signal). */
export const LATE_LIMIT_HOURS = 48
/** A phone's clock may run this far ahead of ours. */
export const CLOCK_SKEW_MINUTES = 5
/** The recorder may undo a recording this long after making it. */
export const UNDO_WITHIN_SECONDS = 60
/** A pickup code is valid this long; then the timer refunds it. */
export const PICKUP_VALID_DAYS = 30

export type RecordStatus = 'recorded' | 'already'

/** One household's sorting on one day, as the supervisor and the household see it. */
export interface SortingRecordView {
  id: string
  householdId: string
  householdLabel: string
  /** YYYY-MM-DD (Asia/Shanghai) */
  day: string
  correct: boolean
  reason: Mistake | null
  note: string
  photo: string | null
  points: number
  /** when the supervisor made it (the phone's time, kept by the offline queue) */
  madeAt: string
  /** the point where it was recorded */
  recordedAtPoint: string
  /** the household's own point (counted in its statistics) */
  householdPoint: string | null
  /** undone within the minute: it counts for nothing, the day may be recorded again */
  void: boolean
  corrected: boolean
  /** the caller may undo it now */
  undoable: boolean
}

export interface RecordResult {
  status: RecordStatus
  record: SortingRecordView
  /** an answer a supervisor reads at a glance: 已记录 +3 分 / 今天已记录 ✓ */
  message: string
}

export interface LookupResult {
  householdId: string
  label: string
  /** its own point, when it is not the caller's: 该户属于 3号投放点 */
  otherPoint: string | null
  today: SortingRecordView | null
}

export interface TodayProgress {
  pointId: string
  pointName: string
  /** the point's estate, and its buildings by number, for the pad (楼号 → building) */
  estateName: string
  buildings: { id: string; no: number }[]
  day: string
  households: number
  recorded: number
  correct: number
  incorrect: number
  /** correct / recorded, 0..1, null when nothing is recorded */
  correctRate: number | null
  /** the caller's last recordings today, newest first */
  recent: SortingRecordView[]
}

export interface CalendarDay {
  /** YYYY-MM-DD */
  day: string
  correct: boolean
  reason: Mistake | null
  note: string
  photo: string | null
}

export interface PointsSummary {
  householdId: string
  householdLabel: string
  balance: number
  pointsPerDay: number
  /** YYYY-MM */
  month: string
  correctDays: number
  incorrectDays: number
  earned: number
  days: CalendarDay[]
  /** the household's building in the estate's ranking this month */
  building: { name: string; rank: number; of: number } | null
}

export interface LedgerEntryView {
  id: string
  delta: number
  balanceAfter: number
  kind: string
  reason: string
  at: string
}

export interface RewardView {
  id: string
  name: string
  description: string
  photo: string | null
  points: number
  stock: number
  /** per household per month; 0 = no limit */
  monthlyLimit: number
  active: boolean
  /** the caller's household, this month */
  redeemedThisMonth: number
}

export type RedemptionStatus = 'open' | 'collected' | 'cancelled' | 'expired'
export const REDEMPTION_LABELS: Record<RedemptionStatus, string> = {
  open: '待领取',
  collected: '已领取',
  cancelled: '已取消',
  expired: '已过期退回',
}

export interface RedemptionView {
  id: string
  rewardId: string
  rewardName: string
  points: number
  /** six digits */
  code: string
  /** the code as a QR image (data URL), while it is open */
  qr: string | null
  status: RedemptionStatus
  householdLabel: string
  createdAt: string
  expiresAt: string
  closedAt: string | null
}

export interface AdjustmentView {
  id: string
  householdId: string
  householdLabel: string
  delta: number
  reason: string
  /** who made it, e.g. 社区两委 · 政通路社区 (demo-staff-zt) */
  by: string
  at: string
}

export interface BuildingRank {
  rank: number
  buildingId: string
  buildingName: string
  households: number
  /** households with at least one correct day this month */
  correctHouseholds: number
  /** correctHouseholds / households, 0..1 */
  share: number
  /** correct days per household */
  averageDays: number
}

export interface RankingResult {
  month: string
  estateName: string
  buildings: BuildingRank[]
}

export interface PointStats {
  pointId: string
  pointName: string
  households: number
  /** recordings over the range (one per household and day) */
  recorded: number
  correct: number
  /** recorded / (households × days) */
  participation: number
  /** correct / recorded; null when nothing recorded */
  correctRate: number | null
}

export interface DayStats {
  day: string
  pointId: string
  recorded: number
  correct: number
  incorrect: number
}

export interface StatsResultView {
  from: string
  to: string
  days: number
  points: PointStats[]
  byDay: DayStats[]
  mistakes: { reason: Mistake; count: number }[]
}

export interface RulesView {
  communityId: string
  pointsPerDay: number
}

// ---- input schemas --------------------------------------------------------------------------

const FileId = v.pipe(
  v.string('照片格式不对'),
  v.maxLength(300, '照片地址太长'),
  v.regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._\-/]+$/, '照片格式不对'),
)
const text = (min: number, max: number, what: string) =>
  v.pipe(
    v.string(`请填写${what}`),
    v.trim(),
    v.minLength(min, `${what}至少 ${min} 个字`),
    v.maxLength(max, `${what}最多 ${max} 个字`),
  )
const Iso = v.pipe(
  v.string('时间格式不对'),
  v.maxLength(40, '时间格式不对'),
  v.isoTimestamp('时间格式不对'),
)
const DateStr = v.pipe(
  v.string('日期格式不对'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-01-31'),
)
const MonthStr = v.pipe(
  v.string('月份格式不对'),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-01'),
)
const ClientId = v.pipe(v.string('记录编号不对'), v.regex(/^[A-Za-z0-9_-]{8,32}$/, '记录编号不对'))
const MistakeSchema = v.picklist(MISTAKES, '请选择哪里分得不对')
const Place = v.strictObject({ buildingId: Id, unit: Unit, room: Room })
const Paged = { cursor: Cursor, limit: PageSize }

/** Which household: its id (from the card's `h=` code) or building, unit and room (the pad). */
const Who = {
  householdId: v.optional(Id),
  place: v.optional(Place),
}
const oneHousehold = <T extends { householdId?: string; place?: unknown }>(x: T) =>
  Boolean(x.householdId) !== Boolean(x.place)
const WHO_MESSAGE = '请扫户卡，或填写楼栋、单元和房号'

const RecordInput = v.pipe(
  v.strictObject({
    ...Who,
    correct: v.boolean('请选择分类正确或不正确'),
    reason: v.optional(v.nullable(MistakeSchema), null),
    note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, '备注最多 100 个字')), ''),
    photo: v.optional(v.nullable(FileId), null),
    /** when it was made on the phone (the offline queue keeps it); default: now */
    madeAt: v.optional(Iso),
    /** the phone's id for this recording, so a resend is recognised */
    clientId: ClientId,
  }),
  v.check(oneHousehold, WHO_MESSAGE),
  v.check((x) => x.correct || x.reason !== null, '请选择哪里分得不对'),
  v.check((x) => !x.correct || (x.reason === null && x.photo === null), '分类正确不需要原因和照片'),
)

const Points = (min: number, max: number, what: string) =>
  v.pipe(
    v.number(`请填写${what}`),
    v.integer(`${what}必须是整数`),
    v.minValue(min, `${what}至少 ${min}`),
    v.maxValue(max, `${what}最多 ${max}`),
  )

export const SaveRewardInput = v.strictObject({
  /** absent: a new reward */
  id: v.optional(Id),
  name: text(1, 20, '奖品名称'),
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, '说明最多 100 个字')), ''),
  photo: v.optional(v.nullable(FileId), null),
  points: Points(1, 10000, '所需积分'),
  monthlyLimit: Points(0, 100, '每户每月限兑'),
  /** added to the stock (a new reward starts from it) */
  restock: v.optional(Points(0, 10000, '补充库存'), 0),
  active: v.optional(v.boolean(), true),
})

export const points = {
  /** The supervisor's one tap: correct (the day's points) or not (a reason, maybe a photo). */
  record: defineAction<RecordResult>()(RecordInput),
  /** What the recording screen shows after a scan: the household and today's record, if any. */
  lookup: defineAction<LookupResult>()(
    v.pipe(v.strictObject({ ...Who }), v.check(oneHousehold, WHO_MESSAGE)),
  ),
  /** The supervisor's point today: recorded / households, correct rate, the last recordings. */
  today: defineAction<TodayProgress>()(Empty),
  /** Same-day correction by a supervisor of the point that recorded it; both entries stay. */
  correct: defineAction<RecordResult>()(
    v.pipe(
      v.strictObject({
        householdId: Id,
        correct: v.boolean('请选择分类正确或不正确'),
        reason: v.optional(v.nullable(MistakeSchema), null),
        why: text(2, 100, '更正原因'),
      }),
      v.check((x) => x.correct || x.reason !== null, '请选择哪里分得不对'),
    ),
  ),
  /** The recorder takes back their last recording within a minute (a mis-scan). */
  undo: defineAction<RecordResult>()(v.strictObject({ householdId: Id })),
  /** The household's balance and month: two documents, never a scan of the ledger. */
  summary: defineAction<PointsSummary>()(
    v.optional(v.strictObject({ month: v.optional(MonthStr) }), {}),
  ),
  ledger: defineAction<Page<LedgerEntryView>>()(v.optional(v.strictObject({ ...Paged }), {})),
  rewards: defineAction<RewardView[]>()(Empty),
  saveReward: defineAction<RewardView>()(SaveRewardInput),
  /** 兑换: points and stock in one transaction; a pickup code valid 30 days. */
  redeem: defineAction<RedemptionView>()(v.strictObject({ rewardId: Id, clientToken: ClientId })),
  /** The household's redemptions (residents), or the community's (staff, `all`). */
  redemptions: defineAction<Page<RedemptionView>>()(
    v.optional(v.strictObject({ all: v.optional(v.boolean(), false), ...Paged }), {}),
  ),
  cancelRedemption: defineAction<RedemptionView>()(v.strictObject({ id: Id })),
  /** Staff look a code up (`collect` false) and hand the reward over (`collect` true), once. */
  verify: defineAction<RedemptionView>()(
    v.strictObject({
      code: v.pipe(v.string('请输入取货码'), v.trim(), v.regex(/^\d{6}$/, '取货码是 6 位数字')),
      collect: v.optional(v.boolean(), false),
    }),
  ),
  adjust: defineAction<{ balance: number; adjustment: AdjustmentView }>()(
    v.strictObject({
      householdId: Id,
      delta: v.pipe(
        Points(-10000, 10000, '调整积分'),
        v.check((n) => n !== 0, '调整积分不能为 0'),
      ),
      reason: text(2, 100, '调整原因'),
      /** the form's id for this adjustment, so a retried tap adjusts once */
      clientToken: ClientId,
    }),
  ),
  adjustments: defineAction<Page<AdjustmentView>>()(v.optional(v.strictObject({ ...Paged }), {})),
  ranking: defineAction<RankingResult>()(
    v.optional(v.strictObject({ month: v.optional(MonthStr) }), {}),
  ),
  stats: defineAction<StatsResultView>()(v.strictObject({ from: DateStr, to: DateStr })),
  export: defineAction<{ fileName: string; dataUrl: string; bytes: number }>()(
    v.strictObject({ from: DateStr, to: DateStr }),
  ),
  rules: defineAction<RulesView>()(Empty),
  saveRules: defineAction<RulesView>()(
    v.strictObject({ pointsPerDay: Points(1, 100, '每天积分') }),
  ),
}
export type PointsContract = typeof points

/** A valid input of every action (东方现代城: 1号楼 1单元 101 is a household of 1号投放点). */
export const pointsExamples: Examples<typeof points> = {
  record: { householdId: 'DF-1-1-101', correct: true, clientId: 'example-0001' },
  lookup: { place: { buildingId: 'DF-1', unit: 1, room: '101' } },
  today: {},
  correct: { householdId: 'DF-1-1-101', correct: false, reason: '未破袋', why: '看错了，更正' },
  undo: { householdId: 'DF-1-1-101' },
  summary: { month: '2026-12' },
  ledger: { limit: 20 },
  rewards: {},
  saveReward: { name: '洗洁精', points: 60, monthlyLimit: 2, restock: 10 },
  redeem: { rewardId: 'rw-ZTL-01', clientToken: 'example-0001' },
  redemptions: { limit: 20 },
  cancelRedemption: { id: 'rd-example' },
  verify: { code: '123456' },
  adjust: { householdId: 'DF-1-1-101', delta: 5, reason: '补记漏扫', clientToken: 'example-0001' },
  adjustments: { limit: 20 },
  ranking: { month: '2026-12' },
  stats: { from: '2026-12-01', to: '2026-12-02' },
  export: { from: '2026-12-01', to: '2026-12-02' },
  rules: {},
  saveRules: { pointsPerDay: 3 },
}

// The `activity` cloud function: 志愿活动报名 — publish, sign up with family, a waitlist that
// promotes itself, check-in by the activity's code, volunteer hours, reminders, Excel export.
import * as v from 'valibot'
import { Cursor, defineAction, Id, PageSize, Phone, type Examples, type Page } from './common'

/** The 五心 team's weekly themes, and the kinds of activity the reports tell of. */
export const THEMES = [
  '守望孝心',
  '绿色舒心',
  '携手放心',
  '健康义诊',
  '文体活动',
  '节日民俗',
  '垃圾分类',
] as const
export type Theme = (typeof THEMES)[number]

export const SIGN_UP_STATUSES = [
  'confirmed',
  'waitlisted',
  'withdrawn',
  'checked_in',
  'no_show',
  'cancelled',
] as const
export type SignUpStatus = (typeof SIGN_UP_STATUSES)[number]

export const SIGN_UP_LABELS: Record<SignUpStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  withdrawn: '已退出',
  checked_in: '已签到',
  no_show: '未到',
  cancelled: '活动取消',
}

/** What a card says about an activity as a whole. */
export type ActivityState = 'not_open' | 'open' | 'full' | 'closed' | 'ended' | 'cancelled'

export const MAX_COMPANIONS = 4
export const MAX_REPEAT_WEEKS = 12
/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_EARLY_MINUTES = 30

/** Who may join: anyone (the community's residents and volunteers), one estate, or some buildings. */
export type Audience =
  | { kind: 'community' }
  | { kind: 'estate'; estateId: string }
  | { kind: 'buildings'; buildingIds: string[] }

export interface ActivityCard {
  id: string
  title: string
  theme: Theme
  cover: string | null
  place: string
  communityId: string
  communityName: string
  /** ISO date-times */
  startAt: string
  endAt: string
  capacity: number
  /** places left (people) */
  remaining: number
  /** sign-ups waiting for a place */
  waiting: number
  state: ActivityState
  hours: number
  points: number
  audienceLabel: string
  /** the caller's own sign-up status, if any */
  mine: SignUpStatus | null
}

export interface MySignUp {
  id: string
  status: SignUpStatus
  /** 候补第 N 位 while waitlisted */
  position: number | null
  name: string
  phone: string
  companions: string[]
  party: number
  checkedInAt: string | null
  hours: number
  points: number
}

export interface ActivityDetail extends ActivityCard {
  description: string
  signUpOpensAt: string
  signUpClosesAt: string
  withdrawBy: string
  maxCompanions: number
  contactPhone: string
  cancelReason: string | null
  seriesId: string | null
  audience: Audience
  /** the caller is staff of its community */
  canManage: boolean
  mySignUp: MySignUp | null
  /** name and phone from the caller's last sign-up, to fill the form */
  contact: { name: string; phone: string } | null
  /** null: the caller may sign up now; otherwise why not, in words */
  signUpBlocked: string | null
  /** the caller has no household: hours yes, points no */
  noPoints: boolean
}

export interface SignUpResult {
  signUpId: string
  status: 'confirmed' | 'waitlisted'
  position: number | null
  /** they had already signed up: the answer is the sign-up as it stands */
  already: boolean
}

export interface MyActivity {
  signUpId: string
  activityId: string
  title: string
  place: string
  startAt: string
  endAt: string
  status: SignUpStatus
  position: number | null
  party: number
  hours: number
  activityCancelled: boolean
}

export interface Attendee {
  signUpId: string
  name: string
  phone: string
  companions: string[]
  party: number
  status: SignUpStatus
  /** arrival order of a waitlisted sign-up (1 = next) */
  position: number | null
  signedUpAt: string
  checkedInAt: string | null
  /** 本人扫码 or the staff member's title who checked them in */
  checkedInBy: string | null
}

export interface AttendeeList {
  activity: ActivityCard
  confirmed: Attendee[]
  waitlisted: Attendee[]
  checkedIn: Attendee[]
  noShow: Attendee[]
  withdrawn: Attendee[]
  /** people (sign-ups plus companions) confirmed or checked in */
  people: number
}

export interface HoursRecord {
  id: string
  activityId: string
  title: string
  communityName: string
  /** ISO: the activity's start, or the correction's time */
  date: string
  hours: number
  kind: 'checkin' | 'correction'
  reason: string | null
}

export interface HoursSummary {
  name: string | null
  total: number
  byYear: { year: number; hours: number }[]
  records: HoursRecord[]
  /** 志愿服务记录证明 */
  certificate: { recordNo: string; communityName: string | null; issuedAt: string }
}

export interface CheckInResult {
  signUpId: string
  title: string
  /** true: it was already done before */
  already: boolean
  hours: number
  points: number
  /** points were not credited because the caller has no household */
  noHousehold: boolean
}

export interface ActivityCode {
  scene: string
  page: string
  title: string
  dataUrl: string
}

export interface ExportedFile {
  fileID: string
  url: string
  fileName: string
  rows: number
}

// ---- schemas ---------------------------------------------------------------

const text = (label: string, min: number, max: number) =>
  v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.minLength(min, `${label}至少 ${min} 个字`),
    v.maxLength(max, `${label}最多 ${max} 个字`),
  )

/** A moment as milliseconds since 1970 (what Date.getTime() gives). */
const Time = v.pipe(
  v.number('时间格式不对'),
  v.integer('时间格式不对'),
  v.minValue(Date.UTC(2020, 0, 1), '时间不对'),
  v.maxValue(Date.UTC(2100, 0, 1), '时间不对'),
)

const FileId = v.pipe(
  v.string('封面格式不对'),
  v.trim(),
  v.maxLength(300, '封面地址太长'),
  v.regex(/^cloud:\/\/[^\s]+$/, '封面格式不对'),
)

export const AudienceSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('community') }),
  v.strictObject({ kind: v.literal('estate'), estateId: Id }),
  v.strictObject({
    kind: v.literal('buildings'),
    buildingIds: v.pipe(
      v.array(Id, '楼栋格式不对'),
      v.minLength(1, '至少选一栋楼'),
      v.maxLength(40, '楼栋太多'),
    ),
  }),
])

const Hours = v.pipe(
  v.number('时长格式不对'),
  v.minValue(0, '时长不能是负数'),
  v.maxValue(24, '时长最多 24 小时'),
  v.check((n) => Number.isInteger(n * 2), '时长按半小时计'),
)

const fields = {
  title: text('标题', 2, 40),
  theme: v.picklist(THEMES, '请选择主题'),
  cover: v.optional(v.nullable(FileId), null),
  description: text('活动介绍', 5, 1000),
  place: text('地点', 2, 60),
  startAt: Time,
  endAt: Time,
  capacity: v.pipe(
    v.number('人数格式不对'),
    v.integer('人数必须是整数'),
    v.minValue(1, '至少 1 人'),
    v.maxValue(1000, '最多 1000 人'),
  ),
  signUpOpensAt: Time,
  signUpClosesAt: Time,
  withdrawBy: Time,
  hours: Hours,
  points: v.pipe(
    v.number('积分格式不对'),
    v.integer('积分必须是整数'),
    v.minValue(0, '积分不能是负数'),
    v.maxValue(200, '积分最多 200'),
  ),
  audience: AudienceSchema,
  maxCompanions: v.pipe(
    v.number('同行人数格式不对'),
    v.integer('同行人数必须是整数'),
    v.minValue(0, '同行人数不能是负数'),
    v.maxValue(MAX_COMPANIONS, `最多带 ${MAX_COMPANIONS} 位同行人`),
  ),
  contactPhone: v.pipe(
    v.string('请填写联系电话'),
    v.trim(),
    v.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不对'),
  ),
}

export const PublishInput = v.strictObject({
  communityId: Id,
  ...fields,
  repeatWeeks: v.optional(
    v.pipe(
      v.number('重复周数格式不对'),
      v.integer('重复周数必须是整数'),
      v.minValue(1, '至少 1 周'),
      v.maxValue(MAX_REPEAT_WEEKS, `最多重复 ${MAX_REPEAT_WEEKS} 周`),
    ),
    1,
  ),
})

export const UpdateInput = v.strictObject({
  activityId: Id,
  title: v.optional(fields.title),
  theme: v.optional(fields.theme),
  cover: v.optional(v.nullable(FileId)),
  description: v.optional(fields.description),
  place: v.optional(fields.place),
  startAt: v.optional(Time),
  endAt: v.optional(Time),
  capacity: v.optional(fields.capacity),
  signUpClosesAt: v.optional(Time),
  withdrawBy: v.optional(Time),
  contactPhone: v.optional(fields.contactPhone),
})

const PersonName = v.pipe(
  v.string('请填写姓名'),
  v.trim(),
  v.minLength(1, '请填写姓名'),
  v.maxLength(20, '姓名最多 20 个字'),
)

export const SignUpInput = v.strictObject({
  activityId: Id,
  name: PersonName,
  phone: Phone,
  companions: v.optional(
    v.pipe(
      v.array(v.strictObject({ name: PersonName }), '同行人格式不对'),
      v.maxLength(MAX_COMPANIONS, `最多带 ${MAX_COMPANIONS} 位同行人`),
    ),
    [],
  ),
})

export const ACTIVITY_SCENE_PREFIX = 'a='

const One = v.strictObject({ activityId: Id })

export const activity = {
  /** Staff publish an activity (or a weekly series of `repeatWeeks`) in their community. */
  publish: defineAction<{ ids: string[] }>()(PublishInput),
  /** Staff edit; a change of time or place is messaged to everyone signed up and waitlisted. */
  update: defineAction<ActivityDetail>()(UpdateInput),
  /** Staff cancel with a reason: everyone signed up or waitlisted is told. */
  cancel: defineAction<ActivityDetail>()(
    v.strictObject({ activityId: Id, reason: text('取消原因', 2, 100) }),
  ),
  /** Upcoming activities of the caller's community: this week or all, optionally by theme. */
  list: defineAction<Page<ActivityCard>>()(
    v.strictObject({
      when: v.optional(v.picklist(['week', 'upcoming', 'past'], '时间范围不对'), 'upcoming'),
      theme: v.optional(v.picklist(THEMES, '主题不对')),
      cursor: Cursor,
      limit: PageSize,
    }),
  ),
  detail: defineAction<ActivityDetail>()(One),
  signUp: defineAction<SignUpResult>()(SignUpInput),
  /** Withdraw a sign-up (until the withdraw deadline) or leave the waitlist. */
  withdraw: defineAction<{ status: 'withdrawn'; promoted: number }>()(One),
  /** 我的活动: upcoming or past, with status. */
  mine: defineAction<Page<MyActivity>>()(
    v.strictObject({
      when: v.optional(v.picklist(['upcoming', 'past'], '时间范围不对'), 'upcoming'),
      cursor: Cursor,
      limit: PageSize,
    }),
  ),
  /** The resident scanned the activity's code (scene `a=<activityId>`). */
  checkIn: defineAction<CheckInResult>()(One),
  /** Staff check in someone who has no phone with them. */
  checkInFor: defineAction<CheckInResult>()(v.strictObject({ signUpId: Id })),
  attendees: defineAction<AttendeeList>()(One),
  /** The attendee list as an .xlsx in storage, with a link to download it. */
  export: defineAction<ExportedFile>()(One),
  /** The activity's code to print or show for check-in. */
  code: defineAction<ActivityCode>()(One),
  /** 我的志愿时长: total, by year, activity by activity, and the certificate's details. */
  hours: defineAction<HoursSummary>()(v.optional(v.strictObject({}), {})),
  /** Staff correct a volunteer's hours for one sign-up: with a reason, shown as a correction. */
  correctHours: defineAction<HoursRecord>()(
    v.strictObject({
      signUpId: Id,
      delta: v.pipe(
        v.number('时长格式不对'),
        v.minValue(-24, '一次最多改 24 小时'),
        v.maxValue(24, '一次最多改 24 小时'),
        v.check((n) => n !== 0 && Number.isInteger(n * 2), '时长按半小时计，且不能为 0'),
      ),
      reason: text('更正原因', 4, 100),
    }),
  ),
}
export type ActivityContract = typeof activity

const DAY = 24 * 3600_000
// ten days from now at 09:00 China time, so the example stays in the future
const SOON = (Math.floor(Date.now() / DAY) + 10) * DAY + 3600_000

/** A valid input of every action (the seeded upcoming eye clinic of 二十里铺社区). */
export const activityExamples: Examples<typeof activity> = {
  publish: {
    communityId: 'ESLP',
    title: '爱眼日义诊',
    theme: '健康义诊',
    description: '明德眼科医院的医生来社区免费查视力、量眼压。',
    place: '二十里铺社区党群服务中心',
    startAt: SOON,
    endAt: SOON + 3 * 3600_000,
    capacity: 30,
    signUpOpensAt: SOON - 7 * DAY,
    signUpClosesAt: SOON - 3600_000,
    withdrawBy: SOON - 3 * 3600_000,
    hours: 0,
    points: 0,
    audience: { kind: 'community' },
    maxCompanions: 2,
    contactPhone: '0371-68920000',
  },
  update: { activityId: 'seed-a01', place: '二十里铺社区党群服务中心二楼' },
  cancel: { activityId: 'seed-a01', reason: '天气原因' },
  list: { when: 'upcoming', limit: 20 },
  detail: { activityId: 'seed-a01' },
  signUp: { activityId: 'seed-a01', name: '张秀兰', phone: '13800000001', companions: [] },
  withdraw: { activityId: 'seed-a01' },
  mine: { when: 'upcoming', limit: 20 },
  checkIn: { activityId: 'seed-a01' },
  checkInFor: { signUpId: 'seed-a01-x' },
  attendees: { activityId: 'seed-a01' },
  export: { activityId: 'seed-a01' },
  code: { activityId: 'seed-a01' },
  hours: {},
  correctHours: { signUpId: 'seed-a01-x', delta: 1, reason: '协助搬运物资' },
}

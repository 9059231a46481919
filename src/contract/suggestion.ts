// The `suggestion` cloud function: 民情速递站 — submit, follow, handle, deliberate, publish.
import * as v from 'valibot'
import { PAGES } from './pages'
import { Cursor, defineAction, Id, PageSize, Phone, type Examples, type Page } from './common'

export type { MessageView } from './account'

export const CATEGORIES = [
  '漏水',
  '管网堵塞',
  '照明',
  '绿化',
  '停车',
  '环境卫生',
  '安全隐患',
  '物业服务',
  '其他',
] as const
export type Category = (typeof CATEGORIES)[number]

export const STATUSES = [
  'submitted',
  'accepted',
  'declined',
  'deliberating',
  'in_progress',
  'resolved',
] as const
export type Status = (typeof STATUSES)[number]

export const STATUS_LABELS: Record<Status, string> = {
  submitted: '待受理',
  accepted: '已受理',
  declined: '未采纳',
  deliberating: '议事中',
  in_progress: '办理中',
  resolved: '已办结',
}

/**
 * What handlers (liaison, staff) may move a suggestion to. `resolved → in_progress` is the
 * resident's reopen (action `reopen`), not a handler's transition.
 */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
  submitted: ['accepted', 'declined'],
  accepted: ['deliberating', 'in_progress'],
  deliberating: ['in_progress', 'declined'],
  in_progress: ['resolved'],
  declined: [],
  resolved: [],
}

/** Overdue rules: not accepted within 1 day, not resolved within 7 days of submission. */
export const ACCEPT_WITHIN_HOURS = 24
export const RESOLVE_WITHIN_DAYS = 7
export const REOPEN_WITHIN_DAYS = 7
export const DAILY_SUBMIT_LIMIT = 10
export const MAX_IMAGES = 9

export type Overdue = 'accept' | 'resolve' | null
export const OVERDUE_LABELS: Record<'accept' | 'resolve', string> = {
  accept: '超时未受理',
  resolve: '超时未办结',
}

/**
 * The one sentence the submit page shows beside the anonymity switch. The functions keep it
 * true: an anonymous suggestion's household and WeChat identity appear in no one else's view,
 * message, timeline or photo path (photos are moved out of the uploader's folder on submit).
 */
export const ANONYMITY_NOTICE =
  '匿名后，民情速递员、社区两委和邻居都看不到您的房号和微信身份，只有您自己知道这条建议是您提的。如果留了电话，民情速递员和社区两委能看到电话。'

export { UPLOAD_DIR } from './common'

/** Pages that messages link to (the suggestion subpackage). */
export const SUGGESTION_PAGES = {
  detail: PAGES.detail,
  inbox: PAGES.inbox,
  board: PAGES.board,
} as const

/** Who did something, as residents may see it. Never names an anonymous resident. */
export interface Actor {
  role: 'resident' | 'liaison' | 'staff' | 'system'
  /** e.g. 居民, 匿名居民, 民情速递员, 社区两委 */
  label: string
}

export interface TimelineEntry {
  at: string
  kind:
    | 'submitted'
    | 'status'
    | 'reply'
    | 'rated'
    | 'reopened'
    | 'published'
    | 'unpublished'
    | 'golden'
  by: Actor
  from?: Status
  to?: Status
  note?: string
  images?: string[]
}

export interface SuggestionSummary {
  id: string
  /** short human number a resident can quote on the phone */
  no: string
  communityId: string
  buildingId: string
  buildingName: string
  estateName: string
  category: Category
  excerpt: string
  status: Status
  anonymous: boolean
  imageCount: number
  seconds: number
  published: boolean
  golden: boolean
  overdue: Overdue
  createdAt: string
  updatedAt: string
}

/** A card of the 议事长廊: what was decided and done is public there (两公开). */
export interface BoardItem extends SuggestionSummary {
  /** the deliberation outcome (三议), when there was one */
  decision: string | null
  /** the result text once resolved */
  resultText: string | null
  /** the viewer already seconded it */
  seconded: boolean
  /** the viewer submitted it (one does not second one's own) */
  mine: boolean
  /** the viewer may second it: a resident of the community, not its submitter */
  canSecond: boolean
  /** when it was put on the board (the 最新公开 order) */
  publishedAt: string | null
  /** the whole text (published: the community reads it), for 展开全文 on the card */
  text?: string
}

export interface CommentView {
  id: string
  at: string
  /** e.g. 3号楼居民 — never a room number */
  author: string
  text: string
  mine: boolean
}

export interface SuggestionDetail extends SuggestionSummary {
  text: string
  /** the voice note: for the submitter's household, the liaison and staff — never the board's readers */
  voice?: VoiceNote | null
  /** cloud file IDs */
  images: string[]
  /** household label and phone: only for the submitter and the building's handlers, and never when anonymous (phone excepted, see `contactPhone`) */
  submitter: { householdLabel: string | null } | null
  /** shown to handlers only, when the resident chose to leave it */
  contactPhone: string | null
  /**
   * handlers only: WeChat's content check could not clear its text or photos ('review', or a
   * photo it could not check), so a person should look before it goes on the board
   */
  needsReview: boolean
  timeline: TimelineEntry[]
  result: { text: string; images: string[]; at: string } | null
  /** the deliberation outcome (三议) when there was one */
  decision: string | null
  rating: { score: number; comment: string; at: string } | null
  comments: CommentView[]
  /** what the viewer may do now */
  viewer: {
    mine: boolean
    handler: boolean
    staff: boolean
    seconded: boolean
    transitions: Status[]
    canRate: boolean
    canReopen: boolean
    canSecond: boolean
    canComment: boolean
  }
}

/** Where an open suggestion stands, as a neighbour may learn it: 受理中 or 办理中. */
export type SimilarStage = 'accepting' | 'working'
export const SIMILAR_STAGE_LABELS: Record<SimilarStage, string> = {
  accepting: '受理中',
  working: '办理中',
}
export const similarStage = (s: Status): SimilarStage =>
  s === 'submitted' || s === 'accepted' ? 'accepting' : 'working'

/**
 * Another household's open suggestion, as the similar prompt shows it. Until staff publish it,
 * a neighbour learns only that it exists, its category and where it stands: no text, photo,
 * number or date (an anonymous one must not be traceable, a named one is private).
 */
export interface SimilarItem {
  /** opaque; lets the neighbour second it (附议) instead of filing a duplicate */
  id: string
  category: Category
  stage: SimilarStage
  seconds: number
  /** the viewer already seconded it */
  seconded: boolean
  /** published to the 议事长廊: its excerpt is shown, as the board shows it */
  published: boolean
  /** the text's excerpt: published ones only (and the building's handlers) */
  excerpt: string | null
}

export interface SimilarResult {
  /** open suggestions of the same building and category, by other households */
  count: number
  /** how many different residents made them ("本楼已有 3 位邻居反映了类似问题") */
  residents: number
  /** residents of the building (and its handlers) only; strangers learn the count alone */
  items: SimilarItem[]
  /** the caller's own open suggestions of this category (and their household's named ones) */
  mine: SuggestionSummary[]
}

export interface InboxPage extends Page<SuggestionSummary> {
  /** totals for the same filters, for the filter chips */
  counts: { total: number; overdue: number } & Partial<Record<Status, number>>
}

export interface StatsResult {
  from: string
  to: string
  total: number
  byStatus: Record<Status, number>
  byCategory: { category: Category; count: number }[]
  byBuilding: { buildingId: string; buildingName: string; count: number }[]
  /** resolved / (total − declined), 0..1; null when nothing to resolve */
  resolutionRate: number | null
  medianHoursToAccept: number | null
  medianHoursToResolve: number | null
  averageRating: number | null
  ratedCount: number
  overdue: number
}

// ---- input schemas --------------------------------------------------------------------------

const Category = v.picklist(CATEGORIES, '请选择问题类别')
const StatusSchema = v.picklist(STATUSES, '状态不对')

const text = (min: number, max: number, what: string) =>
  v.pipe(
    v.string(`请填写${what}`),
    v.trim(),
    v.minLength(min, `${what}至少 ${min} 个字`),
    v.maxLength(max, `${what}最多 ${max} 个字`),
  )

/** A cloud file ID (cloud://env.bucket/path). */
export const FileId = v.pipe(
  v.string('图片格式不对'),
  v.maxLength(300, '图片地址太长'),
  v.regex(/^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._\-/]+$/, '图片格式不对'),
)
const Images = v.optional(
  v.pipe(v.array(FileId), v.maxLength(MAX_IMAGES, `最多 ${MAX_IMAGES} 张照片`)),
  [],
)

/** 按住说话: at most this long */
export const VOICE_MAX_SECONDS = 60

export const VOICE_NOT_ANONYMOUS = '匿名建议不能留语音：熟人听声音就知道是谁。请打字，或者不匿名'

/** A voice note: the recording in storage (the uploader's own folder, like photos) and its length. */
export interface VoiceNote {
  fileId: string
  seconds: number
}

const Voice = v.strictObject({
  fileId: v.pipe(
    v.string('语音格式不对'),
    v.maxLength(300, '语音地址太长'),
    v.regex(
      /^cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._\-/]+\.(mp3|aac|m4a|webm|ogg|wav)$/,
      '语音格式不对',
    ),
  ),
  seconds: v.pipe(
    v.number('请说明语音多长'),
    v.integer('语音长度不对'),
    v.minValue(1, '语音太短了，请按住多说几句'),
    v.maxValue(VOICE_MAX_SECONDS, `语音最长 ${VOICE_MAX_SECONDS} 秒`),
  ),
})

const TEXT_MIN = 5

export const SubmitInput = v.pipe(
  v.strictObject({
    buildingId: Id,
    category: Category,
    /** at least 5 characters — or none at all beside a voice note */
    text: v.optional(
      v.pipe(v.string('请填写问题描述'), v.trim(), v.maxLength(500, '问题描述最多 500 个字')),
      '',
    ),
    images: Images,
    /** a voice note instead of (or beside) the text */
    voice: v.optional(v.nullable(Voice), null),
    contactPhone: v.optional(v.nullable(Phone), null),
    anonymous: v.optional(v.boolean(), false),
    /** the client's id for this draft, so a retried submit never files twice */
    clientToken: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, '提交编号不对'))),
  }),
  v.forward(
    v.check(
      (i) => i.text.length >= TEXT_MIN || i.voice !== null,
      `问题描述至少 ${TEXT_MIN} 个字，或者按住说话留一段语音`,
    ),
    ['text'],
  ),
  // A voice can be recognised by a neighbour who knows it: it would undo the anonymity.
  v.forward(
    v.check((i) => !(i.anonymous && i.voice !== null), VOICE_NOT_ANONYMOUS),
    ['voice'],
  ),
)

const ById = v.strictObject({ id: Id })
const Paged = { cursor: Cursor, limit: PageSize }
const DateStr = v.pipe(
  v.string('日期格式不对'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-01-31'),
)

export const suggestion = {
  submit: defineAction<{ id: string; no: string }>()(SubmitInput),
  similar: defineAction<SimilarResult>()(v.strictObject({ buildingId: Id, category: Category })),
  mine: defineAction<Page<SuggestionSummary>>()(v.optional(v.strictObject({ ...Paged }), {})),
  detail: defineAction<SuggestionDetail>()(ById),
  inbox: defineAction<InboxPage>()(
    v.optional(
      v.strictObject({
        status: v.optional(StatusSchema),
        buildingId: v.optional(Id),
        category: v.optional(Category),
        overdue: v.optional(v.boolean()),
        /** 待办: still to be done (submitted, accepted, deliberating, in progress) */
        open: v.optional(v.boolean()),
        ...Paged,
      }),
      {},
    ),
  ),
  transition: defineAction<SuggestionDetail>()(
    v.strictObject({
      id: Id,
      to: StatusSchema,
      note: v.optional(text(1, 500, '说明')),
      images: Images,
    }),
  ),
  /** A message in the thread without a status change: the building's handlers, or the submitter. */
  reply: defineAction<SuggestionDetail>()(
    v.strictObject({ id: Id, text: text(1, 500, '回复'), images: Images }),
  ),
  rate: defineAction<SuggestionDetail>()(
    v.strictObject({
      id: Id,
      score: v.pipe(
        v.number('请打分'),
        v.integer('请打 1–5 分'),
        v.minValue(1, '请打 1–5 分'),
        v.maxValue(5, '请打 1–5 分'),
      ),
      comment: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '评价最多 200 个字')), ''),
    }),
  ),
  reopen: defineAction<SuggestionDetail>()(
    v.strictObject({ id: Id, reason: text(5, 300, '重新办理的原因') }),
  ),
  publish: defineAction<SuggestionDetail>()(v.strictObject({ id: Id, published: v.boolean() })),
  board: defineAction<Page<BoardItem>>()(
    v.optional(
      v.strictObject({
        sort: v.optional(v.picklist(['newest', 'seconds']), 'newest'),
        /** 本楼: only this building's (the board is still the caller's own community) */
        buildingId: v.optional(Id),
        ...Paged,
      }),
      {},
    ),
  ),
  /**
   * 附议, once per resident: a published suggestion of the caller's community (the board), or an
   * open one of the caller's own building (the "similar" prompt on the submit page).
   */
  second: defineAction<{ seconds: number; seconded: true }>()(ById),
  comment: defineAction<CommentView>()(v.strictObject({ id: Id, text: text(2, 300, '留言') })),
  /** 金点子, once per suggestion. `balance` is null for an anonymous suggestion (it would identify the household). */
  award: defineAction<{ points: number; balance: number | null }>()(
    v.strictObject({
      id: Id,
      points: v.optional(
        v.pipe(v.number(), v.integer(), v.minValue(1, '至少 1 分'), v.maxValue(500, '最多 500 分')),
        50,
      ),
    }),
  ),
  stats: defineAction<StatsResult>()(
    v.strictObject({ from: DateStr, to: DateStr, communityId: v.optional(Id) }),
  ),
}
export type SuggestionContract = typeof suggestion

/** A valid input of every action (about the seeded suggestion seed-s01 of 陇海安居 1号楼). */
export const suggestionExamples: Examples<typeof suggestion> = {
  submit: { buildingId: 'LH-1', category: '漏水', text: '楼顶漏水了，请来看看', anonymous: false },
  similar: { buildingId: 'LH-1', category: '漏水' },
  mine: { limit: 20 },
  detail: { id: 'seed-s01' },
  inbox: { status: 'submitted', limit: 20 },
  transition: { id: 'seed-s01', to: 'resolved', note: '已经修好了' },
  reply: { id: 'seed-s01', text: '收到，明天去看' },
  rate: { id: 'seed-s01', score: 5, comment: '很好' },
  reopen: { id: 'seed-s01', reason: '还是没有修好' },
  publish: { id: 'seed-s01', published: false },
  board: { sort: 'newest', limit: 20 },
  second: { id: 'seed-s01' },
  comment: { id: 'seed-s01', text: '支持支持' },
  award: { id: 'seed-s01', points: 50 },
  stats: { from: '2026-01-01', to: '2026-01-31', communityId: 'ESLP' },
}

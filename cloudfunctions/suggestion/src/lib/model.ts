// Documents of the suggestion feature (see database/manifest.json for their indexes).
import type { Actor, Category, Status, TimelineEntry } from '../../../../src/contract/suggestion'

export const SUGGESTIONS = 'suggestions'
export const COMMENTS = 'suggestionComments'
export const SECONDS = 'suggestionSeconds'
export const QUOTAS = 'suggestionQuotas'

/** Statuses still waiting for a handler: they can become overdue. */
export const OPEN_STATUSES: readonly Status[] = [
  'submitted',
  'accepted',
  'deliberating',
  'in_progress',
]
/** Statuses that have been accepted but not resolved: the 7-day deadline applies. */
export const WORKING_STATUSES: readonly Status[] = ['accepted', 'deliberating', 'in_progress']

export interface TimelineDoc {
  at: Date
  kind: TimelineEntry['kind']
  by: Actor
  from?: Status
  to?: Status
  note?: string
  images?: string[]
}

export interface SuggestionDoc {
  _id: string
  /** short human number, unique: YYMMDD-NNNN (UTC+8 date of submission) */
  no: string
  /** the submitter; never leaves the functions except as `viewer.mine` */
  openid: string
  householdId: string | null
  /** e.g. 陇海安居 1号楼 2单元 301; shown to handlers only when not anonymous */
  householdLabel: string | null
  anonymous: boolean
  contactPhone: string | null
  communityId: string
  communityName: string
  estateId: string
  estateName: string
  buildingId: string
  buildingName: string
  category: Category
  text: string
  images: string[]
  /** a voice note (added later: older documents have none) */
  voice?: { fileId: string; seconds: number } | null
  status: Status
  /** not accepted by then → overdue 'accept' */
  acceptDueAt: Date
  /** not resolved by then → overdue 'resolve' (restarted by a reopen) */
  resolveDueAt: Date
  acceptedAt: Date | null
  resolvedAt: Date | null
  timeline: TimelineDoc[]
  result: { text: string; images: string[]; at: Date } | null
  decision: string | null
  rating: { score: number; comment: string; at: Date } | null
  seconds: number
  published: boolean
  publishedAt: Date | null
  golden: boolean
  /** the content check's verdict on the text ('review' is kept for staff to look at) */
  contentCheck: 'pass' | 'review'
  /** which scheduler run reminded the liaisons of each overdue kind (null: not yet) */
  remindedAccept: string | null
  remindedResolve: string | null
  createdAt: Date
  updatedAt: Date
}

export interface CommentDoc {
  _id?: string
  suggestionId: string
  communityId: string
  openid: string
  /** the commenter's building name, e.g. 3号楼 — never a room */
  buildingName: string
  text: string
  createdAt: Date
}

/** One per (suggestion, resident): `_id` = `<suggestionId>_<openid>` makes a second exactly-once. */
export interface SecondDoc {
  _id: string
  suggestionId: string
  openid: string
  createdAt: Date
}

/** Submissions of one resident on one day (UTC+8): `_id` = `<openid>_<YYYYMMDD>`. */
export interface QuotaDoc {
  _id: string
  openid: string
  day: string
  count: number
  updatedAt: Date
}

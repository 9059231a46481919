// What each viewer may see of a suggestion. Nothing here ever carries the submitter's openid or,
// for an anonymous suggestion, their household.
import {
  REOPEN_WITHIN_DAYS,
  TRANSITIONS,
  type CommentView,
  type Overdue,
  type SuggestionDetail,
  type SuggestionSummary,
  type TimelineEntry,
} from '../../../../src/contract/suggestion'
import type { CommentDoc, SuggestionDoc, TimelineDoc } from './model'
import { OPEN_STATUSES } from './model'
import { isPublicViewer, type Viewer } from './scope'
import { DAY } from '../../../../server/time'

export function overdueOf(
  s: Pick<SuggestionDoc, 'status' | 'acceptDueAt' | 'resolveDueAt'>,
  now: Date,
): Overdue {
  if (s.status === 'submitted' && s.acceptDueAt.getTime() < now.getTime()) return 'accept'
  if (OPEN_STATUSES.includes(s.status) && s.resolveDueAt.getTime() < now.getTime()) return 'resolve'
  return null
}

export function excerpt(text: string, max = 60): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…'
}

export function toSummary(s: SuggestionDoc, now: Date): SuggestionSummary {
  return {
    id: s._id,
    no: s.no,
    communityId: s.communityId,
    buildingId: s.buildingId,
    buildingName: s.buildingName,
    estateName: s.estateName,
    category: s.category,
    excerpt: s.text ? excerpt(s.text) : s.voice ? `（一段 ${s.voice.seconds} 秒的语音）` : '',
    status: s.status,
    anonymous: s.anonymous,
    imageCount: s.images.length,
    seconds: s.seconds,
    published: s.published,
    golden: s.golden,
    overdue: overdueOf(s, now),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  }
}

/** Timeline kinds a public reader of the board sees (两公开: decisions and results, not the thread). */
const PUBLIC_KINDS: ReadonlySet<TimelineDoc['kind']> = new Set([
  'submitted',
  'status',
  'published',
  'golden',
])

function timelineView(e: TimelineDoc): TimelineEntry {
  const out: TimelineEntry = {
    at: e.at.toISOString(),
    kind: e.kind,
    by: { role: e.by.role, label: e.by.label },
  }
  if (e.from) out.from = e.from
  if (e.to) out.to = e.to
  if (e.note) out.note = e.note
  if (e.images?.length) out.images = [...e.images]
  return out
}

export function commentView(c: CommentDoc & { _id: string }, openid: string): CommentView {
  return {
    id: c._id,
    at: c.createdAt.toISOString(),
    author: `${c.buildingName}居民`,
    text: c.text,
    mine: c.openid === openid,
  }
}

export function canReopen(s: SuggestionDoc, now: Date): boolean {
  return (
    s.status === 'resolved' &&
    s.resolvedAt !== null &&
    now.getTime() - s.resolvedAt.getTime() <= REOPEN_WITHIN_DAYS * DAY
  )
}

/** May the viewer second it: a published one of their community, or an open one of their building. */
/** 附议 is support for getting something done: once it is done or declined, there is nothing to second. */
export function canSecond(s: SuggestionDoc, v: Viewer): boolean {
  if (v.mine || v.household || !OPEN_STATUSES.includes(s.status)) return false
  return (s.published && v.member) || v.neighbour
}

export function toDetail(
  s: SuggestionDoc,
  v: Viewer,
  extra: { comments: SuggestionDetail['comments']; seconded: boolean },
  now: Date,
): SuggestionDetail {
  const insider = !isPublicViewer(v)
  const showSubmitter = v.mine || v.household || (v.handler && !s.anonymous)
  return {
    ...toSummary(s, now),
    text: s.text,
    images: [...s.images],
    // the resident's own voice: never read out to the board's public
    voice: insider && s.voice ? { ...s.voice } : null,
    submitter: showSubmitter ? { householdLabel: s.householdLabel } : null,
    contactPhone: v.mine || v.handler ? s.contactPhone : null,
    needsReview: v.handler && s.contentCheck === 'review',
    timeline: s.timeline.filter((e) => insider || PUBLIC_KINDS.has(e.kind)).map(timelineView),
    result: s.result
      ? { text: s.result.text, images: [...s.result.images], at: s.result.at.toISOString() }
      : null,
    decision: s.decision,
    rating:
      s.rating && (insider || s.published)
        ? { score: s.rating.score, comment: s.rating.comment, at: s.rating.at.toISOString() }
        : null,
    comments: extra.comments,
    viewer: {
      mine: v.mine,
      handler: v.handler,
      staff: v.staff,
      seconded: extra.seconded,
      transitions: v.handler ? [...TRANSITIONS[s.status]] : [],
      canRate: v.mine && s.status === 'resolved' && !s.rating,
      canReopen: v.mine && canReopen(s, now),
      canSecond: canSecond(s, v) && !extra.seconded,
      canComment: s.published && v.member,
    },
  }
}

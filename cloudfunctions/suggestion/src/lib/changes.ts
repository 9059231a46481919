// What each step of a suggestion's life does to its document, as pure functions: the actions
// apply them to the database (guarded, see write.ts), the seed applies them in memory, so the demo
// data is always what the actions would have written.
import type { BuildingDoc, HouseholdDoc } from '../../../../server/models'
import { householdView } from '../../../../server/places'
import type { Posting } from '../../../../server/points'
import { addMs, DAY, HOUR } from '../../../../server/time'
import {
  ACCEPT_WITHIN_HOURS,
  RESOLVE_WITHIN_DAYS,
  type Actor,
  type Category,
  type Status,
  type VoiceNote,
} from '../../../../src/contract/suggestion'
import type { SuggestionDoc, TimelineDoc } from './model'

export type Changes = Partial<Omit<SuggestionDoc, '_id' | 'timeline'>>

/** One step: the fields it sets and the timeline entry it appends (if any). */
export interface Change {
  changes: Changes
  entry: TimelineDoc | null
}

/** What the submitter is told when a handler moves their suggestion to a status. */
export const STATUS_TITLES: Record<Status, string> = {
  accepted: '您的建议已受理',
  declined: '您的建议未被采纳',
  deliberating: '您的建议进入议事程序',
  in_progress: '您的建议正在办理',
  resolved: '您的建议已办结',
  submitted: '',
}

/** The submitter as others see them: never more than "居民". */
export function residentActor(s: Pick<SuggestionDoc, 'anonymous'>): Actor {
  return { role: 'resident', label: s.anonymous ? '匿名居民' : '居民' }
}

export const HANDLER_ACTORS: Record<'staff' | 'liaison', Actor> = {
  staff: { role: 'staff', label: '社区两委' },
  liaison: { role: 'liaison', label: '民情速递员' },
}

export interface NewSuggestion {
  id: string
  /** the number, e.g. 261202-4827 (submit draws it on insert) */
  no: string
  openid: string
  building: BuildingDoc
  household: HouseholdDoc | null
  category: Category
  text: string
  images: string[]
  voice: VoiceNote | null
  contactPhone: string | null
  anonymous: boolean
  contentCheck: 'pass' | 'review'
  now: Date
}

/** A freshly submitted suggestion, its first timeline entry included. */
export function newSuggestion(n: NewSuggestion): SuggestionDoc {
  const doc: SuggestionDoc = {
    _id: n.id,
    no: n.no,
    openid: n.openid,
    householdId: n.household?._id ?? null,
    householdLabel: n.household ? householdView(n.household).label : null,
    anonymous: n.anonymous,
    contactPhone: n.contactPhone,
    communityId: n.building.communityId,
    communityName: n.building.communityName,
    estateId: n.building.estateId,
    estateName: n.building.estateName,
    buildingId: n.building._id,
    buildingName: n.building.name,
    category: n.category,
    text: n.text,
    images: n.images,
    voice: n.voice,
    status: 'submitted',
    acceptDueAt: addMs(n.now, ACCEPT_WITHIN_HOURS * HOUR),
    resolveDueAt: addMs(n.now, RESOLVE_WITHIN_DAYS * DAY),
    acceptedAt: null,
    resolvedAt: null,
    timeline: [],
    result: null,
    decision: null,
    rating: null,
    seconds: 0,
    published: false,
    publishedAt: null,
    golden: false,
    contentCheck: n.contentCheck,
    remindedAccept: null,
    remindedResolve: null,
    createdAt: n.now,
    updatedAt: n.now,
  }
  doc.timeline.push({ at: n.now, kind: 'submitted', by: residentActor(doc), to: 'submitted' })
  return doc
}

/** A handler moves it along TRANSITIONS (the caller checks that the move is allowed). */
export function statusChange(
  s: SuggestionDoc,
  to: Status,
  by: Actor,
  note: string,
  images: readonly string[],
  now: Date,
): Change {
  const from = s.status
  const changes: Changes = { status: to }
  if (from === 'submitted' && to === 'accepted') changes.acceptedAt = now
  if (from === 'deliberating' && note) changes.decision = note
  if (to === 'resolved') {
    changes.resolvedAt = now
    changes.result = { text: note, images: [...images], at: now }
  }
  const entry: TimelineDoc = { at: now, kind: 'status', by, from, to }
  if (note) entry.note = note
  if (images.length) entry.images = [...images]
  return { changes, entry }
}

/** A message in the thread without changing status. */
export function replyChange(by: Actor, text: string, images: readonly string[], now: Date): Change {
  const entry: TimelineDoc = { at: now, kind: 'reply', by, note: text }
  if (images.length) entry.images = [...images]
  return { changes: {}, entry }
}

/** Staff put it on the 议事长廊, or take it down. */
export function publishChange(published: boolean, by: Actor, now: Date): Change {
  return {
    changes: { published, publishedAt: published ? now : null },
    entry: { at: now, kind: published ? 'published' : 'unpublished', by },
  }
}

/** The submitter rates the fix, 1–5 stars and an optional comment. */
export function rateChange(s: SuggestionDoc, score: number, comment: string, now: Date): Change {
  const stars = '★'.repeat(score) + '☆'.repeat(5 - score)
  return {
    changes: { rating: { score, comment, at: now } },
    entry: {
      at: now,
      kind: 'rated',
      by: residentActor(s),
      note: comment ? `${stars} ${comment}` : stars,
    },
  }
}

/** Not really fixed: the submitter sends it back to in_progress. */
export function reopenChange(s: SuggestionDoc, reason: string, now: Date): Change {
  return {
    changes: {
      status: 'in_progress',
      result: null,
      // The rating was of the fix that did not hold; the timeline keeps it, the next fix gets its own.
      rating: null,
      resolveDueAt: addMs(now, RESOLVE_WITHIN_DAYS * DAY),
      remindedResolve: null,
    },
    entry: {
      at: now,
      kind: 'reopened',
      by: residentActor(s),
      from: 'resolved',
      to: 'in_progress',
      note: reason,
    },
  }
}

/** 金点子: the flag and its timeline entry (the points are `goldenPosting`). */
export function goldenChange(points: number, by: Actor, now: Date): Change {
  return {
    changes: { golden: true },
    entry: { at: now, kind: 'golden', by, note: `评为金点子，奖励 ${points} 积分` },
  }
}

/**
 * The ledger posting of a 金点子. A named suggestion's key is golden-<suggestion>; an anonymous
 * one's (`anonymousKey`: server/keys.ts privateKey('golden', id)) follows from it but does not
 * name it, nor may its reason or refId.
 */
export function goldenPosting(
  s: SuggestionDoc,
  householdId: string,
  points: number,
  by: string,
  now: Date,
  anonymousKey: string,
): Posting {
  return {
    key: s.anonymous ? `golden-${anonymousKey}` : `golden-${s._id}`,
    householdId,
    communityId: s.communityId,
    delta: points,
    kind: 'golden',
    reason: s.anonymous ? '金点子（匿名建议）' : `金点子：${s.no}`,
    refId: s.anonymous ? null : s._id,
    by,
    now,
  }
}

/** The document after a change, as the guarded write leaves it. */
export function applied(s: SuggestionDoc, c: Change, now: Date): SuggestionDoc {
  return {
    ...s,
    ...c.changes,
    updatedAt: now,
    timeline: c.entry ? [...s.timeline, c.entry] : s.timeline,
  }
}

// Documents of the activity domain, and the pure builders that make them (the seed uses these too).
import { createHash } from 'node:crypto'
import type { Audience, SignUpStatus, Theme } from '../../../../src/contract/activity'

export const ACTIVITIES = 'activities'
export const SIGN_UPS = 'activitySignUps'
export const HOURS = 'volunteerHours'

/**
 * An activity. Its counters are the truth about places, changed only by single-document atomic
 * updates: a sign-up takes places with a conditional increment (`remaining >= party`), a
 * withdrawal or promotion moves them inside a by-id transaction.
 */
export interface ActivityDoc {
  _id: string
  communityId: string
  communityName: string
  title: string
  theme: Theme
  cover: string | null
  description: string
  place: string
  startAt: Date
  endAt: Date
  signUpOpensAt: Date
  signUpClosesAt: Date
  withdrawBy: Date
  capacity: number
  hours: number
  points: number
  audience: Audience
  audienceLabel: string
  /**
   * Who may join, as keys a caller matches: `all`, `e:<estateId>` or `b:<buildingId>`. The
   * conditional increment filters on it, so eligibility and the place are one atomic decision.
   */
  eligible: string[]
  maxCompanions: number
  contactPhone: string
  status: 'published' | 'cancelled'
  cancelReason: string | null
  seriesId: string | null
  seriesIndex: number
  /** people (sign-ups plus companions) holding a place */
  taken: number
  /** capacity - taken, kept beside it so a conditional update can filter on it */
  remaining: number
  /** sign-ups on the waitlist now */
  waiting: number
  /**
   * Waitlist arrivals, appended atomically (`_.push`): a sign-up's arrival number is its token's
   * index + 1. Never shortened; tokens that left the waitlist are appended to `left`.
   */
  queue: string[]
  left: string[]
  remindedDay: boolean
  remindedHour: boolean
  /** the 未到 pass has run after the end */
  closedOut: boolean
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

export interface HistoryEntry {
  at: Date
  /** what happened, in words shown to staff: 报名, 候补, 候补成功, 退出, 签到 … */
  what: string
  by: string
}

/** One resident's sign-up for one activity: `_id` derived from both (see signUpId). */
export interface SignUpDoc {
  _id: string
  activityId: string
  openid: string
  householdId: string | null
  name: string
  phone: string
  companions: { name: string }[]
  /** the resident plus companions */
  party: number
  status: SignUpStatus
  /** waitlist token (see ActivityDoc.queue), null when the place was taken at once */
  token: string | null
  /** arrival number on the waitlist, null when never waitlisted */
  seq: number | null
  checkedInAt: Date | null
  /** 'self' (scanned the code) or the staff member's openid */
  checkedInBy: string | null
  hours: number
  points: number
  history: HistoryEntry[]
  createdAt: Date
  updatedAt: Date
}

/** A volunteer-hours entry: one per check-in (`_id` hours-<signUpId>), or a staff correction. */
export interface HoursDoc {
  _id: string
  openid: string
  activityId: string
  signUpId: string
  title: string
  communityId: string
  communityName: string
  date: Date
  hours: number
  kind: 'checkin' | 'correction'
  reason: string | null
  by: string
  createdAt: Date
}

const hash = (s: string, n: number) => createHash('sha256').update(s).digest('hex').slice(0, n)

/** One sign-up per resident per activity: the unique `_id` refuses a second one. */
export const signUpId = (activityId: string, openid: string): string =>
  `${activityId}-${hash(openid, 16)}`

export const checkInHoursId = (signUpIdValue: string): string => `hours-${signUpIdValue}`

/** The ledger key of an activity's points: once per household (or person without one). */
export const pointsKey = (activityId: string, householdId: string | null, openid: string): string =>
  `activity-${activityId}-${householdId ?? openid}`

/**
 * Keys a caller matches against ActivityDoc.eligible: a resident by their household's community,
 * estate and building; someone with no household (a volunteer who lives elsewhere, a newcomer)
 * only 'all'. A resident of another community therefore never matches a community's activity.
 */
export function eligibilityKeys(
  household: { communityId: string; estateId: string; buildingId: string } | null,
): string[] {
  return household
    ? [`c:${household.communityId}`, `e:${household.estateId}`, `b:${household.buildingId}`]
    : ['all']
}

/** Who may join: the community's residents and volunteers without a household, an estate, some buildings. */
export function eligibleOf(audience: Audience, communityId: string): string[] {
  if (audience.kind === 'community') return ['all', `c:${communityId}`]
  if (audience.kind === 'estate') return [`e:${audience.estateId}`]
  return audience.buildingIds.map((b) => `b:${b}`)
}

export interface ActivityPlan {
  _id: string
  communityId: string
  communityName: string
  title: string
  theme: Theme
  cover: string | null
  description: string
  place: string
  startAt: Date
  endAt: Date
  signUpOpensAt: Date
  signUpClosesAt: Date
  withdrawBy: Date
  capacity: number
  hours: number
  points: number
  audience: Audience
  audienceLabel: string
  maxCompanions: number
  contactPhone: string
  seriesId: string | null
  seriesIndex: number
  createdBy: string
  now: Date
}

/** A freshly published activity: every place free, nobody waiting. */
export function buildActivity(p: ActivityPlan): ActivityDoc {
  const { now, ...rest } = p
  return {
    ...rest,
    eligible: eligibleOf(p.audience, p.communityId),
    status: 'published',
    cancelReason: null,
    taken: 0,
    remaining: p.capacity,
    waiting: 0,
    queue: [],
    left: [],
    remindedDay: false,
    remindedHour: false,
    closedOut: false,
    createdAt: now,
    updatedAt: now,
  }
}

export interface SignUpPlan {
  activity: Pick<ActivityDoc, '_id'>
  openid: string
  householdId: string | null
  name: string
  phone: string
  companions: { name: string }[]
  status: 'confirmed' | 'waitlisted'
  token: string | null
  seq: number | null
  now: Date
}

export function buildSignUp(p: SignUpPlan): SignUpDoc {
  const a = p.activity
  return {
    _id: signUpId(a._id, p.openid),
    activityId: a._id,
    openid: p.openid,
    householdId: p.householdId,
    name: p.name,
    phone: p.phone,
    companions: p.companions,
    party: 1 + p.companions.length,
    status: p.status,
    token: p.token,
    seq: p.seq,
    checkedInAt: null,
    checkedInBy: null,
    hours: 0,
    points: 0,
    history: [{ at: p.now, what: p.status === 'confirmed' ? '报名' : '进入候补', by: p.openid }],
    createdAt: p.now,
    updatedAt: p.now,
  }
}

/** The hours entry a check-in credits. */
export function buildCheckInHours(
  s: Pick<SignUpDoc, '_id' | 'openid' | 'activityId'>,
  a: Pick<ActivityDoc, 'title' | 'startAt' | 'communityId' | 'communityName' | 'hours'>,
  by: string,
  now: Date,
): HoursDoc {
  return {
    _id: checkInHoursId(s._id),
    openid: s.openid,
    activityId: s.activityId,
    signUpId: s._id,
    title: a.title,
    communityId: a.communityId,
    communityName: a.communityName,
    date: a.startAt,
    hours: a.hours,
    kind: 'checkin',
    reason: null,
    by,
    createdAt: now,
  }
}

/** Places a waitlist token stands at now: 1 + the arrivals before it still waiting. */
export function positionOf(
  token: string,
  queue: readonly string[],
  left: readonly string[],
): number {
  const gone = new Set(left)
  let ahead = 0
  for (const t of queue) {
    if (t === token) return ahead + 1
    if (!gone.has(t)) ahead++
  }
  return ahead + 1
}

/** The waitlist tokens in arrival order, without those that left. */
export function waitingTokens(queue: readonly string[], left: readonly string[]): string[] {
  const gone = new Set(left)
  return queue.filter((t) => !gone.has(t))
}

/**
 * A waitlist token: when it queued (base 36, so promotion can tell a token whose request died)
 * and a salt. Short, because every arrival appends one to the activity document.
 */
export const waitToken = (at: Date, salt: string): string => `${at.getTime().toString(36)}.${salt}`

/**
 * The activity's counters as these sign-ups make them (for demo data written in one go): places
 * taken by everyone holding one, the waitlist in arrival (`seq`) order.
 */
export function withSignUps(a: ActivityDoc, signUps: readonly SignUpDoc[]): ActivityDoc {
  const holding = signUps.filter((s) => ['confirmed', 'checked_in', 'no_show'].includes(s.status))
  const taken = holding.reduce((n, s) => n + s.party, 0)
  if (taken > a.capacity) throw new Error(`${a._id}: ${taken} people for ${a.capacity} places`)
  const queued = signUps.filter((s) => s.token !== null).sort((x, y) => (x.seq ?? 0) - (y.seq ?? 0))
  return {
    ...a,
    taken,
    remaining: a.capacity - taken,
    waiting: queued.filter((s) => s.status === 'waitlisted').length,
    queue: queued.map((s) => s.token as string),
    left: queued.filter((s) => s.status !== 'waitlisted').map((s) => s.token as string),
  }
}

/** A sign-up as a check-in leaves it (hours credited; points as the ledger credited them). */
export function checkedInSignUp(
  s: SignUpDoc,
  a: Pick<ActivityDoc, 'hours'>,
  by: string,
  at: Date,
  points = 0,
): SignUpDoc {
  return {
    ...s,
    status: 'checked_in',
    checkedInAt: at,
    checkedInBy: by,
    hours: a.hours,
    points,
    history: [...s.history, { at, what: by === 'self' ? '签到' : '工作人员代签到', by }],
    updatedAt: at,
  }
}

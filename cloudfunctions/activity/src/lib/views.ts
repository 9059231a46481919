// What the mini-program sees of activities and sign-ups.
import { isStaffOf } from '../../../../server/access'
import type { ActionContext } from '../../../../server/router'
import type {
  ActivityCard,
  ActivityDetail,
  ActivityState,
  Attendee,
  MySignUp,
  SignUpStatus,
} from '../../../../src/contract/activity'
import { positionOf, type ActivityDoc, type SignUpDoc } from './model'

export function stateOf(a: ActivityDoc, now: Date): ActivityState {
  const t = now.getTime()
  if (a.status === 'cancelled') return 'cancelled'
  if (t >= a.endAt.getTime()) return 'ended'
  if (t < a.signUpOpensAt.getTime()) return 'not_open'
  if (t >= a.signUpClosesAt.getTime()) return 'closed'
  return a.remaining > 0 && a.waiting === 0 ? 'open' : 'full'
}

export function cardOf(a: ActivityDoc, now: Date, mine: SignUpStatus | null = null): ActivityCard {
  return {
    id: a._id,
    title: a.title,
    theme: a.theme,
    cover: a.cover,
    place: a.place,
    communityId: a.communityId,
    communityName: a.communityName,
    startAt: a.startAt.toISOString(),
    endAt: a.endAt.toISOString(),
    capacity: a.capacity,
    remaining: Math.max(0, a.remaining),
    waiting: a.waiting,
    state: stateOf(a, now),
    hours: a.hours,
    points: a.points,
    audienceLabel: a.audienceLabel,
    mine,
  }
}

export function mySignUpOf(s: SignUpDoc, a: Pick<ActivityDoc, 'queue' | 'left'>): MySignUp {
  return {
    id: s._id,
    status: s.status,
    position: s.status === 'waitlisted' && s.token ? positionOf(s.token, a.queue, a.left) : null,
    name: s.name,
    phone: s.phone,
    companions: s.companions.map((c) => c.name),
    party: s.party,
    checkedInAt: s.checkedInAt ? s.checkedInAt.toISOString() : null,
    hours: s.hours,
    points: s.points,
  }
}

export function signUpBlocked(
  a: ActivityDoc,
  ctx: ActionContext,
  mine: SignUpDoc | null,
  eligible = true,
): string | null {
  const state = stateOf(a, ctx.now)
  if (mine && mine.status !== 'withdrawn') return '您已经报名了'
  if (state === 'cancelled') return '活动已取消'
  if (state === 'ended') return '活动已结束'
  if (state === 'not_open') return '还没开始报名'
  if (state === 'closed') return '报名已截止'
  if (!eligible) return `这个活动只限${a.audienceLabel}报名`
  return null
}

export function detailOf(
  a: ActivityDoc,
  ctx: ActionContext,
  mine: SignUpDoc | null,
  contact: { name: string; phone: string } | null,
  /** whether the caller is among who may join (false: the form is not offered) */
  eligible = true,
): ActivityDetail {
  return {
    ...cardOf(a, ctx.now, mine?.status ?? null),
    description: a.description,
    signUpOpensAt: a.signUpOpensAt.toISOString(),
    signUpClosesAt: a.signUpClosesAt.toISOString(),
    withdrawBy: a.withdrawBy.toISOString(),
    maxCompanions: a.maxCompanions,
    contactPhone: a.contactPhone,
    cancelReason: a.cancelReason,
    seriesId: a.seriesId,
    audience: a.audience,
    canManage: isStaffOf(ctx.user, a.communityId),
    mySignUp: mine ? mySignUpOf(mine, a) : null,
    contact,
    signUpBlocked: signUpBlocked(a, ctx, mine, eligible),
    noPoints: !ctx.user.householdId,
  }
}

export function attendeeOf(
  s: SignUpDoc,
  a: Pick<ActivityDoc, 'queue' | 'left'>,
  titles: Map<string, string>,
): Attendee {
  return {
    signUpId: s._id,
    name: s.name,
    phone: s.phone,
    companions: s.companions.map((c) => c.name),
    party: s.party,
    status: s.status,
    position: s.status === 'waitlisted' && s.token ? positionOf(s.token, a.queue, a.left) : null,
    signedUpAt: s.createdAt.toISOString(),
    checkedInAt: s.checkedInAt ? s.checkedInAt.toISOString() : null,
    checkedInBy:
      s.checkedInBy === null
        ? null
        : s.checkedInBy === 'self'
          ? '本人扫码'
          : `${titles.get(s.checkedInBy) ?? '工作人员'}代签`,
  }
}

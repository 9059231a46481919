// Writes the demo activities of seed/activities-data.ts with the activity function's own builders.
import {
  buildActivity,
  buildCheckInHours,
  buildSignUp,
  checkedInSignUp,
  waitToken,
  withSignUps,
  type ActivityDoc,
  type HoursDoc,
  type SignUpDoc,
} from '../cloudfunctions/activity/src/lib/model'
import type { CommunityDoc } from '../server/models'
import { SEED_ACTIVITIES, type SeedActivity } from './activities-data'

const HOUR = 3600_000
const DAY = 24 * HOUR
const CST = 8 * HOUR

/** The moment `day` days from now at `hour` o'clock, China time. */
function at(now: Date, day: number, hour: number): Date {
  const cstMidnight = Math.floor((now.getTime() + CST) / DAY) * DAY - CST
  return new Date(cstMidnight + day * DAY + hour * HOUR)
}

export interface ActivitiesSeed {
  activities: ActivityDoc[]
  activitySignUps: SignUpDoc[]
  volunteerHours: HoursDoc[]
}

function one(
  plan: SeedActivity,
  id: string,
  weekOffset: number,
  seriesId: string | null,
  communities: Map<string, CommunityDoc>,
  now: Date,
  out: ActivitiesSeed,
): void {
  const start = at(now, plan.day + weekOffset * 7, plan.hour)
  const end = new Date(start.getTime() + plan.durationHours * HOUR)
  const published = new Date(Math.min(now.getTime(), start.getTime()) - 10 * DAY)
  const community = communities.get(plan.community)
  if (!community) throw new Error(`seed: no community ${plan.community}`)
  const a = buildActivity({
    _id: id,
    communityId: community._id,
    communityName: community.name,
    title: plan.title,
    theme: plan.theme,
    cover: null,
    description: plan.description,
    place: plan.place,
    startAt: start,
    endAt: end,
    signUpOpensAt: published,
    signUpClosesAt: new Date(start.getTime() - HOUR),
    withdrawBy: new Date(start.getTime() - 3 * HOUR),
    capacity: plan.capacity,
    hours: plan.hours,
    points: plan.points,
    audience: plan.audience,
    audienceLabel: plan.audienceLabel,
    maxCompanions: plan.maxCompanions,
    contactPhone: plan.contactPhone,
    seriesId,
    seriesIndex: weekOffset + 1,
    createdBy: plan.staff,
    now: published,
  })
  // only the first of a series has sign-ups yet
  const people = weekOffset === 0 ? plan.signUps : []
  let seq = 0
  const signUps = people.map((p, i) => {
    const when = new Date(published.getTime() + (i + 1) * HOUR)
    const waits = p.status === 'waitlisted'
    const s = buildSignUp({
      activity: a,
      openid: p.openid,
      householdId: p.householdId,
      name: p.name,
      phone: `138${String(p.phone).padStart(8, '0')}`,
      companions: (p.companions ?? []).map((name) => ({ name })),
      status: waits ? 'waitlisted' : 'confirmed',
      token: waits ? waitToken(when, `s${i}`) : null,
      seq: waits ? ++seq : null,
      now: when,
    })
    if (p.status === 'checked_in') {
      const by = p.byStaff ?? 'self'
      const checked = new Date(start.getTime() - 10 * 60_000 + i * 60_000)
      out.volunteerHours.push(buildCheckInHours(s, a, by, checked))
      return checkedInSignUp(s, a, by, checked)
    }
    if (p.status === 'no_show') return { ...s, status: 'no_show' as const, updatedAt: end }
    if (p.status === 'withdrawn') return { ...s, status: 'withdrawn' as const }
    return s
  })
  const ended = end.getTime() <= now.getTime()
  out.activities.push({
    ...withSignUps(a, signUps),
    closedOut: ended,
    remindedDay: ended,
    remindedHour: ended,
  })
  out.activitySignUps.push(...signUps)
}

export function activitiesSeed(now: Date, communities: CommunityDoc[]): ActivitiesSeed {
  const byId = new Map(communities.map((c) => [c._id, c]))
  const out: ActivitiesSeed = { activities: [], activitySignUps: [], volunteerHours: [] }
  for (const plan of SEED_ACTIVITIES) {
    const weeks = plan.weeks ?? 1
    for (let w = 0; w < weeks; w++) {
      const id = w === 0 ? plan.id : `${plan.id}-w${w + 1}`
      one(plan, id, w, weeks > 1 ? plan.id : null, byId, now, out)
    }
  }
  return out
}

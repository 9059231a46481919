// The activity bench: 1,000 different residents tap 报名 for 50 places at the same moment, then 10
// confirmed ones withdraw at the same moment. Prints what happened and how long it took; the
// exact-count properties are also asserted, with smaller numbers, in test/functions/activity-*.
import { EventEmitter } from 'node:events'
import type { LocalCloud } from '../local-cloud/src'
import type { AttendeeList, SignUpResult } from '../src/contract/activity'
import type { Envelope } from '../src/contract/common'

const RESIDENTS = Number(process.env.BENCH_ACTIVITY_RESIDENTS ?? 1000)
const PLACES = Number(process.env.BENCH_ACTIVITY_PLACES ?? 50)
const WITHDRAW = 10
const HOUR = 3600_000

interface Answer<T> {
  body: Envelope<T>
  roundTrips: number
}

export async function benchActivities(cloud: LocalCloud): Promise<void> {
  const post = async <T>(openid: string, action: string, data: unknown): Promise<Answer<T>> => {
    const res = await fetch(`${cloud.url}/api/activity`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, data }),
    })
    return {
      body: (await res.json()) as Envelope<T>,
      roundTrips: Number(res.headers.get('x-db-round-trips')),
    }
  }
  const staff = 'demo-staff-zt'
  const start = Date.now() + 3 * 24 * HOUR
  const published = await post<{ ids: string[] }>(staff, 'publish', {
    communityId: 'ZTL',
    title: '垃圾分类桶边值守（压力测试）',
    theme: '垃圾分类',
    description: '一千位居民同时报名五十个名额。',
    place: '东方现代城 1 号投放点',
    startAt: start,
    endAt: start + 2 * HOUR,
    capacity: PLACES,
    signUpOpensAt: Date.now() - HOUR,
    signUpClosesAt: start - HOUR,
    withdrawBy: start - 2 * HOUR,
    hours: 2,
    points: 10,
    audience: { kind: 'community' },
    maxCompanions: 0,
    contactPhone: '0371-64351234',
  })
  if (!published.body.ok) throw new Error(`publish failed: ${published.body.error.message}`)
  const activityId = published.body.data.ids[0]

  // residents of 东方现代城, each with a household of their own
  const households = cloud.store.find(
    'households',
    { estateId: 'DFXDC' },
    { limit: RESIDENTS },
  ) as {
    _id: string
  }[]
  const now = new Date()
  const residents = Array.from({ length: RESIDENTS }, (_x, i) => `bench-volunteer-${i}`)
  cloud.store.insert(
    'users',
    residents.map((openid, i) => ({
      _id: openid,
      openid,
      householdId: households[i % households.length]?._id ?? null,
      roles: [],
      createdAt: now,
      updatedAt: now,
    })),
  )

  // A thousand requests at once share the SDK's keep-alive sockets: more listeners per socket than
  // node's default warning threshold, which is not a leak here.
  EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 100)
  const t0 = performance.now()
  const answers = await Promise.all(
    residents.map(async (openid, i) => ({
      openid,
      ...(await post<SignUpResult>(openid, 'signUp', {
        activityId,
        name: `居民${i}`,
        phone: `139${String(i).padStart(8, '0')}`,
        companions: [],
      })),
    })),
  )
  const wall = performance.now() - t0

  const failed = answers.filter((a) => !a.body.ok)
  const codes = new Map<string, number>()
  for (const f of failed) {
    const c = f.body.ok ? 'ok' : f.body.error.code
    codes.set(c, (codes.get(c) ?? 0) + 1)
  }
  const told = answers.flatMap((a) => (a.body.ok ? [{ ...a, data: a.body.data }] : []))
  const confirmed = told.filter((a) => a.data.status === 'confirmed')
  const waitlisted = told.filter((a) => a.data.status === 'waitlisted')
  const positions = waitlisted.map((a) => a.data.position ?? 0).sort((x, y) => x - y)
  const inOrder = positions.every((p, i) => p === i + 1)
  const trips = (list: typeof told) => {
    const n = list.map((a) => a.roundTrips).sort((x, y) => x - y)
    if (!n.length) return '—'
    const avg = n.reduce((s, x) => s + x, 0) / n.length
    return `avg ${avg.toFixed(1)}, max ${n[n.length - 1]}`
  }
  const check = await post<AttendeeList>(staff, 'attendees', { activityId })
  const stored = check.body.ok ? check.body.data : null
  const storedPeople = stored?.people ?? -1
  const storedOrder =
    stored?.waitlisted.every((w, i) => {
      const said = waitlisted.find((a) => a.data.signUpId === w.signUpId)
      return w.position === i + 1 && said?.data.position === w.position
    }) ?? false

  console.log(
    `\nactivity: ${RESIDENTS.toLocaleString()} residents sign up for ${PLACES} places at once`,
  )
  console.log(`  wall time                               ${(wall / 1000).toFixed(2)} s`)
  console.log(
    `  confirmed / waitlisted                  ${confirmed.length} / ${waitlisted.length}`,
  )
  console.log(
    `  answered CONFLICT / INTERNAL / other    ${codes.get('CONFLICT') ?? 0} / ${codes.get('INTERNAL') ?? 0} / ${failed.length - (codes.get('CONFLICT') ?? 0) - (codes.get('INTERNAL') ?? 0)}`,
  )
  console.log(
    `  waitlist positions told 1..${waitlisted.length}, each once  ${inOrder ? 'yes' : 'NO'}`,
  )
  console.log(
    `  the store agrees (people ${storedPeople}, order as told)  ${storedPeople === confirmed.length && storedOrder ? 'yes' : 'NO'}`,
  )
  console.log(`  signUp round trips, with a place        ${trips(confirmed)}`)
  console.log(`  signUp round trips, on the waitlist     ${trips(waitlisted)}`)

  // --- 10 confirmed withdraw at once ----------------------------------------------------------
  const leaving = confirmed.slice(0, WITHDRAW).map((a) => a.openid)
  const next = [...waitlisted]
    .sort((x, y) => (x.data.position ?? 0) - (y.data.position ?? 0))
    .slice(0, WITHDRAW)
    .map((a) => a.data.signUpId)
  const t1 = performance.now()
  const out = await Promise.all(
    leaving.map((o) => post<{ promoted: number }>(o, 'withdraw', { activityId })),
  )
  const wallWithdraw = performance.now() - t1
  const after = await post<AttendeeList>(staff, 'attendees', { activityId })
  const list = after.body.ok ? after.body.data : null
  const nowConfirmed = new Set(list?.confirmed.map((c) => c.signUpId) ?? [])
  const promoted = next.filter((id) => nowConfirmed.has(id)).length
  const promotedTotal = out.reduce((n, r) => n + (r.body.ok ? r.body.data.promoted : 0), 0)
  console.log(`\nactivity: ${WITHDRAW} confirmed withdraw at once`)
  console.log(`  wall time                               ${(wallWithdraw / 1000).toFixed(2)} s`)
  console.log(
    `  withdrawals answered ok                 ${out.filter((r) => r.body.ok).length} / ${WITHDRAW}`,
  )
  console.log(
    `  promoted (the first ${WITHDRAW} in line)          ${promoted} (reported ${promotedTotal})`,
  )
  console.log(
    `  confirmed after / waitlisted after      ${list?.people ?? '?'} / ${list?.waitlisted.length ?? '?'}`,
  )
  console.log(
    `  waitlist renumbered from 1              ${list?.waitlisted.every((w, i) => w.position === i + 1) ? 'yes' : 'NO'}`,
  )
  console.log(
    `  withdraw round trips                    avg ${(out.reduce((n, r) => n + r.roundTrips, 0) / out.length).toFixed(1)}, max ${Math.max(...out.map((r) => r.roundTrips))}`,
  )
}

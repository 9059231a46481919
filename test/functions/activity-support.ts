// Helpers of the activity function tests: publish through the real function, sign up many.
import type * as v from 'valibot'
import type { PublishInput } from '../../src/contract/activity'
import { ok, type TestCloud } from '../support/cloud'

export const FN = 'activity'
export const STAFF = 'demo-staff'
const MIN = 60_000
const HOUR = 60 * MIN

let n = 0
export const uniq = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`

/** An activity of 二十里铺社区 starting in `startsIn` ms, open for sign-up now. */
export function plan(
  over: Partial<v.InferInput<typeof PublishInput>> = {},
  startsIn = 2 * 24 * HOUR,
): v.InferInput<typeof PublishInput> {
  const start = Date.now() + startsIn
  return {
    communityId: 'ESLP',
    title: '重阳包饺子',
    theme: '节日民俗',
    description: '和社区老人一起包饺子、吃饺子。',
    place: '二十里铺社区党群服务中心',
    startAt: start,
    endAt: start + 2 * HOUR,
    capacity: 10,
    signUpOpensAt: Date.now() - HOUR,
    signUpClosesAt: start - MIN,
    withdrawBy: start - 2 * MIN,
    hours: 2,
    points: 5,
    audience: { kind: 'community' },
    maxCompanions: 2,
    contactPhone: '0371-68920000',
    ...over,
  }
}

export async function publish(
  t: TestCloud,
  over: Partial<v.InferInput<typeof PublishInput>> = {},
  startsIn?: number,
): Promise<string> {
  const { ids } = ok(await t.call<{ ids: string[] }>(FN, STAFF, 'publish', plan(over, startsIn)))
  return ids[0]
}

export const phone = (i: number) => `139${String(10_000_000 + i).slice(-8)}`

/** Moves an activity's times (the functions take the real clock; tests move the activity instead). */
export function shiftActivity(t: TestCloud, id: string, fields: Record<string, Date>): void {
  t.cloud.store.modify(
    'activities',
    { _id: id },
    { operators: { $set: fields } },
    { multi: false, upsert: false },
  )
}

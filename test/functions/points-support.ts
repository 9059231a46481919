// Helpers shared by the points function tests (not a test file itself).
import type { Envelope } from '../../src/contract/common'
import type { PointsAccountDoc, PointsLedgerDoc } from '../../server/points'
import type { TestCloud } from '../support/cloud'

export const FN = 'points'

export const WHO = {
  supervisor: 'demo-supervisor', // DF-P01
  otherSupervisor: 'seed-supervisor-05', // DF-P05
  staff: 'demo-staff-zt', // ZTL
  otherStaff: 'demo-staff', // ESLP
  resident: 'demo-resident-zt', // DF-1-2-1203, DF-P01
  lhResident: 'demo-resident', // 陇海安居, another community
} as const

let counter = 0
/** A fresh client id (8–32 chars). */
export const cid = (): string =>
  `t${process.pid}x${++counter}x${Date.now().toString(36)}`.slice(0, 32)

export function expectCode(env: Envelope<unknown>, code: string | true): void {
  expect(env.ok || env.error.code).toBe(code)
}

export const balanceOf = (t: TestCloud, h: string): number =>
  (t.cloud.store.get('pointsAccounts', h) as PointsAccountDoc | null)?.balance ?? 0
export const ledgerOf = (t: TestCloud, h: string): PointsLedgerDoc[] =>
  t.cloud.store.find('pointsLedger', { householdId: h }) as unknown as PointsLedgerDoc[]
export const ledgerSum = (t: TestCloud, h: string): number =>
  ledgerOf(t, h).reduce((n, e) => n + e.delta, 0)

/** Binds a resident user straight into the store. */
export function addResident(t: TestCloud, openid: string, householdId: string): void {
  const now = new Date()
  t.cloud.store.insertMany('users', [
    { _id: openid, openid, householdId, roles: [], createdAt: now, updatedAt: now },
  ])
}

/** Gives a household points straight through the store (balance and a ledger entry agree). */
export function grant(t: TestCloud, householdId: string, points: number): void {
  const now = new Date()
  const before = balanceOf(t, householdId)
  const after = before + points
  if (t.cloud.store.get('pointsAccounts', householdId)) {
    t.cloud.store.modify(
      'pointsAccounts',
      { _id: householdId },
      { operators: { $set: { balance: after, updatedAt: now } } },
      { multi: false, upsert: false },
    )
  } else {
    t.cloud.store.insertMany('pointsAccounts', [
      {
        _id: householdId,
        householdId,
        communityId: 'ZTL',
        balance: after,
        createdAt: now,
        updatedAt: now,
      },
    ])
  }
  t.cloud.store.insertMany('pointsLedger', [
    {
      _id: `grant-${householdId}-${cid()}`,
      householdId,
      communityId: 'ZTL',
      delta: points,
      balanceAfter: after,
      kind: 'adjust',
      reason: '测试',
      refId: null,
      by: 'test',
      createdAt: now,
    },
  ])
}

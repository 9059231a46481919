// The shared points ledger (server/points.ts) through the real SDK: credits, debits, idempotency
// keys, no balance below zero, and balance = sum of the ledger after concurrent postings.
import { getCloud } from '../../server/cloud'
import { inTransaction } from '../../server/db'
import { AppError } from '../../server/errors'
import {
  replay,
  POINTS_ACCOUNTS,
  POINTS_LEDGER,
  post,
  type Posted,
  type Posting,
  type PointsAccountDoc,
  type PointsLedgerDoc,
} from '../../server/points'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { expectLedgerBalanced } from '../support/ledger'
import { uniq } from './suggestion-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud({ seed: false })
})
afterAll(async () => {
  await t.close()
})
afterEach(() => expectLedgerBalanced(t.cloud.store))

const db = () => getCloud().database()
const posting = (householdId: string, delta: number, key: string): Posting => ({
  key,
  householdId,
  communityId: 'ZTL',
  delta,
  kind: delta > 0 ? 'sorting' : 'redeem',
  reason: delta > 0 ? '垃圾分类' : '兑换 洗洁精',
  refId: null,
  by: 'system',
  now: new Date(),
})
const postOne = (p: Posting): Promise<Posted> => inTransaction(db(), (tx) => post(tx, p))

const balanceOf = (h: string) =>
  (t.cloud.store.get(POINTS_ACCOUNTS, h) as PointsAccountDoc | null)?.balance ?? 0
const ledgerOf = (h: string) =>
  t.cloud.store.find(POINTS_LEDGER, { householdId: h }) as unknown as PointsLedgerDoc[]
const ledgerSum = (h: string) => ledgerOf(h).reduce((sum, e) => sum + e.delta, 0)

it('credits a new household, then debits it, each entry keyed by its cause', async () => {
  const h = uniq('hh')
  const first = await postOne(posting(h, 3, `sorting-${h}-20261201`))
  expect(first).toMatchObject({ applied: true, balance: 3 })
  const spent = await postOne(posting(h, -2, `redeem-${h}-1`))
  expect(spent).toMatchObject({ applied: true, balance: 1 })
  expect(
    ledgerOf(h)
      .map((e) => [e._id, e.delta, e.balanceAfter])
      .sort(),
  ).toEqual(
    [
      [`redeem-${h}-1`, -2, 1],
      [`sorting-${h}-20261201`, 3, 3],
    ].sort(),
  )
  expect(balanceOf(h)).toBe(ledgerSum(h))
})

it('counts a repeated cause once', async () => {
  const h = uniq('hh')
  const key = `sorting-${h}-20261202`
  await postOne(posting(h, 3, key))
  const again = await postOne(posting(h, 3, key))
  expect(again).toMatchObject({ applied: false, balance: 3 })
  expect(ledgerOf(h)).toHaveLength(1)
  expect(balanceOf(h)).toBe(3)
})

it('refuses a debit below zero with CONFLICT and writes nothing', async () => {
  const h = uniq('hh')
  await postOne(posting(h, 3, `sorting-${h}-1`))
  const before = JSON.stringify([ledgerOf(h), balanceOf(h)])
  const err = await postOne(posting(h, -4, `redeem-${h}-x`)).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(AppError)
  expect((err as AppError).code).toBe('CONFLICT')
  expect((err as AppError).message).toBe('积分余额不够')
  expect(JSON.stringify([ledgerOf(h), balanceOf(h)])).toBe(before)
})

it('20 debits of 10 at once from 100 → never below zero, and the ledger sums to the balance', async () => {
  const h = uniq('hh')
  await postOne(posting(h, 100, `adjust-${h}-opening`))
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      postOne(posting(h, -10, `redeem-${h}-${i}`)).then(
        (r) => ({ ok: true as const, balance: r.balance }),
        (e: unknown) => ({ ok: false as const, code: e instanceof AppError ? e.code : 'RETRY' }),
      ),
    ),
  )
  const succeeded = results.filter((r) => r.ok)
  // each caller that succeeded was told a distinct balance after its own debit
  const told = succeeded.map((r) => (r.ok ? r.balance : -1)).sort((a, b) => b - a)
  expect(new Set(told).size).toBe(told.length)
  expect(told.every((b) => b >= 0 && b % 10 === 0)).toBe(true)
  expect(succeeded.length).toBeGreaterThan(0)
  expect(succeeded.length).toBeLessThanOrEqual(10)
  // whoever did not succeed was refused (not enough) or lost every retry; nothing else
  for (const r of results) if (!r.ok) expect(['CONFLICT', 'RETRY']).toContain(r.code)
  expect(balanceOf(h)).toBe(100 - 10 * succeeded.length)
  expect(balanceOf(h)).toBe(ledgerSum(h))
  expect(Math.min(...told)).toBe(balanceOf(h))
})

describe('replay (what demo data is built with)', () => {
  const at = (min: number) => new Date(Date.UTC(2026, 10, 1, 0, min))
  const entry = (key: string, delta: number, min: number) => ({
    key,
    householdId: 'H1',
    communityId: 'C1',
    delta,
    kind: delta > 0 ? ('sorting' as const) : ('redeem' as const),
    reason: key,
    refId: null,
    by: 'system',
    now: at(min),
  })

  it('posts in time order, counts a repeated key once, and the ledger sums to the balance', () => {
    const { accounts, ledger } = replay([
      entry('b', -2, 2),
      entry('a', 3, 1),
      entry('a', 3, 3),
      entry('c', 3, 4),
    ])
    expect(ledger.map((e) => [e._id, e.balanceAfter])).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 4],
    ])
    expect(accounts).toHaveLength(1)
    expect(accounts[0].balance).toBe(ledger.reduce((sum, e) => sum + e.delta, 0))
  })

  it('refuses what post would refuse: a balance below zero', () => {
    expect(() => replay([entry('a', 3, 1), entry('b', -4, 2)])).toThrow(/b would leave -1/)
  })
})

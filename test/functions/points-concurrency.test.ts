// Counts under concurrency, by design (transactions by id on documents derived from the cause),
// with smaller numbers than the bench: duplicate parallel scans award once, N households
// redeeming stock M get exactly M, a balance never goes below zero, and afterwards every
// account's balance equals the sum of its ledger.
import type { Envelope } from '../../src/contract/common'
import type { RecordResult, RedemptionView, RewardView } from '../../src/contract/points'
import type { PointsAccountDoc, PointsLedgerDoc } from '../../server/points'
import { dayKey } from '../../server/time'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import { addResident, balanceOf, cid, FN, grant, WHO } from './points-support'

jest.setTimeout(120_000)

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

/** Every account's balance equals the sum of its ledger entries, and none is below zero. */
function expectLedgersAgree(): void {
  const sums = new Map<string, number>()
  for (const e of t.cloud.store.find('pointsLedger', {}) as unknown as PointsLedgerDoc[]) {
    sums.set(e.householdId, (sums.get(e.householdId) ?? 0) + e.delta)
  }
  const accounts = t.cloud.store.find('pointsAccounts', {}) as unknown as PointsAccountDoc[]
  const wrong = accounts.filter(
    (a) => a.balance !== (sums.get(a.householdId) ?? 0) || a.balance < 0,
  )
  expect(wrong).toEqual([])
  expect(accounts.length).toBe(sums.size)
}

it('each household +3 once when it is scanned four times at once by three supervisors', async () => {
  const households = Array.from(
    { length: 24 },
    (_, i) => `DF-7-1-${Math.floor(i / 4) + 1}0${(i % 4) + 1}`,
  )
  const before = new Map(households.map((h) => [h, balanceOf(t, h)]))
  const scanners = [WHO.supervisor, WHO.otherSupervisor, 'seed-supervisor-03', WHO.supervisor]
  const calls = households.flatMap((h) =>
    scanners.map((s) =>
      t.call<RecordResult>(FN, s, 'record', { householdId: h, correct: true, clientId: cid() }),
    ),
  )
  const answers = await Promise.all(calls)
  const codes = answers.map((a: Envelope<RecordResult>) => (a.ok ? a.data.status : a.error.code))
  expect(codes.filter((c) => c !== 'recorded' && c !== 'already')).toEqual([])
  expect(codes.filter((c) => c === 'recorded')).toHaveLength(households.length)
  const day = dayKey(new Date())
  for (const h of households) {
    expect(balanceOf(t, h)).toBe((before.get(h) ?? 0) + 3)
    expect(
      t.cloud.store.find('pointsLedger', {
        householdId: h,
        _id: { $regex: `^sorting-${h}-${day}` },
      }),
    ).toHaveLength(1)
  }
  const pointDay = t.cloud.store.get('sortingPointDays', `DF-P04-${day}`) as {
    recorded: number
    correct: number
  }
  expect(pointDay.recorded).toBeGreaterThanOrEqual(households.length)
  expectLedgersAgree()
})

it('40 households redeem a reward of stock 8 at once: exactly 8 succeed, stock 0, never negative', async () => {
  const reward = ok(
    await t.call<RewardView>(FN, WHO.staff, 'saveReward', {
      name: '抢兑抽纸',
      points: 30,
      monthlyLimit: 1,
      restock: 8,
    }),
  )
  const people = Array.from({ length: 40 }, (_, i) => {
    const h = `DF-9-2-${Math.floor(i / 4) + 1}0${(i % 4) + 1}`
    const openid = `pts-c-${i}`
    addResident(t, openid, h)
    grant(t, h, 30)
    return { openid, h, before: balanceOf(t, h) }
  })
  const answers = await Promise.all(
    people.map((p) =>
      t.call<RedemptionView>(FN, p.openid, 'redeem', { rewardId: reward.id, clientToken: cid() }),
    ),
  )
  const won = answers.filter((a) => a.ok)
  expect(won).toHaveLength(8)
  expect(answers.filter((a) => !a.ok && a.error.code !== 'CONFLICT')).toEqual([])
  expect((t.cloud.store.get('rewards', reward.id) as { stock: number }).stock).toBe(0)
  const codes = won.map((a) => (a.ok ? a.data.code : ''))
  expect(new Set(codes).size).toBe(8)
  for (const [i, p] of people.entries()) {
    const a = answers[i]
    expect(balanceOf(t, p.h)).toBe(p.before - (a.ok ? 30 : 0))
  }
  expectLedgersAgree()
})

it('one household spending on many rewards at once never goes below zero', async () => {
  const rewards = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      t.call<RewardView>(FN, WHO.staff, 'saveReward', {
        name: `并发奖品${i}`,
        points: 40,
        monthlyLimit: 0,
        restock: 5,
      }),
    ),
  )
  const openid = 'pts-spend-many'
  const h = 'DF-10-1-101'
  addResident(t, openid, h)
  const start = balanceOf(t, h)
  grant(t, h, 100 - start > 0 ? 100 - start : 0)
  const balance = balanceOf(t, h)
  const answers = await Promise.all(
    rewards.flatMap((r) =>
      [0, 1].map(() => t.call(FN, openid, 'redeem', { rewardId: ok(r).id, clientToken: cid() })),
    ),
  )
  const won = answers.filter((a) => a.ok).length
  expect(won).toBe(Math.floor(balance / 40))
  expect(balanceOf(t, h)).toBe(balance - 40 * won)
  expect(balanceOf(t, h)).toBeGreaterThanOrEqual(0)
  expectLedgersAgree()
})

it('the same offline queue sent from two reconnects at once counts each recording once', async () => {
  const made = new Date(Date.now() - 20 * 3600_000)
  const queue = Array.from({ length: 12 }, (_, i) => ({
    householdId: `DF-11-2-${Math.floor(i / 4) + 5}0${(i % 4) + 1}`,
    correct: i % 3 !== 0,
    reason: i % 3 === 0 ? '未破袋' : null,
    madeAt: new Date(made.getTime() + i * 1000).toISOString(),
    clientId: cid(),
  }))
  const fresh = queue.filter(
    (q) => !t.cloud.store.get('sortingRecords', `sorting-${q.householdId}-${dayKey(made)}`),
  )
  const before = new Map(fresh.map((q) => [q.householdId, balanceOf(t, q.householdId)]))
  const answers = await Promise.all(
    [...fresh, ...fresh].map((q) => t.call<RecordResult>(FN, WHO.supervisor, 'record', q)),
  )
  expect(answers.filter((a) => !a.ok)).toEqual([])
  expect(answers.filter((a) => a.ok && a.data.status === 'recorded')).toHaveLength(fresh.length)
  for (const q of fresh) {
    expect(balanceOf(t, q.householdId)).toBe((before.get(q.householdId) ?? 0) + (q.correct ? 3 : 0))
  }
  expectLedgersAgree()
})

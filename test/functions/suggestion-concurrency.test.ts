// Exactness under bursts: seconds, golden awards and the daily submission limit.
import { EventEmitter } from 'node:events'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import { expectLedgerBalanced } from '../support/ledger'
import { addResident, FN, fresh, ROLES, uniq } from './suggestion-support'

// 200 calls at once queue on the SDK's pooled sockets, each adding a `connect` listener
// until its turn: expected in this burst, not a leak.
EventEmitter.defaultMaxListeners = 250

let t: TestCloud
let households: string[]
beforeAll(async () => {
  t = await startTestCloud()
  households = (t.cloud.store.find('households', { communityId: 'ESLP' }) as { _id: string }[]).map(
    (h) => h._id,
  )
})
afterAll(async () => {
  await t.close()
})
// whatever a burst did, every household's balance is the sum of its ledger
afterEach(() => expectLedgerBalanced(t.cloud.store))

const codes = (res: { ok: boolean; error?: { code: string } }[]) =>
  res.reduce<Record<string, number>>((acc, r) => {
    const k = r.ok ? 'ok' : (r.error?.code ?? '?')
    acc[k] = (acc[k] ?? 0) + 1
    return acc
  }, {})

/** The most calls that were in flight at the same moment. */
function maxInFlight(spans: [number, number][]): number {
  const events = spans.flatMap(([a, b]) => [
    [a, 1],
    [b, -1],
  ])
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  let now = 0
  let max = 0
  for (const [, d] of events) max = Math.max(max, (now += d))
  return max
}

async function published(): Promise<string> {
  const s = await fresh(t, 'accepted')
  ok(await t.call(FN, ROLES.staff, 'publish', { id: s.id, published: true }))
  return s.id
}

it('200 residents seconding at once → exactly 200', async () => {
  const id = await published()
  const residents = Array.from({ length: 200 }, (_, i) => `burst-${i}`)
  residents.forEach((openid, i) => addResident(t, openid, households[i % households.length]))
  const spans: [number, number][] = []
  const starts: number[] = []
  const res = await Promise.all(
    residents.map(async (openid, i) => {
      starts[i] = performance.now()
      const r = await t.call<{ seconds: number }>(FN, openid, 'second', { id })
      spans.push([starts[i], performance.now()])
      return r
    }),
  )
  expect(codes(res)).toEqual({ ok: 200 })
  // the calls really overlapped: most of them were in flight at one moment
  expect(maxInFlight(spans)).toBeGreaterThanOrEqual(50)
  // each caller is told the total after their own second: never below what had landed before
  // their call began (+1, themselves), never above 200, and the last to land is told 200. (The
  // count read before the increment, as it was, gave 61 distinct numbers topping at 198.)
  const told = res.map((r) => (r.ok ? r.data.seconds : 0))
  told.forEach((n, i) => {
    const landedBefore = spans.filter(([, end]) => end < starts[i]).length
    expect(n).toBeGreaterThanOrEqual(landedBefore + 1)
    expect(n).toBeLessThanOrEqual(200)
  })
  expect(Math.max(...told)).toBe(200)
  expect((t.cloud.store.get('suggestions', id) as { seconds: number }).seconds).toBe(200)
  expect(t.cloud.store.count('suggestionSeconds', { suggestionId: id })).toBe(200)
})

it('one resident seconding 20 times at once → exactly 1', async () => {
  const id = await published()
  const res = await Promise.all(
    Array.from({ length: 20 }, () => t.call(FN, ROLES.neighbour, 'second', { id })),
  )
  expect(codes(res)).toEqual({ ok: 1, CONFLICT: 19 })
  expect((t.cloud.store.get('suggestions', id) as { seconds: number }).seconds).toBe(1)
})

it('concurrent awards → exactly one, and the ledger agrees with the balance', async () => {
  const openid = uniq('golden')
  addResident(t, openid, 'LH-2-2-101')
  const a = await fresh(t, 'resolved', openid)
  const b = await fresh(t, 'resolved', openid)
  // two staff members pressing the button on the same suggestion, while others award another
  const res = await Promise.all([
    ...Array.from({ length: 8 }, () => t.call(FN, ROLES.staff, 'award', { id: a.id, points: 40 })),
    t.call(FN, ROLES.staff, 'award', { id: b.id, points: 25 }),
  ])
  expect(codes(res.slice(0, 8))).toEqual({ ok: 1, CONFLICT: 7 })
  expect(res[8].ok).toBe(true)
  const account = t.cloud.store.get('pointsAccounts', 'LH-2-2-101') as { balance: number }
  const ledger = t.cloud.store.find(
    'pointsLedger',
    { householdId: 'LH-2-2-101' },
    { sort: { balanceAfter: 1 } },
  ) as {
    delta: number
    balanceAfter: number
  }[]
  expect(account.balance).toBe(65)
  expect(ledger.map((l) => l.delta).sort()).toEqual([25, 40])
  expect(ledger.reduce((s, l) => s + l.delta, 0)).toBe(account.balance)
  expect(ledger.at(-1)?.balanceAfter).toBe(65)
})

it('concurrent awards of an anonymous suggestion → exactly one (its ledger key is random)', async () => {
  const openid = uniq('golden-anon')
  addResident(t, openid, 'LH-2-2-102')
  const a = await fresh(t, 'resolved', openid, { anonymous: true })
  const res = await Promise.all(
    Array.from({ length: 8 }, () => t.call(FN, ROLES.staff, 'award', { id: a.id, points: 30 })),
  )
  expect(codes(res)).toEqual({ ok: 1, CONFLICT: 7 })
  const ledger = t.cloud.store.find('pointsLedger', { householdId: 'LH-2-2-102' })
  expect(ledger).toHaveLength(1)
  expect(ledger[0]._id).not.toContain(a.id)
  expect((t.cloud.store.get('pointsAccounts', 'LH-2-2-102') as { balance: number }).balance).toBe(
    30,
  )
})

it('a burst of 15 submissions by one resident → exactly 10', async () => {
  const openid = uniq('burst-submit')
  const res = await Promise.all(
    Array.from({ length: 15 }, (_, i) =>
      t.call(FN, openid, 'submit', {
        buildingId: 'LH-3',
        category: '其他',
        text: `第${i}条：小区需要更多座椅`,
      }),
    ),
  )
  expect(codes(res)).toEqual({ ok: 10, RATE_LIMITED: 5 })
  expect(t.cloud.store.count('suggestions', { openid })).toBe(10)
})

it('100 submissions at once by different residents all get distinct numbers', async () => {
  const res = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      t.call<{ no: string }>(FN, `many-${i}`, 'submit', {
        buildingId: 'LH-5',
        category: '绿化',
        text: '希望多种些树',
      }),
    ),
  )
  const nos = res.map((r) => ok(r).no)
  expect(new Set(nos).size).toBe(100)
})

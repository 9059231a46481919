// Rewards and pickup codes through the real SDK: 兑换 deducts points and stock in one
// transaction, the monthly limit, cancel refunds, verify collects once, the timer expires and
// refunds, staff adjust with a reason; statistics, ranking and the .xlsx export.
import ExcelJS from 'exceljs'
import type {
  AdjustmentView,
  RankingResult,
  RedemptionView,
  RewardView,
  StatsResultView,
} from '../../src/contract/points'
import type { Page } from '../../src/contract/common'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import {
  addResident,
  balanceOf,
  cid,
  expectCode,
  FN,
  grant,
  ledgerOf,
  ledgerSum,
  WHO,
} from './points-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

const stockOf = (id: string) => (t.cloud.store.get('rewards', id) as { stock: number }).stock
let n = 0
function resident(points: number): { openid: string; h: string } {
  n += 1
  const h = `DF-5-2-${Math.floor(n / 4) + 2}0${(n % 4) + 1}`
  const openid = `pts-r-${n}`
  addResident(t, openid, h)
  grant(t, h, points)
  return { openid, h }
}

async function newReward(
  data: Partial<{ points: number; monthlyLimit: number; restock: number }> = {},
) {
  return ok(
    await t.call<RewardView>(FN, WHO.staff, 'saveReward', {
      name: '测试洗洁精',
      points: 50,
      monthlyLimit: 2,
      restock: 5,
      ...data,
    }),
  )
}

it('staff add, edit, restock and withdraw a reward; residents see the active ones of their community', async () => {
  const r = await newReward({ restock: 3 })
  expect(r.stock).toBe(3)
  const more = ok(
    await t.call<RewardView>(FN, WHO.staff, 'saveReward', {
      id: r.id,
      name: '测试洗洁精（大瓶）',
      points: 55,
      monthlyLimit: 1,
      restock: 7,
    }),
  )
  expect(more).toMatchObject({ stock: 10, points: 55, name: '测试洗洁精（大瓶）' })
  const seen = ok(await t.call<RewardView[]>(FN, WHO.resident, 'rewards', {}))
  expect(seen.map((x) => x.id)).toContain(r.id)
  expect(
    ok(await t.call<RewardView[]>(FN, WHO.lhResident, 'rewards', {})).map((x) => x.id),
  ).not.toContain(r.id)
  ok(
    await t.call(FN, WHO.staff, 'saveReward', {
      id: r.id,
      name: '测试洗洁精',
      points: 55,
      monthlyLimit: 1,
      active: false,
    }),
  )
  expect(
    ok(await t.call<RewardView[]>(FN, WHO.resident, 'rewards', {})).map((x) => x.id),
  ).not.toContain(r.id)
  expectCode(
    await t.call(FN, WHO.otherStaff, 'saveReward', {
      id: r.id,
      name: '改名',
      points: 1,
      monthlyLimit: 0,
    }),
    'FORBIDDEN',
  )
  expectCode(
    await t.call(FN, WHO.supervisor, 'saveReward', { name: 'x', points: 1, monthlyLimit: 0 }),
    'FORBIDDEN',
  )
})

it('redeems: points and stock go down together, a six-digit code and a QR image; a retried tap redeems once', async () => {
  const r = await newReward()
  const { openid, h } = resident(200)
  const token = cid()
  const before = balanceOf(t, h)
  const got = ok(
    await t.call<RedemptionView>(FN, openid, 'redeem', { rewardId: r.id, clientToken: token }),
  )
  expect(got.code).toMatch(/^\d{6}$/)
  expect(got.qr).toMatch(/^data:image\/png;base64,/)
  expect(got.status).toBe('open')
  expect(balanceOf(t, h)).toBe(before - 50)
  expect(stockOf(r.id)).toBe(4)
  const again = ok(
    await t.call<RedemptionView>(FN, openid, 'redeem', { rewardId: r.id, clientToken: token }),
  )
  expect(again.id).toBe(got.id)
  expect(balanceOf(t, h)).toBe(before - 50)
  expect(stockOf(r.id)).toBe(4)
  expect(balanceOf(t, h)).toBe(ledgerSum(t, h))
  const mine = ok(await t.call<Page<RedemptionView>>(FN, openid, 'redemptions', {}))
  expect(mine.items[0].id).toBe(got.id)
})

it('refuses with too few points, past the monthly limit, out of stock — writing nothing', async () => {
  const r = await newReward({ monthlyLimit: 1, restock: 2 })
  const poor = resident(10)
  const state = () => JSON.stringify([balanceOf(t, poor.h), ledgerOf(t, poor.h), stockOf(r.id)])
  const s = state()
  const res = await t.call(FN, poor.openid, 'redeem', { rewardId: r.id, clientToken: cid() })
  expect(res.ok || res.error).toEqual({ code: 'CONFLICT', message: '积分余额不够' })
  expect(state()).toBe(s)

  const rich = resident(500)
  ok(await t.call(FN, rich.openid, 'redeem', { rewardId: r.id, clientToken: cid() }))
  const limited = await t.call(FN, rich.openid, 'redeem', { rewardId: r.id, clientToken: cid() })
  expectCode(limited, 'CONFLICT')
  expect(stockOf(r.id)).toBe(1)
  ok(await t.call(FN, resident(500).openid, 'redeem', { rewardId: r.id, clientToken: cid() }))
  expect(stockOf(r.id)).toBe(0)
  const sold = await t.call(FN, resident(500).openid, 'redeem', {
    rewardId: r.id,
    clientToken: cid(),
  })
  expect(sold.ok || sold.error.message).toBe('这个奖品已经兑完了')
  expect(stockOf(r.id)).toBe(0)
  // another community's resident cannot see it
  expectCode(
    await t.call(FN, WHO.lhResident, 'redeem', { rewardId: r.id, clientToken: cid() }),
    'NOT_FOUND',
  )
})

it('cancel before pickup refunds points and stock; staff verify a code once', async () => {
  const r = await newReward()
  const { openid, h } = resident(300)
  const before = balanceOf(t, h)
  const a = ok(
    await t.call<RedemptionView>(FN, openid, 'redeem', { rewardId: r.id, clientToken: cid() }),
  )
  const cancelled = ok(await t.call<RedemptionView>(FN, openid, 'cancelRedemption', { id: a.id }))
  expect(cancelled.status).toBe('cancelled')
  expect(balanceOf(t, h)).toBe(before)
  expect(stockOf(r.id)).toBe(5)
  expectCode(await t.call(FN, openid, 'cancelRedemption', { id: a.id }), 'CONFLICT')
  expect(balanceOf(t, h)).toBe(before)
  expectCode(await t.call(FN, WHO.staff, 'verify', { code: a.code }), 'NOT_FOUND')

  const b = ok(
    await t.call<RedemptionView>(FN, openid, 'redeem', { rewardId: r.id, clientToken: cid() }),
  )
  expectCode(await t.call(FN, WHO.otherStaff, 'verify', { code: b.code }), 'NOT_FOUND')
  expectCode(await t.call(FN, 'pts-r-1', 'cancelRedemption', { id: b.id }), 'NOT_FOUND')
  const looked = ok(await t.call<RedemptionView>(FN, WHO.staff, 'verify', { code: b.code }))
  expect(looked).toMatchObject({ status: 'open', rewardName: '测试洗洁精' })
  expect(looked.householdLabel).toContain('5号楼')
  const collected = ok(
    await t.call<RedemptionView>(FN, WHO.staff, 'verify', { code: b.code, collect: true }),
  )
  expect(collected.status).toBe('collected')
  expectCode(await t.call(FN, WHO.staff, 'verify', { code: b.code, collect: true }), 'NOT_FOUND')
  expectCode(await t.call(FN, openid, 'cancelRedemption', { id: b.id }), 'CONFLICT')
  expect(balanceOf(t, h)).toBe(before - 50)
  expect(balanceOf(t, h)).toBe(ledgerSum(t, h))
})

it('the daily timer expires codes unclaimed after 30 days and refunds them; it refuses a caller', async () => {
  const r = await newReward()
  const { openid, h } = resident(300)
  const before = balanceOf(t, h)
  const a = ok(
    await t.call<RedemptionView>(FN, openid, 'redeem', { rewardId: r.id, clientToken: cid() }),
  )
  t.cloud.store.modify(
    'redemptions',
    { _id: a.id },
    { operators: { $set: { expiresAt: new Date(Date.now() - 1000) } } },
    { multi: false, upsert: false },
  )
  expectCode(await t.call(FN, WHO.staff, 'verify', { code: a.code }), 'CONFLICT')
  const event = { Type: 'Timer', TriggerName: 'daily', Time: new Date().toISOString() }
  expectCode((await t.callRaw(FN, WHO.staff, event)).body, 'FORBIDDEN')
  const ran = (await t.callRaw(FN, undefined, event)).body
  expect(ran.ok && (ran.data as { expired: number }).expired).toBeGreaterThanOrEqual(1)
  expect((t.cloud.store.get('redemptions', a.id) as { status: string }).status).toBe('expired')
  expect(balanceOf(t, h)).toBe(before)
  expect(stockOf(r.id)).toBe(5)
  expect(ledgerOf(t, h).some((e) => e.kind === 'expire' && e.delta === 50)).toBe(true)
  expect(t.cloud.store.find('messages', { openid, kind: 'points', refId: a.id })).toHaveLength(1)
  const again = (await t.callRaw(FN, undefined, event)).body
  expect(again.ok && (again.data as { expired: number }).expired).toBe(0)
  expect(balanceOf(t, h)).toBe(ledgerSum(t, h))
})

it('staff adjust with a reason: a new ledger entry, listed with who; never below zero; other communities refused', async () => {
  const { openid, h } = resident(20)
  const start = balanceOf(t, h)
  const token = cid()
  const res = ok(
    await t.call<{ balance: number; adjustment: AdjustmentView }>(FN, WHO.staff, 'adjust', {
      householdId: h,
      delta: 15,
      reason: '补记漏扫的 5 天',
      clientToken: token,
    }),
  )
  expect(res.balance).toBe(start + 15)
  ok(
    await t.call(FN, WHO.staff, 'adjust', {
      householdId: h,
      delta: 15,
      reason: '补记漏扫的 5 天',
      clientToken: token,
    }),
  )
  expect(balanceOf(t, h)).toBe(start + 15)
  expectCode(
    await t.call(FN, WHO.staff, 'adjust', {
      householdId: h,
      delta: -(start + 16),
      reason: '扣多了',
      clientToken: cid(),
    }),
    'CONFLICT',
  )
  expect(balanceOf(t, h)).toBe(start + 15)
  expectCode(
    await t.call(FN, WHO.otherStaff, 'adjust', {
      householdId: h,
      delta: 5,
      reason: '越权',
      clientToken: cid(),
    }),
    'FORBIDDEN',
  )
  const list = ok(await t.call<Page<AdjustmentView>>(FN, WHO.staff, 'adjustments', {}))
  expect(list.items[0]).toMatchObject({ householdId: h, delta: 15, reason: '补记漏扫的 5 天' })
  expect(list.items[0].by).toContain('社区两委')
  // the household is told once (the retried tap adjusted nothing, so it said nothing)
  const told = t.cloud.store.find('messages', { openid, kind: 'points' }) as unknown as {
    title: string
    body: string
  }[]
  expect(told).toHaveLength(1)
  expect(told[0].body).toContain('补记漏扫的 5 天')
  const entry = ledgerOf(t, h).find((e) => e.kind === 'adjust' && e.delta === 15)
  expect(entry?.by).toBe(WHO.staff)
  expect(balanceOf(t, h)).toBe(ledgerSum(t, h))
})

it('statistics per point and day, the ranking by building, and an .xlsx that opens', async () => {
  const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
  const to = day(new Date())
  const from = day(new Date(Date.now() - 13 * 86400_000))
  const s = ok(await t.call<StatsResultView>(FN, WHO.staff, 'stats', { from, to }))
  expect(s.points).toHaveLength(12)
  expect(
    s.points.every((p) => p.recorded > 0 && p.participation > 0.3 && p.participation <= 1),
  ).toBe(true)
  expect(s.mistakes[0].reason).toBe('厨余混入塑料袋')
  const sum = s.byDay.filter((d) => d.pointId === 'DF-P03').reduce((a, d) => a + d.recorded, 0)
  expect(s.points.find((p) => p.pointId === 'DF-P03')?.recorded).toBe(sum)
  // a supervisor sees their own point only; another community's staff see nothing of ours
  const own = ok(await t.call<StatsResultView>(FN, WHO.supervisor, 'stats', { from, to }))
  expect(own.points.map((p) => p.pointId)).toEqual(['DF-P01'])
  expect(
    ok(await t.call<StatsResultView>(FN, WHO.otherStaff, 'stats', { from, to })).points,
  ).toHaveLength(0)
  expectCode(await t.call(FN, WHO.staff, 'stats', { from: to, to: from }), 'INVALID_INPUT')

  const ranking = ok(await t.call<RankingResult>(FN, WHO.resident, 'ranking', {}))
  expect(ranking.buildings).toHaveLength(23)
  expect(ranking.buildings[0].rank).toBe(1)
  expect(JSON.stringify(ranking)).not.toMatch(/DF-\d+-\d-\d+/)

  const file = ok(
    await t.call<{ fileName: string; dataUrl: string }>(FN, WHO.staff, 'export', { from, to }),
  )
  expect(file.fileName).toMatch(/\.xlsx$/)
  const wb = new ExcelJS.Workbook()
  const bytes = Buffer.from(file.dataUrl.split(',')[1], 'base64')
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
  const sheet = wb.getWorksheet('投放点统计')
  expect(sheet?.rowCount).toBe(13)
  expect(sheet?.getRow(2).getCell(1).value).toBe('1号投放点')
  expect(wb.worksheets.map((w) => w.name)).toContain('东方现代城楼栋排名')
  expectCode(await t.call(FN, WHO.supervisor, 'export', { from, to }), 'FORBIDDEN')
})

it('rules per community: staff set the points per correct day, recording uses them', async () => {
  ok(await t.call(FN, WHO.staff, 'saveRules', { pointsPerDay: 5 }))
  expect(
    ok(await t.call<{ pointsPerDay: number }>(FN, WHO.resident, 'rules', {})).pointsPerDay,
  ).toBe(5)
  const h = 'DF-6-1-101'
  const before = balanceOf(t, h)
  ok(await t.call(FN, WHO.supervisor, 'record', { householdId: h, correct: true, clientId: cid() }))
  expect(balanceOf(t, h)).toBe(before + 5)
  ok(await t.call(FN, WHO.staff, 'saveRules', { pointsPerDay: 3 }))
  expectCode(await t.call(FN, WHO.otherStaff, 'saveRules', { pointsPerDay: 0 }), 'INVALID_INPUT')
})

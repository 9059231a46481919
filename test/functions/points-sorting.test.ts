// 垃圾分类积分, the supervisor's side, through the real SDK: once per household and day, the
// offline resend, another point's household, same-day correction and undo, the scopes.
import { dayKey } from '../../server/time'
import type {
  LookupResult,
  PointsSummary,
  RecordResult,
  TodayProgress,
} from '../../src/contract/points'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import { balanceOf, cid, expectCode, FN, ledgerOf, ledgerSum, WHO } from './points-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

const today = () => dayKey(new Date())
const record = (openid: string, data: Record<string, unknown>) =>
  t.call<RecordResult>(FN, openid, 'record', { clientId: cid(), ...data })
const snapshot = (h: string) =>
  JSON.stringify([
    t.cloud.store.find('sortingRecords', { householdId: h }, { sort: { _id: 1 } }),
    ledgerOf(t, h),
    balanceOf(t, h),
    t.cloud.store.find('pointsMonths', { householdId: h }, { sort: { _id: 1 } }),
    t.cloud.store.find('sortingPointDays', {}, { sort: { _id: 1 } }),
    t.cloud.store.find('sortingBuildingMonths', {}, { sort: { _id: 1 } }),
  ])

it('a correct household earns the day points once; a second scan says 今天已记录 and changes nothing', async () => {
  const h = 'DF-2-1-301'
  const before = balanceOf(t, h)
  const first = ok(await record(WHO.supervisor, { householdId: h, correct: true }))
  expect(first.status).toBe('recorded')
  expect(first.record.points).toBe(3)
  expect(balanceOf(t, h)).toBe(before + 3)
  const entry = t.cloud.store.get('pointsLedger', `sorting-${h}-${today()}`) as { delta: number }
  expect(entry.delta).toBe(3)

  const state = snapshot(h)
  // again, by another supervisor, even as incorrect: today is recorded
  const again = ok(
    await record(WHO.otherSupervisor, { householdId: h, correct: false, reason: '未破袋' }),
  )
  expect(again.status).toBe('already')
  expect(again.message).toContain('今天已记录')
  expect(snapshot(h)).toBe(state)
  expect(balanceOf(t, h)).toBe(ledgerSum(t, h))
})

it('an incorrect household is recorded with its reason and earns nothing; the calendar shows it', async () => {
  const openid = 'pts-resident-incorrect'
  const h = 'DF-1-1-502'
  t.cloud.store.insertMany('users', [
    {
      _id: openid,
      openid,
      householdId: h,
      roles: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  ])
  const before = balanceOf(t, h)
  expectCode(await record(WHO.supervisor, { householdId: h, correct: false }), 'INVALID_INPUT')
  const res = ok(
    await record(WHO.supervisor, {
      householdId: h,
      correct: false,
      reason: '厨余混入塑料袋',
      note: '塑料袋扔进了厨余桶',
    }),
  )
  expect(res.record).toMatchObject({ correct: false, reason: '厨余混入塑料袋', points: 0 })
  expect(balanceOf(t, h)).toBe(before)
  const summary = ok(await t.call<PointsSummary>(FN, openid, 'summary', {}))
  const day = summary.days.find((d) => d.day.replace(/-/g, '') === today())
  expect(day).toMatchObject({
    correct: false,
    reason: '厨余混入塑料袋',
    note: '塑料袋扔进了厨余桶',
  })
})

it('finds a household by building, unit and room from the pad', async () => {
  const found = ok(
    await t.call<LookupResult>(FN, WHO.supervisor, 'lookup', {
      place: { buildingId: 'DF-1', unit: 2, room: '1203' },
    }),
  )
  expect(found.householdId).toBe('DF-1-2-1203')
  expect(found.label).toContain('1号楼 2单元 1203')
  expectCode(
    await t.call(FN, WHO.supervisor, 'lookup', {
      place: { buildingId: 'DF-1', unit: 2, room: '9999' },
    }),
    'NOT_FOUND',
  )
  const byPad = ok(
    await record(WHO.supervisor, {
      place: { buildingId: 'DF-1', unit: 2, room: '1204' },
      correct: true,
    }),
  )
  expect(byPad.record.householdId).toBe('DF-1-2-1204')
})

it("records another point's household, counted in that household's own point", async () => {
  // DF-23 belongs to DF-P12; demo-supervisor is at DF-P01
  const h = 'DF-23-1-101'
  const own = `DF-P12-${today()}`
  const mine = `DF-P01-${today()}`
  const ownBefore =
    (t.cloud.store.get('sortingPointDays', own) as { recorded: number } | null)?.recorded ?? 0
  const mineBefore =
    (t.cloud.store.get('sortingPointDays', mine) as { recorded: number } | null)?.recorded ?? 0
  const looked = ok(await t.call<LookupResult>(FN, WHO.supervisor, 'lookup', { householdId: h }))
  expect(looked.otherPoint).toBe('12号投放点')
  const res = ok(await record(WHO.supervisor, { householdId: h, correct: true }))
  expect(res.record).toMatchObject({ recordedAtPoint: 'DF-P01', householdPoint: 'DF-P12' })
  expect((t.cloud.store.get('sortingPointDays', own) as { recorded: number }).recorded).toBe(
    ownBefore + 1,
  )
  expect(
    (t.cloud.store.get('sortingPointDays', mine) as { recorded: number } | null)?.recorded ?? 0,
  ).toBe(mineBefore)
})

it('refuses a household of another community and callers who are not supervisors', async () => {
  expectCode(
    await record(WHO.supervisor, { householdId: 'LH-1-2-301', correct: true }),
    'FORBIDDEN',
  )
  expectCode(await record(WHO.staff, { householdId: 'DF-1-1-101', correct: true }), 'FORBIDDEN')
  expectCode(await record(WHO.resident, { householdId: 'DF-1-1-101', correct: true }), 'FORBIDDEN')
})

it('the offline queue: made earlier, sent later, counted on the day it was made and never twice', async () => {
  const made = new Date(Date.now() - 30 * 3600_000)
  // a household the seeded history did not record that day
  const h = Array.from(
    { length: 60 },
    (_, i) => `DF-3-2-${Math.floor(i / 4) + 2}0${(i % 4) + 1}`,
  ).find((id) => !t.cloud.store.get('sortingRecords', `sorting-${id}-${dayKey(made)}`)) as string
  const clientId = cid()
  const before = balanceOf(t, h)
  const sent = ok(
    await t.call<RecordResult>(FN, WHO.supervisor, 'record', {
      householdId: h,
      correct: true,
      madeAt: made.toISOString(),
      clientId,
    }),
  )
  expect(sent.status).toBe('recorded')
  expect(sent.record.day.replace(/-/g, '')).toBe(dayKey(made))
  // the phone did not hear the answer and sends it again
  const state = snapshot(h)
  const resent = ok(
    await t.call<RecordResult>(FN, WHO.supervisor, 'record', {
      householdId: h,
      correct: true,
      madeAt: made.toISOString(),
      clientId,
    }),
  )
  expect(resent.status).toBe('already')
  expect(snapshot(h)).toBe(state)
  expect(balanceOf(t, h)).toBe(before + 3)
  expect(ledgerOf(t, h).filter((e) => e._id === `sorting-${h}-${dayKey(made)}`)).toHaveLength(1)
})

it('refuses a recording from the future or more than two days late', async () => {
  const h = 'DF-3-1-202'
  const state = snapshot(h)
  const future = new Date(Date.now() + 3600_000).toISOString()
  const late = new Date(Date.now() - 49 * 3600_000).toISOString()
  expectCode(
    await record(WHO.supervisor, { householdId: h, correct: true, madeAt: future }),
    'INVALID_INPUT',
  )
  expectCode(
    await record(WHO.supervisor, { householdId: h, correct: true, madeAt: late }),
    'INVALID_INPUT',
  )
  expect(snapshot(h)).toBe(state)
})

it('a supervisor of the recording point corrects the same day; points follow and both entries stay', async () => {
  const h = 'DF-2-1-302'
  const before = balanceOf(t, h)
  ok(await record(WHO.supervisor, { householdId: h, correct: true }))
  expectCode(
    await t.call(FN, WHO.otherSupervisor, 'correct', {
      householdId: h,
      correct: false,
      reason: '未破袋',
      why: '看错了',
    }),
    'FORBIDDEN',
  )
  const fixed = ok(
    await t.call<RecordResult>(FN, WHO.supervisor, 'correct', {
      householdId: h,
      correct: false,
      reason: '可回收物混投',
      why: '看错了，纸箱混进了其他垃圾',
    }),
  )
  expect(fixed.record).toMatchObject({
    correct: false,
    reason: '可回收物混投',
    corrected: true,
    points: 0,
  })
  expect(balanceOf(t, h)).toBe(before)
  const todays = ledgerOf(t, h).filter((e) => e._id.startsWith(`sorting-${h}-${today()}`))
  expect(todays.map((e) => e.delta).sort()).toEqual([-3, 3])
  // and back
  ok(
    await t.call(FN, WHO.supervisor, 'correct', {
      householdId: h,
      correct: true,
      why: '复核后是对的',
    }),
  )
  expect(balanceOf(t, h)).toBe(before + 3)
  expect(balanceOf(t, h)).toBe(ledgerSum(t, h))
  expectCode(
    await t.call(FN, WHO.supervisor, 'correct', { householdId: h, correct: true, why: '再点一次' }),
    'CONFLICT',
  )
})

it('the recorder undoes within a minute; the day may then be recorded again', async () => {
  const h = 'DF-2-1-303'
  const before = balanceOf(t, h)
  ok(await record(WHO.supervisor, { householdId: h, correct: true }))
  expectCode(await t.call(FN, WHO.otherSupervisor, 'undo', { householdId: h }), 'FORBIDDEN')
  const undone = ok(await t.call<RecordResult>(FN, WHO.supervisor, 'undo', { householdId: h }))
  expect(undone.record.void).toBe(true)
  expect(balanceOf(t, h)).toBe(before)
  const again = ok(await record(WHO.supervisor, { householdId: h, correct: false, reason: '其他' }))
  expect(again.status).toBe('recorded')
  expect(balanceOf(t, h)).toBe(before)
  expect(balanceOf(t, h)).toBe(ledgerSum(t, h))
  // an hour later it can no longer be undone
  t.cloud.store.modify(
    'sortingRecords',
    { _id: `sorting-${h}-${today()}` },
    { operators: { $set: { recordedAt: new Date(Date.now() - 3600_000) } } },
    { multi: false, upsert: false },
  )
  expectCode(await t.call(FN, WHO.supervisor, 'undo', { householdId: h }), 'CONFLICT')
})

it("today's progress: the point's households, recorded, correct rate and the caller's last ones", async () => {
  const p = ok(await t.call<TodayProgress>(FN, WHO.supervisor, 'today', {}))
  expect(p.pointId).toBe('DF-P01')
  expect(p.households).toBe(144)
  expect(p.recorded).toBeGreaterThan(0)
  expect(p.recorded).toBe(p.correct + p.incorrect)
  expect(p.recent.length).toBeGreaterThan(0)
  expect(p.recent.every((r) => r.day.replace(/-/g, '') === today())).toBe(true)
})

it('taking back points already spent is refused and changes nothing', async () => {
  const openid = 'pts-spender'
  const h = 'DF-4-1-101'
  t.cloud.store.insertMany('users', [
    {
      _id: openid,
      openid,
      householdId: h,
      roles: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  ])
  ok(await record(WHO.supervisor, { householdId: h, correct: true }))
  // spend everything through an adjustment
  const bal = balanceOf(t, h)
  ok(
    await t.call(FN, WHO.staff, 'adjust', {
      householdId: h,
      delta: -bal,
      reason: '测试清零',
      clientToken: cid(),
    }),
  )
  const state = snapshot(h)
  expectCode(await t.call(FN, WHO.supervisor, 'undo', { householdId: h }), 'CONFLICT')
  expect(snapshot(h)).toBe(state)
})

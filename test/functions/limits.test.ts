// Boundaries written by hand from the product's rules, apart from the schemas: a schema whose limit
// is off by one (a 501-character text accepted, 10 photos, a page of 101) fails here. Each row is
// called through the real SDK as a caller who may do it, so an accepted row must really succeed.
import type { Envelope } from '../../src/contract/common'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import {
  addResident,
  expectCode,
  FN,
  fresh,
  ROLES,
  snapshot,
  uniq,
  upload,
} from './suggestion-support'
import { plan as activityPlan } from './activity-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

/** The product's limits, as PRODUCT.md and the UI state them (not read from the schemas). */
const RULE = {
  textMin: 5, // 问题描述 at least 5 characters
  textMax: 500,
  photosMax: 9,
  replyMax: 500,
  commentMin: 2,
  commentMax: 300,
  reopenMin: 5,
  reopenMax: 300,
  rateCommentMax: 200,
  pointsMin: 1,
  pointsMax: 500,
  pageMax: 100,
  sceneMax: 32, // WeChat's wxacode scene
  // 志愿活动
  companionsMax: 4, // a parent or a child; 0–4
  capacityMax: 1000,
  repeatWeeksMax: 12,
  activityTitleMax: 40,
  personNameMax: 20,
  hoursMax: 24,
  correctionReasonMin: 4,
}

/** 垃圾分类积分's limits, as the issue and the recording screen state them. */
const POINTS = {
  noteMax: 100,
  lateHours: 48, // an offline recording is accepted up to two days late
  rewardNameMax: 20,
  rewardPointsMax: 10000,
}

const chars = (n: number, c = '字') => c.repeat(n)

let pointsRow = 0
/** A household of 东方现代城 12号楼 no other row records. */
const nextHousehold = () => {
  pointsRow += 1
  return `DF-12-1-${Math.floor(pointsRow / 4) + 2}0${(pointsRow % 4) + 1}`
}
const nextClientId = () => `limits-${process.pid}-${++pointsRow}`
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString()

/** ok; refused as bad input; or past the schema to a domain answer (NOT_FOUND …), never INTERNAL */
type Expect = 'ok' | 'INVALID_INPUT' | 'domain'
type Call = () => Promise<Envelope<unknown>>
interface Row {
  name: string
  expect: Expect
  /** makes what the call needs (a suggestion, a resident, photos), then returns the call */
  run: () => Promise<Call>
}

const resident = () => {
  const openid = uniq('lim')
  addResident(t, openid, 'LH-1-1-101')
  return openid
}

const submitWith = (data: Record<string, unknown>) => async (): Promise<Call> => {
  const openid = resident()
  return () =>
    t.call(FN, openid, 'submit', {
      buildingId: 'LH-1',
      category: '漏水',
      text: '楼顶漏水，天花板一直往下滴水',
      ...data,
    })
}

const photos = async (openid: string, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => upload(t, openid, `lim-${i}.jpg`)))

/** Publishes (as 二十里铺社区 staff) a plan with these fields changed. */
const publishWith = (data: Record<string, unknown>) => async (): Promise<Call> => {
  const p = activityPlan()
  return () => t.call('activity', ROLES.staff, 'publish', { ...p, ...data })
}

/** Signs a new person up for a fresh activity that takes up to 4 companions. */
const signUpWith = (data: Record<string, unknown>) => async (): Promise<Call> => {
  const res = await t.call<{ ids: string[] }>(
    'activity',
    ROLES.staff,
    'publish',
    activityPlan({ maxCompanions: RULE.companionsMax }),
  )
  if (!res.ok) throw new Error(res.error.message)
  const openid = uniq('act')
  return () =>
    t.call('activity', openid, 'signUp', {
      activityId: res.data.ids[0],
      name: '张秀兰',
      phone: '13800000001',
      companions: [],
      ...data,
    })
}

const companions = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `家人${i}` }))

const activityRows: Row[] = [
  {
    name: 'activity title of 40 characters',
    expect: 'ok',
    run: publishWith({ title: chars(RULE.activityTitleMax) }),
  },
  {
    name: 'activity title of 41 characters',
    expect: 'INVALID_INPUT',
    run: publishWith({ title: chars(RULE.activityTitleMax + 1) }),
  },
  { name: 'capacity of 1', expect: 'ok', run: publishWith({ capacity: 1 }) },
  { name: 'capacity of 0', expect: 'INVALID_INPUT', run: publishWith({ capacity: 0 }) },
  { name: 'capacity of 1000', expect: 'ok', run: publishWith({ capacity: RULE.capacityMax }) },
  {
    name: 'capacity of 1001',
    expect: 'INVALID_INPUT',
    run: publishWith({ capacity: RULE.capacityMax + 1 }),
  },
  {
    name: '4 companions allowed',
    expect: 'ok',
    run: publishWith({ maxCompanions: RULE.companionsMax }),
  },
  {
    name: '5 companions allowed',
    expect: 'INVALID_INPUT',
    run: publishWith({ maxCompanions: RULE.companionsMax + 1 }),
  },
  {
    name: 'repeat for 12 weeks',
    expect: 'ok',
    run: publishWith({ repeatWeeks: RULE.repeatWeeksMax }),
  },
  {
    name: 'repeat for 13 weeks',
    expect: 'INVALID_INPUT',
    run: publishWith({ repeatWeeks: RULE.repeatWeeksMax + 1 }),
  },
  { name: '24 volunteer hours', expect: 'ok', run: publishWith({ hours: RULE.hoursMax }) },
  {
    name: '24.5 volunteer hours',
    expect: 'INVALID_INPUT',
    run: publishWith({ hours: RULE.hoursMax + 0.5 }),
  },
  { name: '1.5 volunteer hours', expect: 'ok', run: publishWith({ hours: 1.5 }) },
  { name: '1.25 volunteer hours', expect: 'INVALID_INPUT', run: publishWith({ hours: 1.25 }) },
  {
    name: 'sign up with 4 companions',
    expect: 'ok',
    run: signUpWith({ companions: companions(RULE.companionsMax) }),
  },
  {
    name: 'sign up with 5 companions',
    expect: 'INVALID_INPUT',
    run: signUpWith({ companions: companions(RULE.companionsMax + 1) }),
  },
  {
    name: 'sign-up name of 20 characters',
    expect: 'ok',
    run: signUpWith({ name: chars(RULE.personNameMax) }),
  },
  {
    name: 'sign-up name of 21 characters',
    expect: 'INVALID_INPUT',
    run: signUpWith({ name: chars(RULE.personNameMax + 1) }),
  },
  {
    name: 'sign-up with an empty companion name',
    expect: 'INVALID_INPUT',
    run: signUpWith({ companions: [{ name: '  ' }] }),
  },
  {
    name: 'sign-up phone of 10 digits',
    expect: 'INVALID_INPUT',
    run: signUpWith({ phone: '1380000000' }),
  },
  {
    name: 'hours correction reason of 3 characters',
    expect: 'INVALID_INPUT',
    run: async () => () =>
      t.call('activity', ROLES.staff, 'correctHours', {
        signUpId: 'none',
        delta: 1,
        reason: chars(RULE.correctionReasonMin - 1),
      }),
  },
  {
    name: 'hours correction reason of 4 characters (past the schema: no such sign-up)',
    expect: 'domain',
    run: async () => () =>
      t.call('activity', ROLES.staff, 'correctHours', {
        signUpId: 'none',
        delta: 1,
        reason: chars(RULE.correctionReasonMin),
      }),
  },
]

const rows: Row[] = [
  ...activityRows,
  // 提建议: the text
  { name: 'text of 4 characters', expect: 'INVALID_INPUT', run: submitWith({ text: chars(4) }) },
  { name: 'text of 5 characters', expect: 'ok', run: submitWith({ text: chars(RULE.textMin) }) },
  {
    name: 'text of 4 characters padded with spaces',
    expect: 'INVALID_INPUT',
    run: submitWith({ text: `   ${chars(4)}   ` }),
  },
  { name: 'text of 500 characters', expect: 'ok', run: submitWith({ text: chars(RULE.textMax) }) },
  {
    name: 'text of 501 characters',
    expect: 'INVALID_INPUT',
    run: submitWith({ text: chars(RULE.textMax + 1) }),
  },
  // photos
  {
    name: '9 photos',
    expect: 'ok',
    run: async () => {
      const openid = resident()
      const images = await photos(openid, RULE.photosMax)
      return () =>
        t.call(FN, openid, 'submit', {
          buildingId: 'LH-1',
          category: '漏水',
          text: '楼顶漏水了',
          images,
        })
    },
  },
  {
    name: '10 photos',
    expect: 'INVALID_INPUT',
    run: async () => {
      const openid = resident()
      const images = await photos(openid, RULE.photosMax + 1)
      return () =>
        t.call(FN, openid, 'submit', {
          buildingId: 'LH-1',
          category: '漏水',
          text: '楼顶漏水了',
          images,
        })
    },
  },
  // the contact phone: an 11-digit mainland mobile number…
  { name: 'phone 13800001111', expect: 'ok', run: submitWith({ contactPhone: '13800001111' }) },
  { name: 'phone 19912345678', expect: 'ok', run: submitWith({ contactPhone: '19912345678' }) },
  {
    name: 'phone with spaces around',
    expect: 'ok',
    run: submitWith({ contactPhone: ' 13800001111 ' }),
  },
  {
    name: 'phone of 10 digits',
    expect: 'INVALID_INPUT',
    run: submitWith({ contactPhone: '1380000111' }),
  },
  {
    name: 'phone of 12 digits',
    expect: 'INVALID_INPUT',
    run: submitWith({ contactPhone: '138000011112' }),
  },
  {
    name: 'phone starting 12',
    expect: 'INVALID_INPUT',
    run: submitWith({ contactPhone: '12800001111' }),
  },
  {
    name: 'phone with letters',
    expect: 'INVALID_INPUT',
    run: submitWith({ contactPhone: '1380000111a' }),
  },
  { name: 'no phone (null)', expect: 'ok', run: submitWith({ contactPhone: null }) },
  // …or a landline with its area code, with or without the dash
  {
    name: 'landline 0371-68925010',
    expect: 'ok',
    run: submitWith({ contactPhone: '0371-68925010' }),
  },
  { name: 'landline 010-6512345', expect: 'ok', run: submitWith({ contactPhone: '010-6512345' }) },
  {
    name: 'landline 037168925010',
    expect: 'ok',
    run: submitWith({ contactPhone: '037168925010' }),
  },
  {
    name: 'landline without its area code',
    expect: 'INVALID_INPUT',
    run: submitWith({ contactPhone: '68925010' }),
  },
  {
    name: 'landline with a 9-digit number',
    expect: 'INVALID_INPUT',
    run: submitWith({ contactPhone: '0371-689250101' }),
  },
  // a handler's reply
  ...[
    [1, 'ok'],
    [RULE.replyMax, 'ok'],
    [RULE.replyMax + 1, 'INVALID_INPUT'],
  ].map(
    ([n, expect]): Row => ({
      name: `reply of ${n} characters`,
      expect: expect as Expect,
      run: async () => {
        const s = await fresh(t, 'accepted')
        return () => t.call(FN, ROLES.staff, 'reply', { id: s.id, text: chars(n as number) })
      },
    }),
  ),
  {
    name: 'empty reply',
    expect: 'INVALID_INPUT',
    run: async () => {
      const s = await fresh(t, 'accepted')
      return () => t.call(FN, ROLES.staff, 'reply', { id: s.id, text: '   ' })
    },
  },
  // rating: whole stars 1–5, a comment up to 200
  ...[
    [0, 'INVALID_INPUT'],
    [1, 'ok'],
    [5, 'ok'],
    [6, 'INVALID_INPUT'],
    [4.5, 'INVALID_INPUT'],
  ].map(
    ([score, expect]): Row => ({
      name: `rating of ${score} stars`,
      expect: expect as Expect,
      run: async () => {
        const s = await fresh(t, 'resolved')
        return () => t.call(FN, s.openid, 'rate', { id: s.id, score })
      },
    }),
  ),
  ...[
    [RULE.rateCommentMax, 'ok'],
    [RULE.rateCommentMax + 1, 'INVALID_INPUT'],
  ].map(
    ([n, expect]): Row => ({
      name: `rating comment of ${n} characters`,
      expect: expect as Expect,
      run: async () => {
        const s = await fresh(t, 'resolved')
        return () =>
          t.call(FN, s.openid, 'rate', { id: s.id, score: 4, comment: chars(n as number) })
      },
    }),
  ),
  // reopening needs a reason of 5–300
  ...[
    [RULE.reopenMin - 1, 'INVALID_INPUT'],
    [RULE.reopenMin, 'ok'],
    [RULE.reopenMax, 'ok'],
    [RULE.reopenMax + 1, 'INVALID_INPUT'],
  ].map(
    ([n, expect]): Row => ({
      name: `reopen reason of ${n} characters`,
      expect: expect as Expect,
      run: async () => {
        const s = await fresh(t, 'resolved')
        return () => t.call(FN, s.openid, 'reopen', { id: s.id, reason: chars(n as number) })
      },
    }),
  ),
  // a comment on the board: 2–300
  ...[
    [RULE.commentMin - 1, 'INVALID_INPUT'],
    [RULE.commentMin, 'ok'],
    [RULE.commentMax, 'ok'],
    [RULE.commentMax + 1, 'INVALID_INPUT'],
  ].map(
    ([n, expect]): Row => ({
      name: `board comment of ${n} characters`,
      expect: expect as Expect,
      run: async () => {
        const s = await fresh(t, 'accepted')
        ok(await t.call(FN, ROLES.staff, 'publish', { id: s.id, published: true }))
        return () => t.call(FN, ROLES.neighbour, 'comment', { id: s.id, text: chars(n as number) })
      },
    }),
  ),
  // 金点子 points: 1–500
  ...[
    [RULE.pointsMin - 1, 'INVALID_INPUT'],
    [RULE.pointsMin, 'ok'],
    [RULE.pointsMax, 'ok'],
    [RULE.pointsMax + 1, 'INVALID_INPUT'],
    [-5, 'INVALID_INPUT'],
    [2.5, 'INVALID_INPUT'],
  ].map(
    ([points, expect]): Row => ({
      name: `金点子 of ${points} points`,
      expect: expect as Expect,
      run: async () => {
        const s = await fresh(t, 'resolved', resident())
        return () => t.call(FN, ROLES.staff, 'award', { id: s.id, points })
      },
    }),
  ),
  // page sizes: 1–100
  ...(['inbox', 'board', 'mine'] as const).flatMap((action) =>
    [
      [0, 'INVALID_INPUT'],
      [1, 'ok'],
      [RULE.pageMax, 'ok'],
      [RULE.pageMax + 1, 'INVALID_INPUT'],
    ].map(
      ([limit, expect]): Row => ({
        name: `${action} page of ${limit}`,
        expect: expect as Expect,
        run: async () => () =>
          t.call(FN, action === 'inbox' ? ROLES.staff : ROLES.submitter, action, { limit }),
      }),
    ),
  ),
  ...[
    [0, 'INVALID_INPUT'],
    [RULE.pageMax, 'ok'],
    [RULE.pageMax + 1, 'INVALID_INPUT'],
  ].map(
    ([limit, expect]): Row => ({
      name: `messages page of ${limit}`,
      expect: expect as Expect,
      run: async () => () => t.call('account', ROLES.submitter, 'messages', { limit }),
    }),
  ),
  // statistics: calendar dates
  ...[
    ['2026-01-01', 'ok'],
    ['2026-1-01', 'INVALID_INPUT'],
    ['20260101', 'INVALID_INPUT'],
    ['2026/01/01', 'INVALID_INPUT'],
  ].map(
    ([from, expect]): Row => ({
      name: `stats from ${from}`,
      expect: expect as Expect,
      run: async () => () => t.call(FN, ROLES.staff, 'stats', { from, to: '2026-01-31' }),
    }),
  ),
  // a scanned scene: WeChat allows 32 characters (an unknown household past the schema)
  {
    name: 'scene of 32 characters',
    expect: 'domain',
    run: async () => () =>
      t.call('account', ROLES.staff, 'resolveScene', {
        scene: `h=${'9'.repeat(RULE.sceneMax - 2)}`,
      }),
  },
  {
    name: 'scene of 33 characters',
    expect: 'INVALID_INPUT',
    run: async () => () =>
      t.call('account', ROLES.staff, 'resolveScene', {
        scene: `h=${'9'.repeat(RULE.sceneMax - 1)}`,
      }),
  },
  // 垃圾分类积分 (points): a recording's note, how late it may come, the correction's reason
  ...(
    [
      ['note of 100 characters', { note: chars(POINTS.noteMax) }, 'ok'],
      ['note of 101 characters', { note: chars(POINTS.noteMax + 1) }, 'INVALID_INPUT'],
      ['made 47 hours ago', { madeAt: hoursAgo(POINTS.lateHours - 1) }, 'ok'],
      ['made 49 hours ago', { madeAt: hoursAgo(POINTS.lateHours + 1) }, 'INVALID_INPUT'],
      ['made 1 minute ahead (clock skew)', { madeAt: hoursAgo(-1 / 60) }, 'ok'],
      ['made 10 minutes ahead', { madeAt: hoursAgo(-10 / 60) }, 'INVALID_INPUT'],
      ['client id of 7 characters', { clientId: 'a'.repeat(7) }, 'INVALID_INPUT'],
      ['client id of 32 characters', { clientId: nextClientId().padEnd(32, 'x') }, 'ok'],
      ['client id of 33 characters', { clientId: 'a'.repeat(33) }, 'INVALID_INPUT'],
    ] as const
  ).map(
    ([name, data, expect]): Row => ({
      name: `record: ${name}`,
      expect,
      run: async () => {
        const householdId = nextHousehold()
        return () =>
          t.call('points', 'demo-supervisor', 'record', {
            householdId,
            correct: true,
            clientId: nextClientId(),
            ...data,
          })
      },
    }),
  ),
  ...(
    [
      ['reward name of 20 characters', { name: chars(POINTS.rewardNameMax) }, 'ok'],
      ['reward name of 21 characters', { name: chars(POINTS.rewardNameMax + 1) }, 'INVALID_INPUT'],
      ['reward of 0 points', { points: 0 }, 'INVALID_INPUT'],
      ['reward of 10000 points', { points: POINTS.rewardPointsMax }, 'ok'],
      ['reward of 10001 points', { points: POINTS.rewardPointsMax + 1 }, 'INVALID_INPUT'],
      ['monthly limit of 100', { monthlyLimit: 100 }, 'ok'],
      ['monthly limit of 101', { monthlyLimit: 101 }, 'INVALID_INPUT'],
      ['monthly limit of -1', { monthlyLimit: -1 }, 'INVALID_INPUT'],
    ] as const
  ).map(
    ([name, data, expect]): Row => ({
      name: `saveReward: ${name}`,
      expect,
      run: async () => () =>
        t.call('points', 'demo-staff-zt', 'saveReward', {
          name: '洗洁精',
          points: 60,
          monthlyLimit: 2,
          restock: 1,
          ...data,
        }),
    }),
  ),
  ...(
    [
      ['adjust reason of 1 character', { reason: chars(1) }, 'INVALID_INPUT'],
      ['adjust reason of 2 characters', { reason: chars(2) }, 'ok'],
      ['adjust reason of 100 characters', { reason: chars(100) }, 'ok'],
      ['adjust reason of 101 characters', { reason: chars(101) }, 'INVALID_INPUT'],
      ['adjust by 0', { delta: 0 }, 'INVALID_INPUT'],
      ['adjust by 10001', { delta: 10001 }, 'INVALID_INPUT'],
    ] as const
  ).map(
    ([name, data, expect]): Row => ({
      name: `adjust: ${name}`,
      expect,
      run: async () => () =>
        t.call('points', 'demo-staff-zt', 'adjust', {
          householdId: 'DF-12-2-101',
          delta: 1,
          reason: '补记',
          clientToken: nextClientId(),
          ...data,
        }),
    }),
  ),
  ...(
    [
      ['points per day of 0', 0, 'INVALID_INPUT'],
      ['points per day of 1', 1, 'ok'],
      ['points per day of 100', 100, 'ok'],
      ['points per day of 101', 101, 'INVALID_INPUT'],
    ] as const
  ).map(
    ([name, pointsPerDay, expect]): Row => ({
      name: `saveRules: ${name}`,
      expect,
      run: async () => () => t.call('points', 'demo-staff-zt', 'saveRules', { pointsPerDay }),
    }),
  ),
  {
    name: 'pickup code of 5 digits',
    expect: 'INVALID_INPUT',
    run: async () => () => t.call('points', 'demo-staff-zt', 'verify', { code: '12345' }),
  },
  {
    name: 'pickup code of 6 digits (none open: not found)',
    expect: 'domain',
    run: async () => () => t.call('points', 'demo-staff-zt', 'verify', { code: '000000' }),
  },
  {
    name: 'stats over 92 days',
    expect: 'ok',
    run: async () => () =>
      t.call('points', 'demo-staff-zt', 'stats', { from: '2026-01-01', to: '2026-04-02' }),
  },
  {
    name: 'stats over 93 days',
    expect: 'INVALID_INPUT',
    run: async () => () =>
      t.call('points', 'demo-staff-zt', 'stats', { from: '2026-01-01', to: '2026-04-03' }),
  },
]

it('has a row on both sides of every limit', () => {
  expect(rows.filter((r) => r.expect === 'ok').length).toBeGreaterThan(20)
  expect(rows.filter((r) => r.expect === 'INVALID_INPUT').length).toBeGreaterThan(20)
})

it.each(rows.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
  const call = await row.run()
  const before = snapshot(t)
  const res = await call()
  if (row.expect === 'ok') {
    expectCode(res, true)
  } else if (row.expect === 'domain') {
    expect(res.ok).toBe(false)
    if (!res.ok) expect(['INVALID_INPUT', 'INTERNAL']).not.toContain(res.error.code)
  } else {
    expectCode(res, 'INVALID_INPUT')
    if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fff]/)
    // the refusal wrote nothing
    expect(snapshot(t)).toBe(before)
  }
})

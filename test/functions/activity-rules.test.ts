// The activity rules, through the real SDK: who may publish, the sign-up window and audience,
// withdraw deadline, check-in by code (that sign-up only, once), hours and points credited once,
// corrections, 未到, reminders, messages, the Excel export.
import ExcelJS from 'exceljs'
import { dayKey } from '../../server/time'
import type {
  ActivityDetail,
  AttendeeList,
  CheckInResult,
  ExportedFile,
  HoursSummary,
  MyActivity,
  SignUpResult,
} from '../../src/contract/activity'
import type { Page } from '../../src/contract/common'
import type { SignUpDoc } from '../../cloudfunctions/activity/src/lib/model'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import { FN, phone, plan, publish, shiftActivity, STAFF, uniq } from './activity-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

const MIN = 60_000
const HOUR = 60 * MIN
const code = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error?.code)

const signUp = (openid: string, activityId: string, companions: string[] = []) =>
  t.call<SignUpResult>(FN, openid, 'signUp', {
    activityId,
    name: '张秀兰',
    phone: '13800000001',
    companions: companions.map((name) => ({ name })),
  })

function addResident(openid: string, householdId: string): void {
  const now = new Date()
  t.cloud.store.insert('users', [
    { _id: openid, openid, householdId, roles: [], createdAt: now, updatedAt: now },
  ])
}

describe('publish', () => {
  it('staff of the community publish; a weekly series makes N activities a week apart', async () => {
    const res = await t.call<{ ids: string[] }>(FN, STAFF, 'publish', { ...plan(), repeatWeeks: 3 })
    const { ids } = ok(res)
    expect(ids).toHaveLength(3)
    const docs = ids.map(
      (id) => t.cloud.store.get('activities', id) as { startAt: Date; seriesId: string },
    )
    expect(docs[1].startAt.getTime() - docs[0].startAt.getTime()).toBe(7 * 24 * HOUR)
    expect(docs.every((d) => d.seriesId === ids[0])).toBe(true)
  })

  it('refuses staff of another community, residents, and times out of order (nothing written)', async () => {
    const before = t.cloud.store.find('activities', {}).length
    expect(code(await t.call(FN, 'demo-staff-zt', 'publish', plan()))).toBe('FORBIDDEN')
    expect(code(await t.call(FN, 'demo-resident', 'publish', plan()))).toBe('FORBIDDEN')
    const p = plan()
    expect(code(await t.call(FN, STAFF, 'publish', { ...p, endAt: p.startAt - HOUR }))).toBe(
      'INVALID_INPUT',
    )
    expect(
      code(await t.call(FN, STAFF, 'publish', { ...p, signUpClosesAt: p.startAt + MIN })),
    ).toBe('INVALID_INPUT')
    expect(
      code(
        await t.call(FN, STAFF, 'publish', {
          ...p,
          audience: { kind: 'estate', estateId: 'DFXDC' },
        }),
      ),
    ).toBe('INVALID_INPUT')
    expect(t.cloud.store.find('activities', {}).length).toBe(before)
  })
})

describe('sign-up', () => {
  it('answers 报名成功 at once; name and phone come back next time; a second tap says already', async () => {
    const id = await publish(t)
    const me = uniq('r')
    const first = ok(await signUp(me, id, ['孙子']))
    expect(first).toMatchObject({ status: 'confirmed', position: null, already: false })
    const again = ok(await signUp(me, id))
    expect(again).toMatchObject({ status: 'confirmed', already: true })
    const other = await publish(t)
    const d = ok(await t.call<ActivityDetail>(FN, me, 'detail', { activityId: other }))
    expect(d.contact).toEqual({ name: '张秀兰', phone: '13800000001' })
    const mine = ok(await t.call<ActivityDetail>(FN, me, 'detail', { activityId: id }))
    expect(mine.mySignUp).toMatchObject({ status: 'confirmed', party: 2, companions: ['孙子'] })
    expect(mine.remaining).toBe(8)
  })

  it('refuses too many companions, a closed sign-up, and a resident outside the audience', async () => {
    const id = await publish(t, { maxCompanions: 1 })
    expect(code(await signUp(uniq('r'), id, ['a', 'b']))).toBe('INVALID_INPUT')
    const closed = await publish(t)
    shiftActivity(t, closed, { signUpClosesAt: new Date(Date.now() - MIN) })
    expect(code(await signUp(uniq('r'), closed))).toBe('CONFLICT')
    const onlyLH3 = await publish(t, { audience: { kind: 'buildings', buildingIds: ['LH-3'] } })
    expect(code(await signUp('demo-resident', onlyLH3))).toBe('FORBIDDEN')
    expect(code(await signUp(uniq('nohome'), onlyLH3))).toBe('FORBIDDEN')
    // the detail page does not offer the form to those outside, and says who may join
    const outside = ok(
      await t.call<ActivityDetail>(FN, 'demo-resident', 'detail', { activityId: onlyLH3 }),
    )
    expect(outside.signUpBlocked).toMatch(/只限/)
    const inside = ok(
      await t.call<ActivityDetail>(FN, 'demo-neighbour', 'detail', { activityId: onlyLH3 }),
    )
    expect(inside.signUpBlocked).toBeNull()
    expect(ok(await signUp('demo-neighbour', onlyLH3)).status).toBe('confirmed')
    expect(t.cloud.store.get('activities', onlyLH3)).toMatchObject({ taken: 1, remaining: 9 })
    // a community's activity: its residents, and volunteers without a household; never the
    // residents of another community, who could otherwise sign up by id
    const community = await publish(t)
    const elsewhere = await signUp('demo-resident-zt', community)
    expect(code(elsewhere)).toBe('FORBIDDEN')
    expect(elsewhere.ok ? '' : elsewhere.error.message).toMatch(/只限/)
    const seen = ok(
      await t.call<ActivityDetail>(FN, 'demo-resident-zt', 'detail', { activityId: community }),
    )
    expect(seen.signUpBlocked).toMatch(/只限/)
    expect(ok(await signUp('demo-resident', community)).status).toBe('confirmed')
    expect(ok(await signUp(uniq('volunteer'), community)).status).toBe('confirmed')
  })

  it('withdraw until the deadline; after it the contact phone is given; a withdrawn one may sign up again', async () => {
    const id = await publish(t)
    const me = uniq('r')
    ok(await signUp(me, id))
    expect(ok(await t.call(FN, me, 'withdraw', { activityId: id }))).toMatchObject({
      status: 'withdrawn',
    })
    expect(t.cloud.store.get('activities', id)).toMatchObject({ taken: 0, remaining: 10 })
    expect(ok(await signUp(me, id)).status).toBe('confirmed')
    shiftActivity(t, id, { withdrawBy: new Date(Date.now() - MIN) })
    const late = await t.call(FN, me, 'withdraw', { activityId: id })
    expect(code(late)).toBe('CONFLICT')
    expect(!late.ok && late.error.message).toMatch(/0371-68920000/)
    const history = (
      t.cloud.store.find('activitySignUps', { activityId: id }) as unknown as SignUpDoc[]
    )[0].history
    expect(history.map((h) => h.what)).toEqual(['报名', '退出', '报名'])
  })
})

describe('check-in', () => {
  it('from 30 minutes before the start: that sign-up only, once; hours and household points once', async () => {
    const id = await publish(t, { hours: 2, points: 5 }, 20 * MIN)
    const other = await publish(t, {}, 20 * MIN)
    const [a, b] = [uniq('home'), uniq('home')]
    addResident(a, 'LH-2-1-101')
    addResident(b, 'LH-2-1-101') // the same household
    ok(await signUp(a, id))
    ok(await signUp(a, other))
    ok(await signUp(b, id))
    const first = ok(await t.call<CheckInResult>(FN, a, 'checkIn', { activityId: id }))
    expect(first).toMatchObject({ already: false, hours: 2, points: 5, noHousehold: false })
    const again = ok(await t.call<CheckInResult>(FN, a, 'checkIn', { activityId: id }))
    expect(again.already).toBe(true)
    // the other activity a holds is not checked in by this code
    const otherDoc = (
      t.cloud.store.find('activitySignUps', { activityId: other }) as unknown as SignUpDoc[]
    )[0]
    expect(otherDoc.status).toBe('confirmed')
    // the household is credited once for this activity
    const second = ok(await t.call<CheckInResult>(FN, b, 'checkIn', { activityId: id }))
    expect(second.points).toBe(0)
    const ledger = t.cloud.store.find('pointsLedger', { refId: id }) as { delta: number }[]
    expect(ledger.map((l) => l.delta)).toEqual([5])
    const hours = ok(await t.call<HoursSummary>(FN, a, 'hours', {}))
    expect(hours.total).toBe(2)
    expect(hours.records[0]).toMatchObject({ activityId: id, hours: 2, kind: 'checkin' })
  })

  it('too early, not signed up, waitlisted: each told why; without a household hours but no points', async () => {
    const early = await publish(t, {}, 2 * HOUR)
    const me = uniq('r')
    ok(await signUp(me, early))
    expect(code(await t.call(FN, me, 'checkIn', { activityId: early }))).toBe('CONFLICT')
    const soon = await publish(t, { capacity: 1, points: 5 }, 10 * MIN)
    expect(code(await t.call(FN, uniq('nobody'), 'checkIn', { activityId: soon }))).toBe(
      'NOT_FOUND',
    )
    ok(await signUp(me, soon))
    const waiter = uniq('w')
    expect(ok(await signUp(waiter, soon)).status).toBe('waitlisted')
    const refused = await t.call(FN, waiter, 'checkIn', { activityId: soon })
    expect(!refused.ok && refused.error.message).toMatch(/候补/)
    const done = ok(await t.call<CheckInResult>(FN, me, 'checkIn', { activityId: soon }))
    expect(done).toMatchObject({ hours: 2, points: 0, noHousehold: true })
  })

  it('staff check in someone without a phone, recorded as theirs; corrections need a reason and show as such', async () => {
    const id = await publish(t, { hours: 3 }, 10 * MIN)
    const me = uniq('r')
    const s = ok(await signUp(me, id))
    expect(code(await t.call(FN, 'demo-staff-zt', 'checkInFor', { signUpId: s.signUpId }))).toBe(
      'FORBIDDEN',
    )
    ok(await t.call(FN, STAFF, 'checkInFor', { signUpId: s.signUpId }))
    const list = ok(await t.call<AttendeeList>(FN, STAFF, 'attendees', { activityId: id }))
    expect(list.checkedIn[0].checkedInBy).toMatch(/代签/)
    expect(
      code(
        await t.call(FN, STAFF, 'correctHours', {
          signUpId: s.signUpId,
          delta: -5,
          reason: '提前离开了',
        }),
      ),
    ).toBe('CONFLICT')
    ok(
      await t.call(FN, STAFF, 'correctHours', {
        signUpId: s.signUpId,
        delta: -1,
        reason: '提前一小时离开',
      }),
    )
    const h = ok(await t.call<HoursSummary>(FN, me, 'hours', {}))
    expect(h.total).toBe(2)
    expect(h.records.find((r) => r.kind === 'correction')).toMatchObject({
      hours: -1,
      reason: '提前一小时离开',
    })
  })
})

describe('timers, messages, export', () => {
  const tick = () =>
    t.callRaw(FN, undefined, {
      Type: 'Timer',
      TriggerName: 'quarterHourly',
      Time: new Date().toISOString(),
    })

  it('reminds the day before and the hour before, once each, in 消息 and by subscribe message', async () => {
    const tomorrow = await publish(t, {}, 20 * HOUR)
    const soon = await publish(t, {}, 40 * MIN)
    const me = uniq('r')
    ok(await signUp(me, tomorrow))
    ok(await signUp(me, soon))
    expect((await tick()).body.ok).toBe(true)
    await tick()
    const msgs = t.cloud.store.find('messages', { openid: me }) as {
      title: string
      refId: string
    }[]
    // 20 hours ahead is today or tomorrow, by the calendar in China
    const starts = new Date(Date.now() + 20 * HOUR)
    const dayWord = dayKey(starts) === dayKey(new Date()) ? '今天' : '明天'
    expect(msgs.filter((m) => m.refId === tomorrow).map((m) => m.title)).toEqual([
      `活动${dayWord}开始`,
    ])
    expect(msgs.filter((m) => m.refId === soon).map((m) => m.title)).toEqual(['活动一小时后开始'])
  })

  it('a confirmed sign-up not checked in by the end becomes 未到; resident and staff see it', async () => {
    const id = await publish(t, {}, 10 * MIN)
    const [came, away] = [uniq('came'), uniq('away')]
    ok(await signUp(came, id))
    ok(await signUp(away, id))
    ok(await t.call(FN, came, 'checkIn', { activityId: id }))
    shiftActivity(t, id, { endAt: new Date(Date.now() - MIN) })
    await tick()
    const list = ok(await t.call<AttendeeList>(FN, STAFF, 'attendees', { activityId: id }))
    expect(list.noShow.map((x) => x.signUpId)).toHaveLength(1)
    expect(list.checkedIn).toHaveLength(1)
    const past = ok(await t.call<Page<MyActivity>>(FN, away, 'mine', { when: 'past' }))
    expect(past.items.find((x) => x.activityId === id)?.status).toBe('no_show')
  })

  it('a change of place and a cancellation are messaged to everyone signed up and waitlisted', async () => {
    const id = await publish(t, { capacity: 1 })
    const [a, b] = [uniq('a'), uniq('b')]
    ok(await signUp(a, id))
    expect(ok(await signUp(b, id)).status).toBe('waitlisted')
    ok(await t.call(FN, STAFF, 'update', { activityId: id, place: '社区广场' }))
    ok(await t.call(FN, STAFF, 'cancel', { activityId: id, reason: '天气预报有大雨' }))
    for (const who of [a, b]) {
      const titles = (
        t.cloud.store.find('messages', { openid: who, refId: id }) as { title: string }[]
      ).map((m) => m.title)
      expect(titles.sort()).toEqual(['活动取消', '活动有变动'])
    }
    expect(code(await signUp(uniq('late'), id))).toBe('CONFLICT')
  })

  it('exports an .xlsx that reads back: Chinese headers, phones as text, dates as dates, companions listed', async () => {
    const id = await publish(t, { capacity: 3, maxCompanions: 2 })
    ok(
      await t.call(FN, uniq('x'), 'signUp', {
        activityId: id,
        name: '王大爷',
        phone: phone(7),
        companions: [{ name: '王奶奶' }],
      }),
    )
    ok(
      await t.call(FN, uniq('y'), 'signUp', {
        activityId: id,
        name: '李阿姨',
        phone: phone(8),
        companions: [],
      }),
    )
    expect(code(await t.call(FN, 'demo-staff-zt', 'export', { activityId: id }))).toBe('FORBIDDEN')
    const file = ok(await t.call<ExportedFile>(FN, STAFF, 'export', { activityId: id }))
    expect(file.rows).toBe(2)
    const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer())
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('报名名单')
    expect(ws?.getRow(2).getCell(2).value).toBe('姓名')
    const rows = [3, 4].map((r) => ws?.getRow(r))
    const byName = new Map(rows.map((r) => [String(r?.getCell(2).value), r]))
    expect(byName.get('王大爷')?.getCell(3).value).toBe(phone(7))
    expect(byName.get('王大爷')?.getCell(3).numFmt).toBe('@')
    expect(byName.get('王大爷')?.getCell(6).value).toBe('王奶奶')
    expect(byName.get('王大爷')?.getCell(7).value).toBeInstanceOf(Date)
    expect(byName.get('李阿姨')?.getCell(4).value).toBe('已报名')
  })

  it('signUp costs at most 3 round trips with a place, 5 on the waitlist', async () => {
    const id = await publish(t, { capacity: 1 })
    const body = { activityId: id, name: '张', phone: phone(1), companions: [] }
    const a = await t.callRaw(FN, uniq('rt'), { action: 'signUp', data: body })
    const b = await t.callRaw(FN, uniq('rt'), { action: 'signUp', data: body })
    expect(a.body.ok && b.body.ok).toBe(true)
    expect(a.roundTrips).toBeLessThanOrEqual(3)
    expect(b.roundTrips).toBeLessThanOrEqual(5)
  })
})

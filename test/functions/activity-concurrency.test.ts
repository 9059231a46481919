// Never wrong under load, through the real SDK: many residents tapping 报名 at the same moment
// never confirm more people than the capacity, every caller is told which, the waitlist keeps
// arrival order, and simultaneous withdrawals promote exactly as many, in order.
import type { SignUpResult } from '../../src/contract/activity'
import type { ActivityDoc, SignUpDoc } from '../../cloudfunctions/activity/src/lib/model'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { FN, phone, publish, uniq } from './activity-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

const activityDoc = (id: string) => t.cloud.store.get('activities', id) as unknown as ActivityDoc
const signUps = (id: string) =>
  t.cloud.store.find('activitySignUps', { activityId: id }) as unknown as SignUpDoc[]

async function burst(id: string, people: string[], companions: (i: number) => number = () => 0) {
  return Promise.all(
    people.map(async (openid, i) => ({
      openid,
      res: await t.call<SignUpResult>(FN, openid, 'signUp', {
        activityId: id,
        name: `居民${i}`,
        phone: phone(i),
        companions: Array.from({ length: companions(i) }, (_x, k) => ({ name: `家人${k}` })),
      }),
    })),
  )
}

describe('signUp under a burst', () => {
  it('60 residents for 10 places: 10 confirmed, 50 waitlisted 1..50 in arrival order, all told', async () => {
    const id = await publish(t, { capacity: 10 })
    const people = Array.from({ length: 60 }, () => uniq('burst'))
    const answers = await burst(id, people)
    for (const { openid, res } of answers) {
      expect({ openid, ok: res.ok, code: res.ok ? null : res.error.code }).toEqual({
        openid,
        ok: true,
        code: null,
      })
    }
    const data = answers
      .map((a) => (a.res.ok ? a.res.data : null))
      .filter((d): d is SignUpResult => !!d)
    expect(data.filter((d) => d.status === 'confirmed')).toHaveLength(10)
    const waiting = data.filter((d) => d.status === 'waitlisted')
    expect(waiting).toHaveLength(50)
    expect(waiting.map((d) => d.position).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
      Array.from({ length: 50 }, (_x, i) => i + 1),
    )
    // the store agrees with every answer, and arrival numbers follow the positions told
    const docs = new Map(signUps(id).map((s) => [s._id, s]))
    for (const d of data) expect(docs.get(d.signUpId)?.status).toBe(d.status)
    for (const d of waiting) expect(docs.get(d.signUpId)?.seq).toBe(d.position)
    const a = activityDoc(id)
    expect(a.taken).toBe(10)
    expect(a.remaining).toBe(0)
    expect(a.waiting).toBe(50)
  })

  it('parties with companions never exceed the capacity in people', async () => {
    const id = await publish(t, { capacity: 12, maxCompanions: 2 })
    const people = Array.from({ length: 40 }, () => uniq('party'))
    const answers = await burst(id, people, (i) => i % 3)
    expect(answers.every((a) => a.res.ok)).toBe(true)
    const confirmed = signUps(id).filter((s) => s.status === 'confirmed')
    const taken = confirmed.reduce((n, s) => n + s.party, 0)
    expect(taken).toBeLessThanOrEqual(12)
    expect(activityDoc(id).taken).toBe(taken)
    expect(activityDoc(id).remaining).toBe(12 - taken)
  })

  it('the same resident tapping 5 times at once gets one sign-up', async () => {
    const id = await publish(t, { capacity: 3 })
    const me = uniq('twice')
    const answers = await burst(id, [me, me, me, me, me])
    expect(answers.every((a) => a.res.ok)).toBe(true)
    const mine = signUps(id)
    expect(mine).toHaveLength(1)
    expect(activityDoc(id).taken).toBe(1)
    expect(activityDoc(id).remaining).toBe(2)
    expect(answers.filter((a) => a.res.ok && !a.res.data.already)).toHaveLength(1)
  })
})

describe('withdrawals under a burst', () => {
  it('5 confirmed withdraw at once: exactly the first 5 waitlisted are promoted, in order', async () => {
    const id = await publish(t, { capacity: 8 })
    const people = Array.from({ length: 20 }, () => uniq('wd'))
    const answers = await burst(id, people)
    const byPosition = answers
      .filter((a) => a.res.ok && a.res.data.status === 'waitlisted')
      .sort((x, y) =>
        x.res.ok && y.res.ok ? (x.res.data.position ?? 0) - (y.res.data.position ?? 0) : 0,
      )
      .map((a) => a.openid)
    const confirmed = answers
      .filter((a) => a.res.ok && a.res.data.status === 'confirmed')
      .map((a) => a.openid)
    const leaving = confirmed.slice(0, 5)
    const out = await Promise.all(leaving.map((o) => t.call(FN, o, 'withdraw', { activityId: id })))
    for (const r of out) expect(r.ok ? 'ok' : r.error.code).toBe('ok')
    const docs = signUps(id)
    const status = new Map(docs.map((s) => [s.openid, s.status]))
    expect(byPosition.slice(0, 5).map((o) => status.get(o))).toEqual(Array(5).fill('confirmed'))
    expect(byPosition.slice(5).map((o) => status.get(o))).toEqual(Array(7).fill('waitlisted'))
    expect(leaving.map((o) => status.get(o))).toEqual(Array(5).fill('withdrawn'))
    expect(activityDoc(id).taken).toBe(8)
    expect(activityDoc(id).waiting).toBe(7)
    // the promoted were told 候补成功, in 消息
    const told = t.cloud.store.find('messages', { refId: id, title: '候补成功' }) as {
      openid: string
    }[]
    expect(told.map((m) => m.openid).sort()).toEqual(byPosition.slice(0, 5).sort())
    // the rest are told their new place
    const next = await t.call<{ mySignUp: { position: number } }>(FN, byPosition[5], 'detail', {
      activityId: id,
    })
    expect(next.ok && next.data.mySignUp.position).toBe(1)
  })

  it('a party of 3 does not take 1 place: the next waitlisted one that fits is promoted', async () => {
    const id = await publish(t, { capacity: 3, maxCompanions: 2 })
    const [first, pair, big, small] = [uniq('p1'), uniq('p2'), uniq('p3'), uniq('p1b')]
    await burst(id, [first])
    await burst(id, [pair], () => 1)
    await burst(id, [big], () => 2)
    await burst(id, [small])
    expect(signUps(id).find((s) => s.openid === big)?.status).toBe('waitlisted')
    const w = await t.call<{ promoted: number }>(FN, first, 'withdraw', { activityId: id })
    expect(w.ok && w.data.promoted).toBe(1)
    const status = new Map(signUps(id).map((s) => [s.openid, s.status]))
    expect(status.get(small)).toBe('confirmed')
    expect(status.get(big)).toBe('waitlisted')
    expect(activityDoc(id).taken).toBe(3)
  })
})

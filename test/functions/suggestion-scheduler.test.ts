// The suggestion function's hourly timed trigger: reminds liaisons of overdue suggestions, once per suggestion per kind,
// and refuses to be called by anyone but the timer.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import { FN, grantSubscription, ROLES, snapshot, submit, uniq } from './suggestion-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

type Doc = Record<string, unknown>
const timer = () => ({ Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString() })
const run = async (openid?: string, event: unknown = timer()) =>
  (await t.callRaw(FN, openid, event)).body
const overdueMessages = (openid: string) =>
  t.cloud.store.find('messages', { openid, kind: 'overdue' }, { sort: { createdAt: 1 } }) as Doc[]

/** What the scheduler should find: overdue and not yet reminded, straight from the store. */
function pending(now = new Date()) {
  const docs = t.cloud.store.find('suggestions', {}) as Doc[]
  const working = ['accepted', 'deliberating', 'in_progress']
  return {
    accept: docs.filter(
      (d) => d.status === 'submitted' && (d.acceptDueAt as Date) < now && !d.remindedAccept,
    ),
    resolve: docs.filter(
      (d) =>
        working.includes(String(d.status)) && (d.resolveDueAt as Date) < now && !d.remindedResolve,
    ),
  }
}

it('runs only a trigger its config.json declares, and never for an identified caller', async () => {
  const before = snapshot(t)
  // not timer events: the router treats them as (unknown) actions
  for (const event of [
    { action: 'run' },
    { Type: 'Timer' },
    { Type: 'timer', TriggerName: 'hourly', Time: 'y' },
    null,
    [],
  ]) {
    expect(await run(undefined, event)).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_ACTION', message: expect.any(String) },
    })
  }
  // a trigger the function does not declare
  expect(await run(undefined, { ...timer(), TriggerName: 'daily' })).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message: '只能由定时触发器调用' },
  })
  // a mini-program user calling the function with a timer-shaped event
  expect(await run('demo-resident')).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message: '只能由定时触发器调用' },
  })
  expect(snapshot(t)).toBe(before)
})

it('declares its trigger in its own config.json, which the local cloud runs', () => {
  const config = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'cloudfunctions', FN, 'config.json'), 'utf8'),
  ) as { triggers: { name: string; type: string; config: string }[] }
  expect(config.triggers).toEqual([{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }])
  expect(existsSync(join(__dirname, '..', '..', 'cloudfunctions', 'scheduler'))).toBe(false)
})

it("reminds each building's liaison of the seeded overdue suggestions, once", async () => {
  await grantSubscription(t, ROLES.liaison)
  const expected = pending()
  expect(expected.accept.map((d) => d._id)).toContain('seed-s21')
  expect(expected.resolve.map((d) => d._id)).toEqual(
    expect.arrayContaining(['seed-s12', 'seed-s19']),
  )
  // already reminded by an earlier run
  expect([...expected.accept, ...expected.resolve].map((d) => d._id)).not.toContain('seed-s13')

  const res = ok(await run())
  expect(res).toEqual({
    accept: expected.accept.length,
    resolve: expected.resolve.length,
    reminded: 2,
  })
  const liaison = overdueMessages(ROLES.liaison).at(-1)
  expect(liaison).toMatchObject({
    title: '1 条建议超时，请尽快处理',
    refId: 'seed-s12',
    pushed: true,
  })
  expect(liaison?.body).toMatch(/超时未办结/)
  const other = overdueMessages(ROLES.otherLiaison).at(-1)
  expect(other?.title).toBe(
    `${expected.accept.length + expected.resolve.length - 1} 条建议超时，请尽快处理`,
  )
  expect(other?.link).toBe('/subpackages/staff/pages/inbox/index?overdue=1')
  expect(other).toMatchObject({ pushed: false, pushError: expect.stringMatching(/43101/) })
  expect(t.cloud.store.find('outbox', { touser: ROLES.liaison, status: 'sent' }).length).toBe(1)

  const messages = t.cloud.store.count('messages', {})
  expect(ok(await run())).toEqual({ accept: 0, resolve: 0, reminded: 0 })
  expect(t.cloud.store.count('messages', {})).toBe(messages)
  expect(pending()).toEqual({ accept: [], resolve: [] })
})

it('picks up what becomes overdue later; a building without a liaison goes to the staff', async () => {
  const past = new Date(Date.now() - 3600_000)
  const mine = await submit(t, uniq('late'), { buildingId: 'LH-1' })
  const df = await submit(t, uniq('late'), { buildingId: 'DF-4' })
  for (const id of [mine.id, df.id]) {
    t.cloud.store.modify(
      'suggestions',
      { _id: id },
      { operators: { $set: { acceptDueAt: past } } },
      { multi: false, upsert: false },
    )
  }
  const [a, b] = await Promise.all([run(), run()])
  // two overlapping runs never remind twice
  const total = [a, b].reduce((n, r) => n + (r.ok ? (r.data as { accept: number }).accept : 0), 0)
  expect(total).toBe(2)
  expect(overdueMessages(ROLES.liaison).at(-1)).toMatchObject({ refId: mine.id })
  expect(overdueMessages(ROLES.otherStaff).at(-1)).toMatchObject({ refId: df.id })
  expect(overdueMessages(ROLES.staff).some((m) => m.refId === mine.id)).toBe(false)
})

it('removes quota documents of finished days', async () => {
  t.cloud.store.insertMany('suggestionQuotas', [
    {
      _id: 'old_20200101',
      openid: 'old',
      day: '20200101',
      count: 3,
      updatedAt: new Date('2020-01-01'),
    },
  ])
  ok(await run())
  expect(t.cloud.store.get('suggestionQuotas', 'old_20200101')).toBeNull()
  expect(t.cloud.store.count('suggestionQuotas', {})).toBeGreaterThan(0)
  // the suggestion function still works after the clean-up
  ok(await t.call(FN, ROLES.submitter, 'mine', {}))
})

// The safety harness: every action of every contract joins it by having an example input beside
// its schema. For each action it checks
// - access: every persona (the eight demo personas, a stranger with no household, no identity)
//   gets what the action's declared access says — UNAUTHENTICATED, FORBIDDEN, or through to the
//   action (ok or a domain error) — never INTERNAL; a caller of another community or building is
//   refused anything that names a suggestion or a community;
// - bad input: at least 200 generated payloads get INVALID_INPUT or a domain error, never
//   INTERNAL, and the refused ones leave every collection byte-for-byte unchanged;
// - identity: `openid`, `OPENID`, `userInfo` anywhere in the event change nothing.
// The declared access is pinned below: changing an action's access fails here until the table is
// changed too, on purpose.
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import * as v from 'valibot'
import type { Contract, Envelope } from '../../src/contract/common'
import { account, accountExamples } from '../../src/contract/account'
import { suggestion, suggestionExamples } from '../../src/contract/suggestion'
import { points, pointsExamples } from '../../src/contract/points'
import { handlers as accountHandlers } from '../../cloudfunctions/account/src/index'
import { handlers as suggestionHandlers } from '../../cloudfunctions/suggestion/src/index'
import { handlers as pointsHandlers } from '../../cloudfunctions/points/src/index'
import { activity, activityExamples } from '../../src/contract/activity'
import { handlers as activityHandlers } from '../../cloudfunctions/activity/src/index'
import type { Access } from '../../server/router'
import type { UserDoc } from '../../server/models'
import { functionNames } from '../../scripts/build-functions'
import { startTestCloud, type TestCloud } from '../support/cloud'

interface Domain {
  fn: string
  contract: Contract
  examples: Record<string, unknown>
  handlers: Record<string, { access: Access }>
  /** callers with no business with the examples' resources (default: OUT_OF_SCOPE below) */
  outOfScope?: Set<string | undefined>
}

const DOMAINS: Domain[] = [
  { fn: 'account', contract: account, examples: accountExamples, handlers: accountHandlers },
  {
    fn: 'suggestion',
    contract: suggestion,
    examples: suggestionExamples,
    handlers: suggestionHandlers,
  },
  {
    fn: 'points',
    contract: points,
    examples: pointsExamples,
    handlers: pointsHandlers,
    // the examples are about 东方现代城 (政通路社区): everyone of 二十里铺社区 is out of scope
    outOfScope: new Set<string | undefined>([
      'demo-resident',
      'demo-neighbour',
      'demo-newcomer',
      'demo-liaison',
      'demo-staff',
      'harness-stranger',
    ]),
  },
  { fn: 'activity', contract: activity, examples: activityExamples, handlers: activityHandlers },
]

/** The declared access of every action, written down apart from the code. */
const PINNED: Record<string, Record<string, Access>> = {
  account: {
    login: 'anyone',
    resolveScene: 'anyone',
    directory: 'anyone',
    bindHousehold: 'anyone',
    unbindHousehold: 'anyone',
    qrCode: ['staff', 'liaison'],
    householdCards: ['staff', 'liaison'],
    messages: 'anyone',
    readMessages: 'anyone',
  },
  suggestion: {
    submit: 'anyone',
    similar: 'anyone',
    mine: 'anyone',
    detail: 'anyone',
    inbox: ['staff', 'liaison'],
    transition: ['staff', 'liaison'],
    reply: 'anyone',
    rate: 'anyone',
    reopen: 'anyone',
    publish: ['staff'],
    board: 'anyone',
    second: 'resident',
    comment: 'resident',
    award: ['staff'],
    stats: ['staff', 'liaison'],
  },
  points: {
    record: ['supervisor'],
    lookup: ['supervisor'],
    today: ['supervisor'],
    correct: ['supervisor'],
    undo: ['supervisor'],
    summary: 'resident',
    ledger: 'resident',
    rewards: 'anyone',
    saveReward: ['staff'],
    redeem: 'resident',
    redemptions: 'anyone',
    cancelRedemption: 'resident',
    verify: ['staff'],
    adjust: ['staff'],
    adjustments: ['staff'],
    ranking: 'anyone',
    stats: ['staff', 'supervisor'],
    export: ['staff'],
    rules: 'anyone',
    saveRules: ['staff'],
  },
  activity: {
    publish: ['staff'],
    update: ['staff'],
    cancel: ['staff'],
    list: 'anyone',
    detail: 'anyone',
    signUp: 'anyone',
    withdraw: 'anyone',
    mine: 'anyone',
    checkIn: 'anyone',
    checkInFor: ['staff'],
    attendees: ['staff'],
    export: ['staff'],
    code: ['staff'],
    hours: 'anyone',
    correctHours: ['staff'],
  },
}

const STRANGER = 'harness-stranger'
const PERSONAS: (string | undefined)[] = [
  'demo-resident',
  'demo-neighbour',
  'demo-newcomer',
  'demo-liaison',
  'demo-staff',
  'demo-supervisor',
  'demo-staff-zt',
  'demo-resident-zt',
  STRANGER,
  undefined,
]
/**
 * Callers with no business with the examples' resources (a suggestion of 陇海安居 1号楼, community
 * 二十里铺): another building, another community, no household, no identity.
 */
const OUT_OF_SCOPE = new Set<string | undefined>([
  'demo-neighbour',
  'demo-newcomer',
  'demo-supervisor',
  'demo-staff-zt',
  'demo-resident-zt',
  STRANGER,
])
const OTHER_COMMUNITY = new Set<string | undefined>([
  'demo-supervisor',
  'demo-staff-zt',
  'demo-resident-zt',
])

let t: TestCloud
let personaDocs: Map<string, UserDoc | null>
const covered = { calls: 0, actions: 0, personas: PERSONAS.length, payloads: 0 }

beforeAll(async () => {
  t = await startTestCloud()
  personaDocs = new Map(PERSONAS.filter(isString).map((p) => [p, userOf(p)]))
})
afterAll(async () => {
  await t.close()
  console.log(
    `safety harness: ${covered.actions} actions × ${covered.personas} personas = ${covered.calls} access calls; ${covered.payloads} bad payloads`,
  )
})

function isString(x: string | undefined): x is string {
  return typeof x === 'string'
}

function userOf(openid: string): UserDoc | null {
  return t.cloud.store.get('users', openid) as UserDoc | null
}

/** Puts a persona back as it was, so one action's effect (a bind, an unbind) does not leak. */
function restore(openid: string): void {
  const doc = personaDocs.get(openid) ?? null
  if (doc) {
    t.cloud.store.modify(
      'users',
      { _id: openid },
      { replace: { ...doc } },
      { multi: false, upsert: true },
    )
  } else {
    t.cloud.store.remove('users', { _id: openid }, { multi: false })
  }
}

function allowed(access: Access, user: UserDoc | null): boolean {
  if (access === 'anyone') return true
  if (access === 'resident') return Boolean(user?.householdId)
  return (user?.roles ?? []).some((r) => access.includes(r.role))
}

/** A digest of every collection, for "nothing changed" across many calls. */
function digest(): string {
  const h = createHash('sha256')
  for (const c of t.cloud.store.collectionNames().sort()) {
    h.update(c)
    h.update(JSON.stringify(t.cloud.store.find(c, {}, { sort: { _id: 1 } })))
  }
  return h.digest('hex')
}

const ACTIONS = DOMAINS.flatMap((d) => Object.keys(d.contract).map((a) => [d.fn, a] as const))
const domainOf = (fn: string): Domain => DOMAINS.find((d) => d.fn === fn) as Domain
const takesScope = (example: unknown): boolean =>
  typeof example === 'object' && example !== null && ('id' in example || 'communityId' in example)

describe('coverage', () => {
  it('walks every cloud function there is: a new one joins by being listed here', () => {
    expect(DOMAINS.map((d) => d.fn).sort()).toEqual(functionNames().sort())
  })

  it.each(DOMAINS.map((d) => [d.fn, d] as const))(
    '%s: every action has an example that its own schema accepts, and pinned access',
    (_fn, d) => {
      expect(Object.keys(d.examples).sort()).toEqual(Object.keys(d.contract).sort())
      for (const [action, spec] of Object.entries(d.contract)) {
        const parsed = v.safeParse(spec.input, d.examples[action])
        expect({ action, ok: parsed.success }).toEqual({ action, ok: true })
      }
      const declared = Object.fromEntries(Object.entries(d.handlers).map(([a, h]) => [a, h.access]))
      expect(declared).toEqual(PINNED[d.fn])
    },
  )
})

describe('access matrix', () => {
  it.each(ACTIONS)('%s.%s as every persona', async (fn, action) => {
    const d = domainOf(fn)
    const access = d.handlers[action].access
    const example = d.examples[action]
    covered.actions += 1
    for (const persona of PERSONAS) {
      const user = persona ? userOf(persona) : null
      const res = await t.call(fn, persona, action, example)
      covered.calls += 1
      if (persona) restore(persona)
      const code = res.ok ? 'ok' : res.error.code
      const who = `${fn}.${action} as ${persona ?? 'no identity'}`
      expect({ who, code: code === 'INTERNAL' ? 'INTERNAL' : 'not internal' }).toEqual({
        who,
        code: 'not internal',
      })
      if (!persona) {
        expect({ who, code }).toEqual({ who, code: 'UNAUTHENTICATED' })
      } else if (!allowed(access, user)) {
        expect({ who, code }).toEqual({ who, code: 'FORBIDDEN' })
      } else {
        expect({
          who,
          code: ['UNAUTHENTICATED', 'INVALID_INPUT', 'UNKNOWN_ACTION'].includes(code),
        }).toEqual({ who, code: false })
        if (takesScope(example) && (d.outOfScope ?? OUT_OF_SCOPE).has(persona)) {
          const refused = code === 'FORBIDDEN' || code === 'NOT_FOUND'
          expect({ who, refused }).toEqual({ who, refused: true })
        }
        if (
          typeof example === 'object' &&
          example !== null &&
          'communityId' in example &&
          OTHER_COMMUNITY.has(persona)
        ) {
          expect({ who, code }).toEqual({ who, code: 'FORBIDDEN' })
        }
      }
    }
  })
})

/** Operator objects and shapes that must never reach a query as such. */
const hostile = fc.constantFrom<unknown>(
  { $ne: null },
  { $gt: '' },
  { $regex: '.*' },
  { $where: 'sleep(1000)' },
  { $in: ['seed-s01', 'seed-s02'] },
  ['seed-s01'],
  null,
  true,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  '../../etc/passwd',
  '字'.repeat(100_000),
  Array.from({ length: 10_000 }, () => 'x'),
  JSON.parse('{"__proto__": {"admin": true}}') as unknown,
)

function payloads(example: unknown): fc.Arbitrary<unknown> {
  const fields = typeof example === 'object' && example !== null ? Object.keys(example) : []
  const base = (example ?? {}) as Record<string, unknown>
  const replaced = fields.length
    ? fc
        .tuple(fc.constantFrom(...fields), fc.oneof(hostile, fc.jsonValue()))
        .map(([k, val]) => ({ ...base, [k]: val }))
    : fc.jsonValue()
  const extra = fc
    .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(hostile, fc.jsonValue()))
    .filter(([k]) => !fields.includes(k))
    .map(([k, val]) => ({ ...base, [k]: val }))
  return fc.oneof(fc.jsonValue(), hostile, replaced, extra, fc.anything())
}

/** Whoever may call the action, so that bad input reaches as far as it can. */
function callerFor(access: Access): string {
  if (access === 'anyone' || access === 'resident') return 'demo-resident'
  if (access.includes('staff')) return 'demo-staff'
  return access.includes('liaison') ? 'demo-liaison' : 'demo-supervisor'
}

describe('bad input', () => {
  it.each(ACTIONS)(
    '%s.%s: 200 payloads, never INTERNAL, refused ones write nothing',
    async (fn, action) => {
      const d = domainOf(fn)
      const spec = d.contract[action]
      const caller = callerFor(d.handlers[action].access)
      // 200 that the schema refuses, however many it takes to draw them; and some it lets through
      const samples = fc.sample(payloads(d.examples[action]), { numRuns: 600, seed: 42 })
      const refused = samples.filter((p) => !v.safeParse(spec.input, p).success).slice(0, 200)
      const valid = samples.filter((p) => v.safeParse(spec.input, p).success).slice(0, 50)
      expect(refused).toHaveLength(200)

      const before = digest()
      for (const data of refused) {
        const res = await t.call(fn, caller, action, data)
        covered.payloads += 1
        expect({ data, code: res.ok ? 'ok' : res.error.code }).toEqual({
          data,
          code: 'INVALID_INPUT',
        })
        if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fff]/)
      }
      expect(digest()).toBe(before)

      // the ones the schema lets through reach the action: a domain answer, never INTERNAL
      for (const data of valid) {
        const res = await t.call(fn, caller, action, data)
        restore(caller)
        covered.payloads += 1
        expect({ data, internal: !res.ok && res.error.code === 'INTERNAL' }).toEqual({
          data,
          internal: false,
        })
      }
    },
  )
})

describe('identity only from the context', () => {
  const INJECTED = {
    openid: 'demo-staff',
    OPENID: 'demo-staff',
    userInfo: { openId: 'demo-staff', appId: 'wx0' },
  }

  it.each(ACTIONS)(
    '%s.%s: openid, OPENID, userInfo in the event change nothing',
    async (fn, action) => {
      const d = domainOf(fn)
      const example = d.examples[action] as Record<string, unknown>
      // beside the action, as a forged event would carry them
      const plain = (await t.callRaw(fn, STRANGER, { action, data: example })).body
      restore(STRANGER)
      const forged = (await t.callRaw(fn, STRANGER, { action, data: example, ...INJECTED })).body
      restore(STRANGER)
      const codeOf = (e: Envelope<unknown>) => (e.ok ? 'ok' : e.error.code)
      expect(codeOf(forged)).toBe(codeOf(plain))
      // nor does the answer speak for the injected identity (login would name it, a list hold its rows)
      const speaksFor = (e: Envelope<unknown>) => JSON.stringify(e).includes('demo-staff')
      expect(speaksFor(forged)).toBe(speaksFor(plain))
      // and without any identity at all, still nobody
      const anonymous = (await t.callRaw(fn, undefined, { action, data: example, ...INJECTED }))
        .body
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED')
      // inside the data they are refused outright
      const inData = await t.call(fn, STRANGER, action, { ...(example ?? {}), ...INJECTED })
      restore(STRANGER)
      expect(codeOf(inData)).toBe('INVALID_INPUT')
    },
  )
})

// Property: whatever malformed input reaches any action, the answer is INVALID_INPUT and nothing
// is written.
import fc from 'fast-check'
import * as v from 'valibot'
import { suggestion } from '../../src/contract/suggestion'
import { account } from '../../src/contract/account'
import { startTestCloud, type TestCloud } from '../support/cloud'
import { FN, snapshot } from './suggestion-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

const ID = 'seed-s01'
/** A valid input of every action, to mutate one field at a time. */
const VALID: Record<keyof typeof suggestion, Record<string, unknown>> = {
  submit: {
    buildingId: 'LH-1',
    category: '漏水',
    text: '楼顶漏水了，请来看看',
    images: ['cloud://local.local-bucket/suggestions/demo-staff/a.jpg'],
    contactPhone: '13800001111',
    anonymous: false,
    clientToken: 'abcdefgh',
  },
  similar: { buildingId: 'LH-1', category: '漏水' },
  mine: { cursor: null, limit: 20 },
  detail: { id: ID },
  inbox: {
    status: 'submitted',
    buildingId: 'LH-1',
    category: '漏水',
    overdue: true,
    cursor: null,
    limit: 20,
  },
  transition: { id: ID, to: 'accepted', note: '收到', images: [] },
  reply: { id: ID, text: '收到，明天去看', images: [] },
  rate: { id: ID, score: 5, comment: '很好' },
  reopen: { id: ID, reason: '还是没有修好' },
  publish: { id: ID, published: true },
  board: { sort: 'newest', cursor: null, limit: 20 },
  second: { id: ID },
  comment: { id: ID, text: '支持支持' },
  award: { id: ID, points: 50 },
  stats: { from: '2026-01-01', to: '2026-01-31', communityId: 'ESLP' },
}

const bad = fc.oneof(
  fc.anything(),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 501, maxLength: 700 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    '',
    '   ',
    null,
    true,
    [],
    {},
    '楼',
    'x'.repeat(65),
    'LH 1',
    'a/b',
    '2026-13-01',
    0,
    -1,
    6,
    101,
    501,
    1.5,
  ),
  fc.array(fc.string(), { minLength: 1, maxLength: 12 }),
)

function inputs(valid: Record<string, unknown>) {
  const keys = Object.keys(valid)
  return fc.oneof(
    fc.anything(),
    fc.constantFrom(...keys).chain((k) => bad.map((b) => ({ ...valid, [k]: b }))),
    fc
      .constantFrom(...keys)
      .map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !keys.includes(k))
      .map((k) => ({ ...valid, [k]: 1 })),
  )
}

const actions = Object.keys(VALID) as (keyof typeof suggestion)[]

it.each(actions)('%s: malformed input → INVALID_INPUT, nothing written', async (action) => {
  const before = snapshot(t)
  let sent = 0
  await fc.assert(
    fc.asyncProperty(inputs(VALID[action]), async (data) => {
      // what actually travels: JSON drops undefined, turns NaN into null …
      const wire = (JSON.parse(JSON.stringify({ data: data ?? null })) as { data: unknown }).data
      fc.pre(!v.safeParse(suggestion[action].input, wire).success)
      sent++
      const res = await t.call(FN, 'demo-staff', action, wire)
      expect(res.ok || res.error.code).toBe('INVALID_INPUT')
    }),
    { numRuns: 60 },
  )
  expect(sent).toBeGreaterThanOrEqual(60)
  expect(snapshot(t)).toBe(before)
})

it.each(['messages', 'readMessages'] as const)(
  'account.%s: malformed input → INVALID_INPUT',
  async (action) => {
    const before = snapshot(t)
    const valid = action === 'messages' ? { cursor: null, limit: 20 } : { ids: ['seed-m001'] }
    await fc.assert(
      fc.asyncProperty(inputs(valid), async (data) => {
        const wire = (JSON.parse(JSON.stringify({ data: data ?? null })) as { data: unknown }).data
        fc.pre(!v.safeParse(account[action].input, wire).success)
        const res = await t.call('account', 'demo-resident', action, wire)
        expect(res.ok || res.error.code).toBe('INVALID_INPUT')
      }),
      { numRuns: 60 },
    )
    expect(snapshot(t)).toBe(before)
  },
)

it('the valid examples are valid (so the mutations above mean something)', () => {
  for (const action of actions)
    expect(v.safeParse(suggestion[action].input, VALID[action]).success).toBe(true)
})

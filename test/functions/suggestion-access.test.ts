// Every action × every role, on a suggestion of building LH-1 (community ESLP).
import type { Status, SuggestionSummary } from '../../src/contract/suggestion'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import {
  addResident,
  driveTo,
  expectCode,
  FN,
  ROLES,
  snapshot,
  submit,
  uniq,
} from './suggestion-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
  addResident(t, ROLES.outsider, 'DF-7-2-1503')
  addResident(t, ROLES.mate, 'LH-1-3-201')
})
afterAll(async () => {
  await t.close()
})

type Role = keyof typeof ROLES
const ROLE_NAMES = Object.keys(ROLES) as Role[]
type Outcome = true | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT'

interface Fixture {
  id: string
  openid: string
}

/** A suggestion of LH-1 by a fresh resident of LH-1, moved to `status` and maybe published. */
async function fixture(status: Status, published = false): Promise<Fixture> {
  const openid = uniq('lh1')
  addResident(t, openid, 'LH-1-1-101')
  const { id } = await submit(t, openid)
  await driveTo(t, id, status)
  if (published) ok(await t.call(FN, ROLES.staff, 'publish', { id, published: true }))
  return { id, openid }
}

const who = (role: Role, f: Fixture): string => (role === 'submitter' ? f.openid : ROLES[role])

interface Case {
  action: string
  status: Status
  published: boolean
  input: (f: Fixture) => Record<string, unknown>
  expect: Record<Role, Outcome>
}

const WRITES: Case[] = [
  {
    action: 'transition',
    status: 'submitted',
    published: false,
    input: (f) => ({ id: f.id, to: 'accepted', note: '收到' }),
    expect: {
      submitter: 'FORBIDDEN',
      neighbour: 'FORBIDDEN',
      mate: 'FORBIDDEN',
      outsider: 'FORBIDDEN',
      liaison: true,
      otherLiaison: 'NOT_FOUND',
      staff: true,
      otherStaff: 'NOT_FOUND',
      newcomer: 'FORBIDDEN',
    },
  },
  {
    action: 'transition',
    status: 'accepted',
    published: true,
    input: (f) => ({ id: f.id, to: 'in_progress' }),
    expect: {
      submitter: 'FORBIDDEN',
      neighbour: 'FORBIDDEN',
      mate: 'FORBIDDEN',
      outsider: 'FORBIDDEN',
      liaison: true,
      otherLiaison: 'FORBIDDEN',
      staff: true,
      otherStaff: 'NOT_FOUND',
      newcomer: 'FORBIDDEN',
    },
  },
  {
    action: 'reply',
    status: 'accepted',
    published: false,
    input: (f) => ({ id: f.id, text: '请问具体是哪个位置？' }),
    expect: {
      submitter: true,
      neighbour: 'NOT_FOUND',
      mate: 'NOT_FOUND',
      outsider: 'NOT_FOUND',
      liaison: true,
      otherLiaison: 'NOT_FOUND',
      staff: true,
      otherStaff: 'NOT_FOUND',
      newcomer: 'NOT_FOUND',
    },
  },
  {
    action: 'reply',
    status: 'accepted',
    published: true,
    input: (f) => ({ id: f.id, text: '补充一下情况' }),
    expect: {
      submitter: true,
      neighbour: 'FORBIDDEN',
      mate: 'FORBIDDEN',
      outsider: 'NOT_FOUND',
      liaison: true,
      otherLiaison: 'FORBIDDEN',
      staff: true,
      otherStaff: 'NOT_FOUND',
      newcomer: 'NOT_FOUND',
    },
  },
  {
    action: 'rate',
    status: 'resolved',
    published: false,
    input: (f) => ({ id: f.id, score: 5, comment: '很满意' }),
    expect: {
      submitter: true,
      neighbour: 'NOT_FOUND',
      mate: 'NOT_FOUND',
      outsider: 'NOT_FOUND',
      liaison: 'FORBIDDEN',
      otherLiaison: 'NOT_FOUND',
      staff: 'FORBIDDEN',
      otherStaff: 'NOT_FOUND',
      newcomer: 'NOT_FOUND',
    },
  },
  {
    action: 'reopen',
    status: 'resolved',
    published: true,
    input: (f) => ({ id: f.id, reason: '还是漏水，没修好' }),
    expect: {
      submitter: true,
      neighbour: 'FORBIDDEN',
      mate: 'FORBIDDEN',
      outsider: 'NOT_FOUND',
      liaison: 'FORBIDDEN',
      otherLiaison: 'FORBIDDEN',
      staff: 'FORBIDDEN',
      otherStaff: 'NOT_FOUND',
      newcomer: 'NOT_FOUND',
    },
  },
  {
    action: 'publish',
    status: 'accepted',
    published: false,
    input: (f) => ({ id: f.id, published: true }),
    expect: {
      submitter: 'FORBIDDEN',
      neighbour: 'FORBIDDEN',
      mate: 'FORBIDDEN',
      outsider: 'FORBIDDEN',
      liaison: 'FORBIDDEN',
      otherLiaison: 'FORBIDDEN',
      staff: true,
      otherStaff: 'NOT_FOUND',
      newcomer: 'FORBIDDEN',
    },
  },
  {
    action: 'second',
    status: 'accepted',
    published: true,
    input: (f) => ({ id: f.id }),
    expect: {
      submitter: 'FORBIDDEN',
      neighbour: true,
      mate: true,
      outsider: 'NOT_FOUND',
      liaison: true,
      otherLiaison: true,
      staff: 'FORBIDDEN',
      otherStaff: 'FORBIDDEN',
      newcomer: 'FORBIDDEN',
    },
  },
  {
    action: 'second',
    status: 'accepted',
    published: false,
    input: (f) => ({ id: f.id }),
    expect: {
      submitter: 'FORBIDDEN',
      neighbour: 'NOT_FOUND',
      // the same building's residents second it from the 类似问题 prompt, before it is public
      mate: true,
      outsider: 'NOT_FOUND',
      liaison: 'FORBIDDEN',
      otherLiaison: 'NOT_FOUND',
      staff: 'FORBIDDEN',
      otherStaff: 'FORBIDDEN',
      newcomer: 'FORBIDDEN',
    },
  },
  {
    action: 'comment',
    status: 'in_progress',
    published: true,
    input: (f) => ({ id: f.id, text: '支持，早该修了' }),
    expect: {
      submitter: true,
      neighbour: true,
      mate: true,
      outsider: 'NOT_FOUND',
      liaison: true,
      otherLiaison: true,
      staff: 'FORBIDDEN',
      otherStaff: 'FORBIDDEN',
      newcomer: 'FORBIDDEN',
    },
  },
  {
    action: 'comment',
    status: 'in_progress',
    published: false,
    input: (f) => ({ id: f.id, text: '支持，早该修了' }),
    expect: {
      submitter: 'FORBIDDEN',
      neighbour: 'NOT_FOUND',
      mate: 'NOT_FOUND',
      outsider: 'NOT_FOUND',
      liaison: 'FORBIDDEN',
      otherLiaison: 'NOT_FOUND',
      staff: 'FORBIDDEN',
      otherStaff: 'FORBIDDEN',
      newcomer: 'FORBIDDEN',
    },
  },
  {
    action: 'award',
    status: 'resolved',
    published: false,
    input: (f) => ({ id: f.id, points: 20 }),
    expect: {
      submitter: 'FORBIDDEN',
      neighbour: 'FORBIDDEN',
      mate: 'FORBIDDEN',
      outsider: 'FORBIDDEN',
      liaison: 'FORBIDDEN',
      otherLiaison: 'FORBIDDEN',
      staff: true,
      otherStaff: 'NOT_FOUND',
      newcomer: 'FORBIDDEN',
    },
  },
]

describe.each(WRITES)('$action on a $status suggestion (published: $published)', (c) => {
  it.each(ROLE_NAMES)('as %s', async (role) => {
    const f = await fixture(c.status, c.published)
    // every collection the feature writes (suggestions, comments, seconds, messages, outbox,
    // points …), not just the suggestion: a refused call writes nothing anywhere
    const before = snapshot(t)
    const res = await t.call(FN, who(role, f), c.action, c.input(f))
    expectCode(res, c.expect[role])
    if (c.expect[role] !== true) expect(snapshot(t)).toBe(before)
    else expect(snapshot(t)).not.toBe(before)
  })
})

describe('reads', () => {
  let hidden: Fixture
  let shown: Fixture
  beforeAll(async () => {
    hidden = await fixture('submitted')
    shown = await fixture('accepted', true)
  })

  const DETAIL_HIDDEN: Record<Role, Outcome> = {
    submitter: true,
    neighbour: 'NOT_FOUND',
    mate: 'NOT_FOUND',
    outsider: 'NOT_FOUND',
    liaison: true,
    otherLiaison: 'NOT_FOUND',
    staff: true,
    otherStaff: 'NOT_FOUND',
    newcomer: 'NOT_FOUND',
  }
  const DETAIL_SHOWN: Record<Role, Outcome> = {
    ...DETAIL_HIDDEN,
    neighbour: true,
    mate: true,
    otherLiaison: true,
  }

  it.each(ROLE_NAMES)('detail of an unpublished suggestion as %s', async (role) => {
    expectCode(
      await t.call(FN, who(role, hidden), 'detail', { id: hidden.id }),
      DETAIL_HIDDEN[role],
    )
  })

  it.each(ROLE_NAMES)('detail of a published suggestion as %s', async (role) => {
    expectCode(await t.call(FN, who(role, shown), 'detail', { id: shown.id }), DETAIL_SHOWN[role])
  })

  it('detail of an id that does not exist is NOT_FOUND for everyone', async () => {
    for (const role of ROLE_NAMES) {
      expectCode(await t.call(FN, ROLES[role], 'detail', { id: 'no-such-id' }), 'NOT_FOUND')
    }
  })

  const INBOX: Record<Role, Outcome> = {
    submitter: 'FORBIDDEN',
    neighbour: 'FORBIDDEN',
    mate: 'FORBIDDEN',
    outsider: 'FORBIDDEN',
    liaison: true,
    otherLiaison: true,
    staff: true,
    otherStaff: true,
    newcomer: 'FORBIDDEN',
  }
  it.each(ROLE_NAMES)('inbox as %s is scoped', async (role) => {
    const res = await t.call<{ items: SuggestionSummary[] }>(FN, who(role, hidden), 'inbox', {
      limit: 100,
    })
    expectCode(res, INBOX[role])
    if (!res.ok) return
    const items = res.data.items
    // every() over an empty list proves nothing: each handler has items to check
    expect(items.length).toBeGreaterThan(0)
    const sees = items.some((s) => s.id === hidden.id)
    expect(sees).toBe(role === 'liaison' || role === 'staff')
    if (role === 'liaison')
      expect(items.every((s) => ['LH-1', 'LH-2'].includes(s.buildingId))).toBe(true)
    if (role === 'otherLiaison') {
      expect(items.every((s) => ['LH-3', 'LH-4', 'LH-5'].includes(s.buildingId))).toBe(true)
    }
    if (role === 'staff') expect(items.every((s) => s.communityId === 'ESLP')).toBe(true)
    if (role === 'otherStaff') {
      expect(items.length).toBeGreaterThan(0)
      expect(items.every((s) => s.communityId === 'ZTL')).toBe(true)
    }
  })

  it.each(ROLE_NAMES)('stats as %s is scoped', async (role) => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const from = new Date(Date.now() - 300 * 86400_000).toISOString().slice(0, 10)
    const res = await t.call<{ total: number; byBuilding: { buildingId: string }[] }>(
      FN,
      who(role, hidden),
      'stats',
      { from, to: today },
    )
    if (res.ok && role !== 'otherLiaison') expect(res.data.total).toBeGreaterThan(0)
    expectCode(res, INBOX[role])
    if (!res.ok) return
    const buildings = res.data.byBuilding.map((b) => b.buildingId)
    if (role !== 'otherLiaison') expect(buildings.length).toBeGreaterThan(0)
    if (role === 'liaison') expect(buildings.every((b) => ['LH-1', 'LH-2'].includes(b))).toBe(true)
    if (role === 'otherLiaison')
      expect(buildings.every((b) => ['LH-3', 'LH-4', 'LH-5'].includes(b))).toBe(true)
    if (role === 'staff') expect(buildings.every((b) => b.startsWith('LH-'))).toBe(true)
    if (role === 'otherStaff') expect(buildings.every((b) => b.startsWith('DF-'))).toBe(true)
  })

  it('stats of a community the caller does not serve is FORBIDDEN', async () => {
    const res = await t.call(FN, ROLES.otherStaff, 'stats', {
      from: '2026-01-01',
      to: '2026-01-31',
      communityId: 'ESLP',
    })
    expectCode(res, 'FORBIDDEN')
  })

  it.each(ROLE_NAMES)('board as %s shows only its own community', async (role) => {
    const res = await t.call<{ items: SuggestionSummary[] }>(FN, who(role, shown), 'board', {
      limit: 100,
    })
    expectCode(res, role === 'newcomer' ? 'FORBIDDEN' : true)
    if (!res.ok) return
    const community = role === 'outsider' || role === 'otherStaff' ? 'ZTL' : 'ESLP'
    expect(res.data.items.length).toBeGreaterThan(0)
    expect(res.data.items.every((s) => s.communityId === community && s.published)).toBe(true)
    expect(res.data.items.some((s) => s.id === shown.id)).toBe(community === 'ESLP')
    expect(res.data.items.some((s) => s.id === hidden.id)).toBe(false)
  })

  it.each(ROLE_NAMES)(
    'similar as %s shows texts only to the building and its handlers',
    async (role) => {
      const res = ok(
        await t.call<{ count: number; items: SuggestionSummary[] }>(
          FN,
          who(role, hidden),
          'similar',
          {
            buildingId: 'LH-1',
            category: '漏水',
          },
        ),
      )
      const insider =
        role === 'liaison' || role === 'staff' || role === 'submitter' || role === 'mate'
      expect(res.count).toBeGreaterThan(0)
      expect(res.items.length > 0).toBe(insider)
      // never one's own
      if (role === 'submitter') expect(res.items.some((s) => s.id === hidden.id)).toBe(false)
    },
  )

  it.each(ROLE_NAMES)('mine as %s lists only their own', async (role) => {
    const res = ok(
      await t.call<{ items: SuggestionSummary[] }>(FN, who(role, hidden), 'mine', { limit: 100 }),
    )
    expect(res.items.some((s) => s.id === hidden.id)).toBe(role === 'submitter')
  })

  it.each(ROLE_NAMES)('submit as %s is allowed (anyone identified)', async (role) => {
    const f = { id: '', openid: uniq('sub') }
    const res = await t.call<{ id: string }>(FN, who(role, f), 'submit', {
      buildingId: 'LH-2',
      category: '其他',
      text: '希望小区多装几个垃圾桶',
    })
    const id = ok(res).id
    const doc = t.cloud.store.get('suggestions', id) as {
      householdId: string | null
      communityId: string
    }
    expect(doc.communityId).toBe('ESLP')
    const expected: Record<Role, string | null> = {
      submitter: null,
      neighbour: 'LH-3-1-502',
      mate: 'LH-1-3-201',
      outsider: 'DF-7-2-1503',
      liaison: 'LH-2-1-201',
      otherLiaison: 'LH-4-1-102',
      staff: null,
      otherStaff: null,
      newcomer: null,
    }
    expect(doc.householdId).toBe(expected[role])
  })

  it('an unidentified caller can do nothing and nothing is written', async () => {
    const before = snapshot(t)
    const calls: [string, unknown][] = [
      ['submit', { buildingId: 'LH-1', category: '漏水', text: '楼顶漏水了，请来看看' }],
      ['detail', { id: shown.id }],
      ['inbox', {}],
      ['board', {}],
      ['second', { id: shown.id }],
      ['award', { id: shown.id }],
      ['stats', { from: '2026-01-01', to: '2026-01-31' }],
    ]
    for (const [action, data] of calls)
      expectCode(await t.call(FN, undefined, action, data), 'UNAUTHENTICATED')
    expect(snapshot(t)).toBe(before)
  })
})

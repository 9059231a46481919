// The suggestion lifecycle through the real SDK: submit, transitions, replies, rating, reopening,
// the board, seconds, comments, golden ideas, the inbox, statistics and the messages they leave.
import type { MessageView } from '../../src/contract/account'
import type { Page } from '../../src/contract/common'
import {
  STATUSES,
  TRANSITIONS,
  type CommentView,
  type InboxPage,
  type SimilarResult,
  type StatsResult,
  type Status,
  type SuggestionDetail,
  type SuggestionSummary,
} from '../../src/contract/suggestion'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import {
  addResident,
  expectCode,
  FN,
  fresh,
  grantSubscription,
  ROLES,
  snapshot,
  submit,
  uniq,
  upload,
  uploadRisky,
} from './suggestion-support'
import { uploadDirOf } from '../../server/uploads'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

type Doc = Record<string, unknown>
const doc = (id: string) => t.cloud.store.get('suggestions', id) as Doc
const messagesOf = (openid: string) =>
  t.cloud.store.find('messages', { openid }, { sort: { createdAt: 1, _id: 1 } }) as Doc[]
const outboxOf = (openid: string) =>
  t.cloud.store.find('outbox', { touser: openid }, { sort: { createdAt: 1, _id: 1 } }) as Doc[]

describe('submit', () => {
  it('stores a scoped suggestion with a short quotable number', async () => {
    const res = await t.callRaw(FN, 'demo-resident', {
      action: 'submit',
      data: {
        buildingId: 'LH-1',
        category: '照明',
        text: '  2单元楼道灯坏了好几天了  ',
        contactPhone: '13800001111',
      },
    })
    const { id, no } = ok(res.body as never) as { id: string; no: string }
    expect(no).toMatch(/^\d{6}-\d{4}$/)
    expect(doc(id)).toMatchObject({
      no,
      status: 'submitted',
      communityId: 'ESLP',
      communityName: '二十里铺社区',
      estateName: '陇海安居',
      buildingId: 'LH-1',
      buildingName: '1号楼',
      householdId: 'LH-1-2-301',
      householdLabel: '陇海安居 1号楼 2单元 301',
      text: '2单元楼道灯坏了好几天了',
      contactPhone: '13800001111',
      anonymous: false,
      seconds: 0,
    })
    // user, building ∥ household, quota, insert, liaisons, messages (+1 for the day's first quota)
    expect(res.roundTrips).toBeLessThanOrEqual(8)
  })

  it('accepts a caller without a household and records none', async () => {
    const { id } = await submit(t, 'demo-newcomer', { buildingId: 'LH-4' })
    expect(doc(id)).toMatchObject({ householdId: null, householdLabel: null, buildingId: 'LH-4' })
  })

  it('refuses a building that does not exist, writing nothing', async () => {
    const before = snapshot(t)
    expectCode(
      await t.call(FN, 'demo-newcomer', 'submit', {
        buildingId: 'NOPE-1',
        category: '其他',
        text: '没有这栋楼',
      }),
      'NOT_FOUND',
    )
    expect(snapshot(t)).toBe(before)
  })

  it("tells the building's liaisons, or the community's staff when it has none", async () => {
    const a = await submit(t, uniq('s'), { buildingId: 'LH-2' })
    expect(messagesOf('demo-liaison').find((m) => m.refId === a.id)).toMatchObject({
      kind: 'new',
      title: `新建议 ${a.no}`,
    })
    const b = await submit(t, uniq('s'), { buildingId: 'LH-5' })
    expect(messagesOf('seed-liaison-lh345').find((m) => m.refId === b.id)).toMatchObject({
      kind: 'new',
    })
    expect(messagesOf('demo-liaison').find((m) => m.refId === b.id)).toBeUndefined()
    const c = await submit(t, uniq('s'), { buildingId: 'DF-9' })
    expect(messagesOf('demo-staff-zt').find((m) => m.refId === c.id)).toMatchObject({ kind: 'new' })
    expect(messagesOf('demo-staff').find((m) => m.refId === c.id)).toBeUndefined()
  })

  it('never tells a liaison about their own suggestion', async () => {
    const { id } = await submit(t, 'demo-liaison', { buildingId: 'LH-2' })
    expect(messagesOf('demo-liaison').find((m) => m.refId === id)).toBeUndefined()
  })

  it('returns the first result for a retried submit with the same clientToken', async () => {
    const openid = uniq('retry')
    const data = {
      buildingId: 'LH-1',
      category: '漏水',
      text: '楼顶漏水，天花板滴水',
      clientToken: 'draft-12345678',
    }
    const first = ok(await t.call<{ id: string; no: string }>(FN, openid, 'submit', data))
    const again = ok(await t.call<{ id: string; no: string }>(FN, openid, 'submit', data))
    expect(again).toEqual(first)
    const burst = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.call<{ id: string }>(FN, openid, 'submit', { ...data, clientToken: 'draft-abcdefgh' }),
      ),
    )
    expect(new Set(burst.map((r) => ok(r).id)).size).toBe(1)
    expect(t.cloud.store.count('suggestions', { openid })).toBe(2)
    expect((t.cloud.store.find('suggestionQuotas', { openid })[0] as Doc).count).toBe(2)
    // the same token from someone else is a different suggestion
    const other = ok(await t.call<{ id: string }>(FN, uniq('retry'), 'submit', data))
    expect(other.id).not.toBe(first.id)
  })

  it(`allows ${10} a day per resident, then RATE_LIMITED with nothing written`, async () => {
    const openid = uniq('busy')
    for (let i = 0; i < 10; i++) await submit(t, openid, { text: `第${i + 1}条：楼道堆满了杂物` })
    const before = snapshot(t)
    const res = await t.call(FN, openid, 'submit', {
      buildingId: 'LH-1',
      category: '其他',
      text: '第11条建议内容',
    })
    expectCode(res, 'RATE_LIMITED')
    expect(snapshot(t)).toBe(before)
    // another resident is not affected
    await submit(t, uniq('calm'))
  })

  it('refuses a risky photo (CONTENT_REJECTED) on submit, reply and result, and writes nothing', async () => {
    const openid = uniq('bad-photo')
    const fine = await upload(t, openid, 'fine.jpg')
    const risky = await uploadRisky(t, openid, 'risky.jpg')
    const before = snapshot(t)
    const res = await t.call(FN, openid, 'submit', {
      buildingId: 'LH-1',
      category: '其他',
      text: '楼道里堆满了杂物',
      images: [fine, risky],
    })
    expectCode(res, 'CONTENT_REJECTED')
    expect(snapshot(t)).toBe(before)

    const { id } = await submit(t, openid, { images: [fine] })
    const liaisonRisky = await uploadRisky(t, ROLES.liaison, 'result-risky.jpg')
    const after = snapshot(t)
    expectCode(
      await t.call(FN, openid, 'reply', { id, text: '再补一张照片', images: [risky] }),
      'CONTENT_REJECTED',
    )
    expect(snapshot(t)).toBe(after)
    ok(await t.call(FN, ROLES.liaison, 'transition', { id, to: 'accepted' }))
    ok(await t.call(FN, ROLES.liaison, 'transition', { id, to: 'in_progress' }))
    const during = snapshot(t)
    expectCode(
      await t.call(FN, ROLES.liaison, 'transition', {
        id,
        to: 'resolved',
        note: '杂物已清理',
        images: [liaisonRisky],
      }),
      'CONTENT_REJECTED',
    )
    expect(snapshot(t)).toBe(during)
  })

  it('lets a photo through that could not be checked, flagged for handlers to look at', async () => {
    const openid = uniq('big-photo')
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    // over imgSecCheck's 1 MB: WeChat cannot check it (40006), and the function says so in its log
    const big = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.alloc(1100 * 1024)])
    const photo = await upload(t, openid, 'big.jpg', big)
    const { id } = await submit(t, openid, { images: [photo] })
    expect(logged).toHaveBeenCalledWith('[openapi.imgSecCheck]', 40006, 'invalid media size')
    logged.mockRestore()
    const asLiaison = ok(await t.call<SuggestionDetail>(FN, ROLES.liaison, 'detail', { id }))
    expect(asLiaison.needsReview).toBe(true)
    const asSubmitter = ok(await t.call<SuggestionDetail>(FN, openid, 'detail', { id }))
    expect(asSubmitter.needsReview).toBe(false)
    // an ordinary one is not flagged
    const fine = await submit(t, openid, { images: [await upload(t, openid, 'small.jpg')] })
    const plain = ok(await t.call<SuggestionDetail>(FN, ROLES.liaison, 'detail', { id: fine.id }))
    expect(plain.needsReview).toBe(false)
  })

  it('refuses risky text (CONTENT_REJECTED) and writes nothing', async () => {
    const before = snapshot(t)
    const res = await t.call(FN, uniq('bad'), 'submit', {
      buildingId: 'LH-1',
      category: '其他',
      text: '楼下有人聚众赌博，天天吵',
    })
    expectCode(res, 'CONTENT_REJECTED')
    expect(snapshot(t)).toBe(before)
  })

  it("accepts the caller's own photos and refuses anyone else's", async () => {
    const openid = uniq('photo')
    const mineId = await upload(t, openid, 'a.jpg')
    const mine = uploadDirOf(openid)
    // the folder is a pseudonym: nothing of the openid shows in a photo's path
    expect(mineId).not.toContain(openid)
    const { id } = await submit(t, openid, { images: [mineId, mineId] })
    expect(doc(id).images).toEqual([mineId])
    const theirs = await upload(t, 'demo-resident', 'b.jpg')
    const theirDir = uploadDirOf('demo-resident').split('/').at(-1)
    for (const images of [
      [theirs],
      [`cloud://local.local-bucket/${mine}/../${theirDir}/b.jpg`],
      [`cloud://local.local-bucket/${mine}`],
      [`cloud://local.local-bucket/${mine}/./a.jpg`],
      [`cloud://local.local-bucket/suggestions/${openid}/a.jpg`],
    ]) {
      expectCode(
        await t.call(FN, openid, 'submit', {
          buildingId: 'LH-1',
          category: '其他',
          text: '照片不是我的',
          images,
        }),
        'INVALID_INPUT',
      )
    }
    expectCode(
      await t.call(FN, openid, 'submit', {
        buildingId: 'LH-1',
        category: '其他',
        text: '照片太多了',
        images: Array(10).fill(mineId),
      }),
      'INVALID_INPUT',
    )
  })
})

describe('transition', () => {
  const NOTES: Partial<Record<Status, string>> = { declined: '不属于社区职责', resolved: '已修好' }

  it.each(STATUSES.map((s) => [s] as const))(
    'from %s: exactly TRANSITIONS are legal',
    async (from) => {
      const stuck = await fresh(t, from)
      for (const to of STATUSES) {
        if (TRANSITIONS[from].includes(to)) continue
        const before = doc(stuck.id)
        const res = await t.call(FN, ROLES.staff, 'transition', {
          id: stuck.id,
          to,
          note: '试试看',
        })
        expectCode(res, 'CONFLICT')
        expect(doc(stuck.id)).toEqual(before)
      }
      for (const to of TRANSITIONS[from]) {
        const s = await fresh(t, from)
        const d = ok(
          await t.call<SuggestionDetail>(FN, ROLES.liaison, 'transition', {
            id: s.id,
            to,
            note: NOTES[to],
          }),
        )
        expect(d.status).toBe(to)
        expect(d.timeline.at(-1)).toMatchObject({
          kind: 'status',
          from,
          to,
          by: { role: 'liaison', label: '民情速递员' },
        })
      }
    },
  )

  it('needs a reason to decline and a result to resolve', async () => {
    const s = await fresh(t, 'submitted')
    expectCode(
      await t.call(FN, ROLES.staff, 'transition', { id: s.id, to: 'declined' }),
      'INVALID_INPUT',
    )
    const p = await fresh(t, 'in_progress')
    expectCode(
      await t.call(FN, ROLES.staff, 'transition', { id: p.id, to: 'resolved' }),
      'INVALID_INPUT',
    )
    expect(doc(p.id).status).toBe('in_progress')
  })

  it('records who, when, what was said and the result photos; the deliberation outcome becomes the decision', async () => {
    const s = await fresh(t, 'deliberating')
    const decided = ok(
      await t.call<SuggestionDetail>(FN, ROLES.staff, 'transition', {
        id: s.id,
        to: 'in_progress',
        note: '居民代表会议通过：改建停车场',
      }),
    )
    expect(decided.decision).toBe('居民代表会议通过：改建停车场')
    const photo = await upload(t, ROLES.liaison, 'result.jpg')
    const done = ok(
      await t.call<SuggestionDetail>(FN, ROLES.liaison, 'transition', {
        id: s.id,
        to: 'resolved',
        note: '停车场已建成',
        images: [photo],
      }),
    )
    expect(done.result).toMatchObject({ text: '停车场已建成', images: [photo] })
    expect(done.timeline.map((e) => e.kind)).toEqual([
      'submitted',
      'status',
      'status',
      'status',
      'status',
    ])
    expect(done.timeline.at(-1)).toMatchObject({
      note: '停车场已建成',
      images: [photo],
      by: { label: '民情速递员' },
    })
    expect(new Date(done.timeline.at(-1)?.at ?? 0).getTime()).toBeGreaterThan(Date.now() - 60_000)
    const stored = doc(s.id)
    expect(stored.acceptedAt).toBeInstanceOf(Date)
    expect(stored.resolvedAt).toBeInstanceOf(Date)
    // handlers may not attach someone else's photos
    const other = await fresh(t, 'in_progress')
    expectCode(
      await t.call(FN, ROLES.staff, 'transition', {
        id: other.id,
        to: 'resolved',
        note: '好了',
        images: [photo],
      }),
      'INVALID_INPUT',
    )
  })

  it('lets only one of two simultaneous handlers accept', async () => {
    const s = await fresh(t, 'submitted')
    const res = await Promise.all([
      t.call(FN, ROLES.staff, 'transition', { id: s.id, to: 'accepted' }),
      t.call(FN, ROLES.liaison, 'transition', { id: s.id, to: 'declined', note: '重复了' }),
    ])
    expect(res.filter((r) => r.ok)).toHaveLength(1)
    expect(res.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT'])
    expect((doc(s.id).timeline as unknown[]).length).toBe(2)
  })

  it('messages the submitter at every step and pushes when a subscription is left (43101 recorded otherwise)', async () => {
    const openid = uniq('follow')
    const s = await fresh(t, 'submitted', openid)
    await grantSubscription(t, openid)
    ok(
      await t.call(FN, ROLES.liaison, 'transition', {
        id: s.id,
        to: 'accepted',
        note: '收到，明天上门，请家里留人。这句话很长很长很长很长很长',
      }),
    )
    ok(await t.call(FN, ROLES.liaison, 'transition', { id: s.id, to: 'in_progress' }))
    const msgs = messagesOf(openid)
    // each title says what happened and to which suggestion, in the resident's own words
    expect(msgs.map((m) => [m.kind, String(m.title).split('：')[0], m.pushed])).toEqual([
      ['status', '您的建议已受理', true],
      ['status', '您的建议正在办理', false],
    ])
    const words = Array.from(String(doc(s.id).text))
      .slice(0, 11)
      .join('')
    for (const m of msgs) expect(String(m.title).split('：')[1]).toContain(words)
    expect(msgs[1].pushError).toMatch(/43101/)
    expect(msgs[0].link).toBe(`/subpackages/suggestion/pages/detail/index?id=${s.id}`)
    const out = outboxOf(openid)
    expect(out.map((o) => o.status)).toEqual(['sent', 'refused'])
    const data = out[0].data as Record<string, { value: string }>
    expect(data.character_string1.value).toBe(s.no)
    expect(data.phrase3.value).toBe('已受理')
    expect([...data.thing4.value].length).toBeLessThanOrEqual(20)
    expect([...data.thing2.value].length).toBeLessThanOrEqual(20)
  })
})

describe('reply', () => {
  it("puts a handler's reply on the thread and messages the submitter without changing status", async () => {
    const s = await fresh(t, 'accepted')
    const d = ok(
      await t.call<SuggestionDetail>(FN, ROLES.staff, 'reply', {
        id: s.id,
        text: '请问漏水在哪个房间？',
      }),
    )
    expect(d.status).toBe('accepted')
    expect(d.timeline.at(-1)).toMatchObject({
      kind: 'reply',
      note: '请问漏水在哪个房间？',
      by: { role: 'staff', label: '社区两委' },
    })
    expect(messagesOf(s.openid).at(-1)).toMatchObject({
      kind: 'reply',
      title: expect.stringMatching(/^您的建议有新回复：.+/),
    })
  })

  it("passes the submitter's reply to the building's liaisons", async () => {
    const s = await fresh(t, 'accepted')
    const d = ok(
      await t.call<SuggestionDetail>(FN, s.openid, 'reply', { id: s.id, text: '在卫生间顶上' }),
    )
    expect(d.timeline.at(-1)).toMatchObject({
      kind: 'reply',
      by: { role: 'resident', label: '居民' },
    })
    expect(
      messagesOf('demo-liaison').find((m) => m.refId === s.id && m.kind === 'reply'),
    ).toBeDefined()
  })

  it('refuses risky text', async () => {
    const s = await fresh(t, 'accepted')
    const before = doc(s.id)
    expectCode(
      await t.call(FN, ROLES.staff, 'reply', { id: s.id, text: '加我微信代开发票' }),
      'CONTENT_REJECTED',
    )
    expect(doc(s.id)).toEqual(before)
  })
})

describe('rate and reopen', () => {
  it('rates a resolved suggestion once, only the submitter', async () => {
    const early = await fresh(t, 'in_progress')
    expectCode(await t.call(FN, early.openid, 'rate', { id: early.id, score: 5 }), 'CONFLICT')
    const s = await fresh(t, 'resolved')
    const d = ok(
      await t.call<SuggestionDetail>(FN, s.openid, 'rate', {
        id: s.id,
        score: 4,
        comment: '挺快的',
      }),
    )
    expect(d.rating).toMatchObject({ score: 4, comment: '挺快的' })
    expect(d.viewer.canRate).toBe(false)
    expect(d.timeline.at(-1)).toMatchObject({ kind: 'rated', note: '★★★★☆ 挺快的' })
    expectCode(await t.call(FN, s.openid, 'rate', { id: s.id, score: 1 }), 'CONFLICT')
    expect((doc(s.id).rating as Doc).score).toBe(4)
  })

  it('reopens within 7 days with a reason, back to in_progress with a new deadline', async () => {
    const s = await fresh(t, 'resolved')
    const before = ok(await t.call<SuggestionDetail>(FN, s.openid, 'detail', { id: s.id }))
    expect(before.viewer).toMatchObject({ canReopen: true, canRate: true })
    const d = ok(
      await t.call<SuggestionDetail>(FN, s.openid, 'reopen', {
        id: s.id,
        reason: '又漏了，根本没修好',
      }),
    )
    expect(d.status).toBe('in_progress')
    expect(d.result).toBeNull()
    expect(d.timeline.at(-1)).toMatchObject({
      kind: 'reopened',
      from: 'resolved',
      to: 'in_progress',
      note: '又漏了，根本没修好',
    })
    expect((doc(s.id).resolveDueAt as Date).getTime()).toBeGreaterThan(Date.now() + 6 * 86400_000)
    expect(
      messagesOf('demo-liaison').find(
        (m) => m.refId === s.id && m.title === `建议 ${s.no} 被重新打开`,
      ),
    ).toBeDefined()
    expectCode(
      await t.call(FN, s.openid, 'reopen', { id: s.id, reason: '又漏了，根本没修好' }),
      'CONFLICT',
    )
    // and it can be resolved again
    ok(
      await t.call(FN, ROLES.staff, 'transition', {
        id: s.id,
        to: 'resolved',
        note: '这次整体重做了防水',
      }),
    )
  })

  it('a reopened suggestion is rated afresh once it is fixed again', async () => {
    const s = await fresh(t, 'resolved')
    ok(await t.call(FN, s.openid, 'rate', { id: s.id, score: 5, comment: '修好了' }))
    ok(await t.call(FN, s.openid, 'reopen', { id: s.id, reason: '过了两天又漏了' }))
    expect(doc(s.id).rating).toBeNull()
    ok(await t.call(FN, ROLES.staff, 'transition', { id: s.id, to: 'resolved', note: '换了水管' }))
    const d = ok(await t.call<SuggestionDetail>(FN, s.openid, 'rate', { id: s.id, score: 3 }))
    expect(d.rating).toMatchObject({ score: 3 })
    // the first rating stays on the timeline
    expect(d.timeline.filter((e) => e.kind === 'rated').map((e) => e.note)).toEqual([
      '★★★★★ 修好了',
      '★★★☆☆',
    ])
  })

  it('refuses to reopen more than 7 days after resolution', async () => {
    // seed-s10: resolved 15 days ago by seed-lh-2-3-102
    const res = await t.call(FN, 'seed-lh-2-3-102', 'reopen', {
      id: 'seed-s10',
      reason: '又堵了，还是不行',
    })
    expectCode(res, 'CONFLICT')
    expect(doc('seed-s10').status).toBe('resolved')
  })
})

describe('board, second and comment', () => {
  it('publishes and withdraws (staff), idempotently, with the timeline and a message', async () => {
    const s = await fresh(t, 'accepted')
    const d = ok(
      await t.call<SuggestionDetail>(FN, ROLES.staff, 'publish', { id: s.id, published: true }),
    )
    expect(d.published).toBe(true)
    const again = ok(
      await t.call<SuggestionDetail>(FN, ROLES.staff, 'publish', { id: s.id, published: true }),
    )
    expect(again.timeline.length).toBe(d.timeline.length)
    expect(messagesOf(s.openid).at(-1)).toMatchObject({
      title: expect.stringMatching(/^您的建议已在议事长廊公开：.+/),
      pushed: null,
    })
    const board = ok(await t.call<Page<SuggestionSummary>>(FN, ROLES.neighbour, 'board', {}))
    expect(board.items[0].id).toBe(s.id)
    const off = ok(
      await t.call<SuggestionDetail>(FN, ROLES.staff, 'publish', { id: s.id, published: false }),
    )
    expect(off.timeline.map((e) => e.kind).slice(-2)).toEqual(['published', 'unpublished'])
    const after = ok(
      await t.call<Page<SuggestionSummary>>(FN, ROLES.neighbour, 'board', { limit: 100 }),
    )
    expect(after.items.some((i) => i.id === s.id)).toBe(false)
    expectCode(await t.call(FN, ROLES.neighbour, 'detail', { id: s.id }), 'NOT_FOUND')
  })

  it('pages the board by cursor, newest first or most seconded first, without repeats', async () => {
    const published = t.cloud.store.count('suggestions', { communityId: 'ESLP', published: true })
    for (const sort of ['newest', 'seconds'] as const) {
      const seen: SuggestionSummary[] = []
      let cursor: string | null = null
      do {
        const page: Page<SuggestionSummary> = ok(
          await t.call<Page<SuggestionSummary>>(FN, ROLES.neighbour, 'board', {
            sort,
            limit: 2,
            cursor,
          }),
        )
        seen.push(...page.items)
        cursor = page.cursor
      } while (cursor)
      expect(seen.length).toBe(published)
      expect(new Set(seen.map((s) => s.id)).size).toBe(published)
      if (sort === 'seconds') {
        const counts = seen.map((s) => s.seconds)
        expect(counts).toEqual([...counts].sort((a, b) => b - a))
        expect(seen[0].id).toBe('seed-s08') // the parking lot, 48 seconds
      }
    }
    expectCode(
      await t.call(FN, ROLES.neighbour, 'board', { cursor: 'not-a-cursor' }),
      'INVALID_INPUT',
    )
  })

  it('seconds once per resident; the count on the suggestion is exact', async () => {
    const s = await fresh(t, 'accepted')
    ok(await t.call(FN, ROLES.staff, 'publish', { id: s.id, published: true }))
    const r = ok(await t.call<{ seconds: number }>(FN, ROLES.neighbour, 'second', { id: s.id }))
    expect(r.seconds).toBe(1)
    const again = await t.call(FN, ROLES.neighbour, 'second', { id: s.id })
    expect(again.ok || again.error).toEqual({ code: 'CONFLICT', message: '您已经附议过了' })
    expect(doc(s.id).seconds).toBe(1)
    const d = ok(await t.call<SuggestionDetail>(FN, ROLES.neighbour, 'detail', { id: s.id }))
    expect(d.viewer).toMatchObject({
      seconded: true,
      canSecond: false,
      canComment: true,
      mine: false,
      handler: false,
    })
  })

  it('counts similar suggestions and, apart, the neighbours who made them', async () => {
    const viewer = uniq('viewer')
    addResident(t, viewer, 'LH-4-1-101')
    const where = { buildingId: 'LH-4', category: '绿化' }
    const before = ok(await t.call<SimilarResult>(FN, viewer, 'similar', where))
    const [a, b] = [uniq('green-a'), uniq('green-b')]
    await submit(t, a, { ...where, text: '楼前的树枝挡住了路灯' })
    await submit(t, a, { ...where, text: '楼前的树好久没修剪了' })
    await submit(t, b, { ...where, text: '花坛里杂草比人还高' })
    const after = ok(await t.call<SimilarResult>(FN, viewer, 'similar', where))
    expect(after.count).toBe(before.count + 3)
    expect(after.residents).toBe(before.residents + 2)
    // one's own are not "neighbours"
    const own = ok(await t.call<SimilarResult>(FN, a, 'similar', where))
    expect(own.residents).toBe(after.residents - 1)
  })

  it('lets a resident of the same building second an open suggestion from the similar prompt', async () => {
    const s = await fresh(t, 'submitted')
    const mate = uniq('mate')
    addResident(t, mate, 'LH-1-4-602')
    const similar = ok(
      await t.call<SimilarResult>(FN, mate, 'similar', { buildingId: 'LH-1', category: '漏水' }),
    )
    expect(similar.items.some((i) => i.id === s.id)).toBe(true)
    ok(await t.call(FN, mate, 'second', { id: s.id }))
    expect(doc(s.id).seconds).toBe(1)
    // not once it is closed
    const closed = await fresh(t, 'declined')
    expectCode(await t.call(FN, mate, 'second', { id: closed.id }), 'NOT_FOUND')
  })

  it('comments as "<楼>居民", never a room, and tells the submitter', async () => {
    const s = await fresh(t, 'in_progress')
    ok(await t.call(FN, ROLES.staff, 'publish', { id: s.id, published: true }))
    const c = ok(
      await t.call<CommentView>(FN, ROLES.neighbour, 'comment', {
        id: s.id,
        text: '我们楼也有这个问题',
      }),
    )
    expect(c).toMatchObject({ author: '3号楼居民', text: '我们楼也有这个问题', mine: true })
    const d = ok(await t.call<SuggestionDetail>(FN, s.openid, 'detail', { id: s.id }))
    expect(d.comments).toEqual([{ ...c, mine: false }])
    expect(JSON.stringify(d.comments)).not.toMatch(/502|demo-neighbour/)
    expect(messagesOf(s.openid).at(-1)).toMatchObject({ kind: 'comment' })
    expectCode(
      await t.call(FN, ROLES.neighbour, 'comment', { id: s.id, text: '网赌来钱快' }),
      'CONTENT_REJECTED',
    )
  })
})

describe('award (金点子)', () => {
  it('marks it golden, credits the household and writes a ledger entry that agrees', async () => {
    const openid = uniq('gold')
    addResident(t, openid, 'LH-5-4-101')
    const a = await fresh(t, 'resolved', openid)
    const b = await fresh(t, 'accepted', openid)
    const first = ok(
      await t.call<{ points: number; balance: number }>(FN, ROLES.staff, 'award', {
        id: a.id,
        points: 30,
      }),
    )
    expect(first).toEqual({ points: 30, balance: 30 })
    const second = ok(
      await t.call<{ points: number; balance: number }>(FN, ROLES.staff, 'award', { id: b.id }),
    )
    expect(second).toEqual({ points: 50, balance: 80 })
    expectCode(await t.call(FN, ROLES.staff, 'award', { id: a.id }), 'CONFLICT')
    const account = t.cloud.store.get('pointsAccounts', 'LH-5-4-101') as Doc
    const ledger = t.cloud.store.find(
      'pointsLedger',
      { householdId: 'LH-5-4-101' },
      { sort: { createdAt: 1 } },
    ) as Doc[]
    expect(account.balance).toBe(80)
    expect(ledger.map((l) => [l.delta, l.balanceAfter, l.kind, l.reason, l.refId])).toEqual([
      [30, 30, 'golden', `金点子：${a.no}`, a.id],
      [50, 80, 'golden', `金点子：${b.no}`, b.id],
    ])
    expect(ledger.reduce((sum, l) => sum + Number(l.delta), 0)).toBe(account.balance)
    const d = ok(await t.call<SuggestionDetail>(FN, openid, 'detail', { id: a.id }))
    expect(d.golden).toBe(true)
    expect(d.timeline.at(-1)).toMatchObject({ kind: 'golden', note: '评为金点子，奖励 30 积分' })
    expect(messagesOf(openid).find((m) => m.kind === 'golden')).toBeDefined()
  })

  it('needs the submitting household', async () => {
    const s = await fresh(t, 'resolved', 'demo-newcomer')
    expectCode(await t.call(FN, ROLES.staff, 'award', { id: s.id }), 'CONFLICT')
    expect(doc(s.id).golden).toBe(false)
  })
})

describe('inbox', () => {
  it('filters by status, building, category and overdue, with counts', async () => {
    const all = ok(await t.call<InboxPage>(FN, ROLES.staff, 'inbox', { limit: 100 }))
    const esl = t.cloud.store.find('suggestions', { communityId: 'ESLP' }) as Doc[]
    expect(all.counts.total).toBe(esl.length)
    for (const s of STATUSES)
      expect(all.counts[s] ?? 0).toBe(esl.filter((d) => d.status === s).length)
    const overdue = ok(
      await t.call<InboxPage>(FN, ROLES.staff, 'inbox', { overdue: true, limit: 100 }),
    )
    expect(overdue.items.length).toBeGreaterThan(0)
    expect(overdue.items.every((i) => i.overdue !== null)).toBe(true)
    expect(overdue.items.length).toBe(all.counts.overdue)
    expect(all.items.filter((i) => i.overdue).length).toBe(all.counts.overdue)
    expect(overdue.items.map((i) => i.id)).toEqual(
      expect.arrayContaining(['seed-s13', 'seed-s21', 'seed-s09', 'seed-s19']),
    )
    expect(overdue.items.find((i) => i.id === 'seed-s13')?.overdue).toBe('accept')
    expect(overdue.items.find((i) => i.id === 'seed-s19')?.overdue).toBe('resolve')

    const filtered = ok(
      await t.call<InboxPage>(FN, ROLES.staff, 'inbox', {
        status: 'resolved',
        buildingId: 'LH-3',
        category: '环境卫生',
      }),
    )
    expect(filtered.items.map((i) => i.id).sort()).toEqual(['seed-s15', 'seed-s16'])
    expect(filtered.counts.resolved).toBe(2)
    // a building outside the caller's scope gives nothing
    const outside = ok(await t.call<InboxPage>(FN, ROLES.liaison, 'inbox', { buildingId: 'LH-3' }))
    expect(outside.items).toEqual([])
    expect(outside.counts.total).toBe(0)
  })

  it('pages newest first without repeats', async () => {
    const ids: string[] = []
    let cursor: string | null = null
    let last = Infinity
    do {
      const page: InboxPage = ok(
        await t.call<InboxPage>(FN, ROLES.liaison, 'inbox', { limit: 7, cursor }),
      )
      for (const i of page.items) {
        expect(Date.parse(i.createdAt)).toBeLessThanOrEqual(last)
        last = Date.parse(i.createdAt)
        ids.push(i.id)
      }
      cursor = page.cursor
    } while (cursor)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(
      t.cloud.store.count('suggestions', { buildingId: { $in: ['LH-1', 'LH-2'] } }),
    )
  })

  it('costs three round trips: user, page, counts', async () => {
    const res = await t.callRaw(FN, ROLES.staff, { action: 'inbox', data: { status: 'submitted' } })
    expect(res.roundTrips).toBe(3)
  })
})

describe('stats', () => {
  const day = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)

  it("adds up the community's suggestions of the range", async () => {
    const from = day(Date.now() - 45 * 86400_000)
    const to = day(Date.now())
    const s = ok(await t.call<StatsResult>(FN, ROLES.staff, 'stats', { from, to }))
    const start = Date.parse(`${from}T00:00:00+08:00`)
    const docs = (t.cloud.store.find('suggestions', { communityId: 'ESLP' }) as Doc[]).filter(
      (d) => (d.createdAt as Date).getTime() >= start,
    )
    expect(s.total).toBe(docs.length)
    expect(Object.values(s.byStatus).reduce((a, b) => a + b, 0)).toBe(s.total)
    expect(s.byCategory.reduce((a, c) => a + c.count, 0)).toBe(s.total)
    expect(s.byBuilding.reduce((a, c) => a + c.count, 0)).toBe(s.total)
    const resolved = docs.filter((d) => d.status === 'resolved').length
    const declined = docs.filter((d) => d.status === 'declined').length
    expect(s.resolutionRate).toBeCloseTo(resolved / (docs.length - declined), 2)
    const rated = docs.filter((d) => d.rating).map((d) => (d.rating as { score: number }).score)
    expect(s.ratedCount).toBe(rated.length)
    expect(s.averageRating).toBeCloseTo(rated.reduce((a, b) => a + b, 0) / rated.length, 1)
    const median = (v: number[]) => {
      const x = [...v].sort((a, b) => a - b)
      const m = x.length >> 1
      return x.length % 2 ? x[m] : (x[m - 1] + x[m]) / 2
    }
    const hours = (d: Doc, field: string) =>
      ((d[field] as Date).getTime() - (d.createdAt as Date).getTime()) / 3600_000
    const accepted = docs.filter((d) => d.acceptedAt).map((d) => hours(d, 'acceptedAt'))
    const done = docs.filter((d) => d.status === 'resolved').map((d) => hours(d, 'resolvedAt'))
    expect(s.medianHoursToAccept).toBeCloseTo(median(accepted), 0)
    expect(s.medianHoursToResolve).toBeCloseTo(median(done), 0)
    expect(s.overdue).toBeGreaterThanOrEqual(4)
    // the parking lot (seed-s08) was submitted 40 days ago and resolved 33 days later
    expect(s.byCategory.find((c) => c.category === '停车')?.count).toBeGreaterThanOrEqual(2)
  })

  it('refuses impossible ranges', async () => {
    for (const [from, to] of [
      ['2026-02-30', '2026-03-01'],
      ['2026-03-02', '2026-03-01'],
      ['2024-01-01', '2026-01-01'],
      ['2026/01/01', '2026-01-31'],
    ]) {
      expectCode(await t.call(FN, ROLES.staff, 'stats', { from, to }), 'INVALID_INPUT')
    }
  })

  it('is empty for a range with nothing in it', async () => {
    const s = ok(
      await t.call<StatsResult>(FN, ROLES.staff, 'stats', { from: '2020-01-01', to: '2020-01-31' }),
    )
    expect(s).toMatchObject({
      total: 0,
      resolutionRate: null,
      medianHoursToAccept: null,
      averageRating: null,
      overdue: 0,
    })
  })
})

describe('mine', () => {
  it("pages the caller's own suggestions, newest first", async () => {
    const openid = uniq('pager')
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await submit(t, openid, { text: `第${i}条建议内容` })).id)
    const p1 = ok(await t.call<Page<SuggestionSummary>>(FN, openid, 'mine', { limit: 3 }))
    const p2 = ok(
      await t.call<Page<SuggestionSummary>>(FN, openid, 'mine', { limit: 3, cursor: p1.cursor }),
    )
    expect([...p1.items, ...p2.items].map((s) => s.id)).toEqual([...ids].reverse())
    expect(p2.cursor).toBeNull()
  })
})

describe('account.messages / readMessages', () => {
  it('lists the caller’s messages newest first with the unread count, and marks them read', async () => {
    const openid = uniq('reader')
    const s = await fresh(t, 'resolved', openid)
    const page = ok(
      await t.call<Page<MessageView> & { unread: number }>('account', openid, 'messages', {
        limit: 2,
      }),
    )
    expect(page.unread).toBe(3)
    expect(page.items.map((m) => m.title.split('：')[0])).toEqual([
      '您的建议已办结',
      '您的建议正在办理',
    ])
    expect(page.items[0]).toMatchObject({
      kind: 'status',
      read: false,
      link: expect.stringContaining(s.id),
    })
    const rest = ok(
      await t.call<Page<MessageView>>('account', openid, 'messages', {
        limit: 2,
        cursor: page.cursor,
      }),
    )
    expect(rest.items.map((m) => m.title.split('：')[0])).toEqual(['您的建议已受理'])
    expect(rest.cursor).toBeNull()

    // someone else's ids are ignored
    const unreadOfLiaison = () => messagesOf('demo-liaison').filter((m) => !m.read)
    const theirs = (unreadOfLiaison()[0] as { _id: string })._id
    const r1 = ok(
      await t.call<{ unread: number }>('account', openid, 'readMessages', {
        ids: [page.items[0].id, theirs],
      }),
    )
    expect(r1.unread).toBe(2)
    expect(unreadOfLiaison().some((m) => m._id === theirs)).toBe(true)
    const r2 = ok(await t.call<{ unread: number }>('account', openid, 'readMessages', {}))
    expect(r2.unread).toBe(0)
    expect(messagesOf(openid).every((m) => m.read)).toBe(true)
  })

  it('has seeded messages for the demo resident and liaison', async () => {
    for (const openid of ['demo-resident', 'demo-liaison']) {
      const page = ok(
        await t.call<Page<MessageView> & { unread: number }>('account', openid, 'messages', {
          limit: 50,
        }),
      )
      expect(page.items.length).toBeGreaterThan(2)
    }
  })
})

// An anonymous suggestion never shows its household or WeChat identity to anyone but its
// submitter: every other viewer's every response, message and push is searched for them.
import type { SimilarResult, SuggestionDetail } from '../../src/contract/suggestion'
import { ANONYMITY_NOTICE } from '../../src/contract/suggestion'
import { uploadDirOf } from '../../server/uploads'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import { addResident, FN, grantSubscription, ROLES, storageHas, upload } from './suggestion-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

const SUBMITTER = 'anon-resident-1'
const HOUSEHOLD = 'LH-1-3-502'
const PHONE = '13912345678'
// the upload folder's pseudonym too: it would tie the anonymous photos to the same person's named ones
const SECRETS = [
  SUBMITTER,
  uploadDirOf(SUBMITTER),
  HOUSEHOLD,
  '3单元 502',
  '3单元502',
  '1号楼 3单元',
]

it('promises in one sentence exactly what is hidden and from whom', () => {
  expect(ANONYMITY_NOTICE).toMatch(/民情速递员、社区两委和邻居都看不到您的房号和微信身份/)
  // the phone is the one thing handlers still see, and the sentence says so
  expect(ANONYMITY_NOTICE).toMatch(/留了电话，民情速递员和社区两委能看到电话/)
})

it('never reveals an anonymous submitter to anyone else', async () => {
  addResident(t, SUBMITTER, HOUSEHOLD)
  await grantSubscription(t, ROLES.liaison, 3)
  await grantSubscription(t, SUBMITTER, 3)
  const seen: { who: string; what: string; body: unknown }[] = []
  const as = async <T>(who: string, action: string, data: unknown, fn = FN): Promise<T> => {
    const res = await t.call<T>(fn, who, action, data)
    const body = ok(res)
    if (who !== SUBMITTER) seen.push({ who, what: `${fn}.${action}`, body })
    return body
  }

  const a = await upload(t, SUBMITTER, 'leak-1.jpg')
  const b = await upload(t, SUBMITTER, 'leak-2.png')
  const { id } = await as<{ id: string }>(SUBMITTER, 'submit', {
    buildingId: 'LH-1',
    category: '漏水',
    text: '楼上邻居装修把防水层打坏了，我家天花板一直渗水',
    images: [a, b],
    contactPhone: PHONE,
    anonymous: true,
  })

  // the photos were moved out of the folder that names the submitter
  const stored = t.cloud.store.get('suggestions', id) as { images: string[] }
  expect(stored.images).toHaveLength(2)
  for (const img of stored.images) {
    expect(img).toMatch(/^cloud:\/\/[^/]+\/suggestions\/anonymous\/[0-9a-f]{24}\.(jpg|png)$/)
    expect(await storageHas(t, img)).toBe(true)
  }
  expect(await storageHas(t, a)).toBe(false)
  expect(await storageHas(t, b)).toBe(false)

  await as(ROLES.liaison, 'transition', { id, to: 'accepted', note: '收到，请留意电话' })
  const later = await upload(t, SUBMITTER, 'more.jpg')
  await as(SUBMITTER, 'reply', { id, text: '又拍了一张，渗得更厉害了', images: [later] })
  await as(ROLES.staff, 'transition', { id, to: 'in_progress', note: '已协调楼上住户修复' })
  await as(ROLES.staff, 'publish', { id, published: true })
  await as(ROLES.neighbour, 'second', { id })
  await as(ROLES.neighbour, 'comment', { id, text: '我们楼也遇到过，支持' })
  await as(ROLES.liaison, 'reply', { id, text: '明天上午师傅上门' })
  await as(ROLES.staff, 'transition', { id, to: 'resolved', note: '楼上已重做防水' })
  await as(SUBMITTER, 'rate', { id, score: 5, comment: '谢谢' })
  const award = await as<{ balance: number | null }>(ROLES.staff, 'award', { id, points: 20 })
  expect(award.balance).toBeNull()

  for (const who of [ROLES.liaison, ROLES.staff, ROLES.neighbour, ROLES.otherLiaison]) {
    const d = await as<SuggestionDetail>(who, 'detail', { id })
    expect(d.submitter).toBeNull()
    expect(d.viewer.mine).toBe(false)
    expect(
      d.timeline.filter((e) => e.by.role === 'resident').every((e) => e.by.label === '匿名居民'),
    ).toBe(true)
    expect(d.images.every((i) => i.includes('/suggestions/anonymous/'))).toBe(true)
    // handlers see the phone the resident chose to leave; neighbours do not
    expect(d.contactPhone).toBe(who === ROLES.liaison || who === ROLES.staff ? PHONE : null)
  }
  await as(ROLES.liaison, 'inbox', { limit: 100 })
  await as(ROLES.staff, 'inbox', { limit: 100, overdue: false })
  await as(ROLES.neighbour, 'board', { limit: 100 })
  await as(ROLES.staff, 'board', { sort: 'seconds', limit: 100 })
  await as(ROLES.liaison, 'similar', { buildingId: 'LH-1', category: '漏水' })
  await as(ROLES.staff, 'stats', { from: '2026-01-01', to: '2026-12-31' })
  for (const who of [ROLES.liaison, ROLES.staff, ROLES.neighbour, ROLES.otherLiaison]) {
    await as(who, 'messages', { limit: 100 }, 'account')
  }

  const text = JSON.stringify(seen)
  for (const secret of SECRETS) expect(text).not.toContain(secret)
  // and the phone only ever reached the handlers
  for (const s of seen) {
    if (s.who !== ROLES.liaison && s.who !== ROLES.staff)
      expect(JSON.stringify(s.body)).not.toContain(PHONE)
  }

  // nor in anything stored for someone else: their messages, their pushes, the ledger's reason
  const others = (c: string, key: string) =>
    JSON.stringify(
      t.cloud.store.find(c, {}).filter((m) => (m as Record<string, unknown>)[key] !== SUBMITTER),
    )
  for (const secret of SECRETS) {
    expect(others('messages', 'openid')).not.toContain(secret)
    expect(others('outbox', 'touser')).not.toContain(secret)
    expect(
      JSON.stringify(t.cloud.store.find('suggestionComments', { suggestionId: id })),
    ).not.toContain(secret)
  }
  const ledger = t.cloud.store.find('pointsLedger', { householdId: HOUSEHOLD })
  expect(JSON.stringify(ledger)).not.toContain(id)
  expect(ledger).toEqual([
    expect.objectContaining({
      delta: 20,
      balanceAfter: 20,
      reason: '金点子（匿名建议）',
      refId: null,
    }),
  ])

  // the submitter, and only they, see it is theirs
  const own = ok(await t.call<SuggestionDetail>(FN, SUBMITTER, 'detail', { id }))
  expect(own.viewer.mine).toBe(true)
  expect(own.submitter).toEqual({ householdLabel: '陇海安居 1号楼 3单元 502' })
  expect(t.cloud.store.find('messages', { openid: SUBMITTER }).length).toBeGreaterThanOrEqual(6)
})

it("keeps a named submitter's household from board readers too", async () => {
  const d = ok(await t.call<SuggestionDetail>(FN, ROLES.neighbour, 'detail', { id: 'seed-s07' }))
  expect(d.submitter).toBeNull()
  expect(d.contactPhone).toBeNull()
  // the board sees decisions and results (两公开), not the private thread
  expect(
    d.timeline.every((e) => ['submitted', 'status', 'published', 'golden'].includes(e.kind)),
  ).toBe(true)
  expect(JSON.stringify(d)).not.toMatch(/demo-resident|LH-1-2-301|2单元 301/)
  const staff = ok(await t.call<SuggestionDetail>(FN, ROLES.staff, 'detail', { id: 'seed-s07' }))
  expect(staff.submitter).toEqual({ householdLabel: '陇海安居 1号楼 2单元 301' })
})

it("shows board readers a named suggestion's photos without the uploader's openid", async () => {
  const resident = 'named-photographer-1'
  addResident(t, resident, 'LH-1-1-101')
  const photo = await upload(t, resident, 'roof.jpg')
  const { id } = ok(
    await t.call<{ id: string }>(FN, resident, 'submit', {
      buildingId: 'LH-1',
      category: '漏水',
      text: '顶楼楼道窗户下雨就往里灌水',
      images: [photo],
    }),
  )
  ok(await t.call(FN, ROLES.staff, 'publish', { id, published: true }))
  const d = ok(await t.call<SuggestionDetail>(FN, ROLES.neighbour, 'detail', { id }))
  expect(d.images).toHaveLength(1)
  const board = ok(await t.call(FN, ROLES.neighbour, 'board', { limit: 100 }))
  expect(JSON.stringify([d, board])).not.toContain(resident)
})

it('does not let the similar-suggestion count tie an anonymous suggestion to its submitter', async () => {
  const resident = 'anon-and-named-1'
  addResident(t, resident, 'LH-2-1-101')
  const where = { buildingId: 'LH-2', category: '安全隐患' as const }
  const before = ok(await t.call<SimilarResult>(FN, ROLES.staff, 'similar', where))
  for (const anonymous of [false, true]) {
    ok(
      await t.call(FN, resident, 'submit', {
        ...where,
        text: anonymous ? '二楼楼道的灭火器过期了' : '楼道里电动车乱停堵住了',
        anonymous,
      }),
    )
  }
  const after = ok(await t.call<SimilarResult>(FN, ROLES.staff, 'similar', where))
  expect(after.count).toBe(before.count + 2)
  // two suggestions, two "neighbours": nothing says both came from one household
  expect(after.residents).toBe(before.residents + 2)
})

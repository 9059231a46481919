// 议事长廊 cards carry what the viewer needs: seconded already, own suggestion, decision, result.
import type { Page } from '../../src/contract/common'
import type { BoardItem } from '../../src/contract/suggestion'
import { ok, startTestCloud, type TestCloud } from '../support/cloud'
import { FN, ROLES } from './suggestion-support'

let t: TestCloud
beforeAll(async () => {
  t = await startTestCloud()
})
afterAll(async () => {
  await t.close()
})

const board = async (openid: string) =>
  ok(await t.call<Page<BoardItem>>(FN, openid, 'board', { limit: 50 })).items

it('marks what the viewer seconded, and stays marked on reload', async () => {
  const before = await board(ROLES.neighbour)
  const target = before.find((b) => b.canSecond && !b.seconded)
  expect(target).toBeDefined()
  if (!target) return
  ok(await t.call(FN, ROLES.neighbour, 'second', { id: target.id }))
  const after = await board(ROLES.neighbour)
  expect(after.find((b) => b.id === target.id)).toMatchObject({
    seconded: true,
    seconds: target.seconds + 1,
  })
  // another resident's view is their own
  const other = await board(ROLES.submitter)
  expect(other.find((b) => b.id === target.id)?.seconded).toBe(false)
})

it('marks the viewer’s own suggestions, and shows decisions and results publicly', async () => {
  const items = await board(ROLES.submitter)
  const ownIds = t.cloud.store
    .find('suggestions', { openid: ROLES.submitter, published: true })
    .map((d) => String(d._id))
  expect(
    items
      .filter((b) => b.mine)
      .map((b) => b.id)
      .sort(),
  ).toEqual(ownIds.sort())
  expect(items.some((b) => b.decision)).toBe(true)
  expect(items.some((b) => b.status === 'resolved' && b.resultText)).toBe(true)
  // nothing of another viewer's identity rides along
  expect(JSON.stringify(items)).not.toContain('openid')
})

it('offers 附议 to the community’s residents only, and dates each card by its publication', async () => {
  const resident = await board(ROLES.neighbour)
  expect(resident.length).toBeGreaterThan(0)
  // only what is still being worked on: a settled one (resolved, declined) has nothing to second
  const open = ['submitted', 'accepted', 'deliberating', 'in_progress']
  for (const b of resident) expect(b.canSecond).toBe(!b.mine && open.includes(b.status))
  expect(resident.some((b) => b.canSecond)).toBe(true)
  const settled = resident.find((b) => !b.mine && !open.includes(b.status))
  expect(settled).toBeDefined()
  const late = await t.call(FN, ROLES.neighbour, 'second', { id: settled?.id })
  expect(late.ok ? null : late.error.code).toBe('CONFLICT')
  // staff read their community's board but have no home in it to second from
  const staff = await board(ROLES.staff)
  expect(staff.map((b) => b.id).sort()).toEqual(resident.map((b) => b.id).sort())
  expect(staff.every((b) => !b.canSecond)).toBe(true)
  const refused = await t.call(FN, ROLES.staff, 'second', { id: staff[0].id })
  expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN')
  // 最新公开: ordered by publication time, which every card carries
  const times = resident.map((b) => Date.parse(b.publishedAt ?? ''))
  expect(times.every((n) => !Number.isNaN(n))).toBe(true)
  expect([...times].sort((a, b) => b - a)).toEqual(times)
})

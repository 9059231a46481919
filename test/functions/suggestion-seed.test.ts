// The demo data of the suggestion box: the 28 problems of 陇海安居's first round, alive and coherent.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Store } from '../../local-cloud/src'
import { demoData, seedIfEmpty } from '../../seed'
import { STATUSES, TRANSITIONS } from '../../src/contract/suggestion'
import type { SecondDoc, SuggestionDoc } from '../../cloudfunctions/suggestion/src/lib/model'
import type { MessageDoc } from '../../server/messages'
import type { PointsAccountDoc, PointsLedgerDoc } from '../../server/points'

const now = new Date()
const data = demoData(now)
const suggestions = data.suggestions as SuggestionDoc[]
const longhai = suggestions.filter((s) => s.estateId === 'LHAJ')

it('has the 28 problems of 陇海安居 in every state, across all five buildings', () => {
  expect(longhai).toHaveLength(28)
  for (const status of STATUSES) expect(longhai.some((s) => s.status === status)).toBe(true)
  expect(new Set(longhai.map((s) => s.buildingId))).toEqual(
    new Set(['LH-1', 'LH-2', 'LH-3', 'LH-4', 'LH-5']),
  )
  expect(longhai.filter((s) => s.anonymous).length).toBeGreaterThanOrEqual(3)
  expect(new Set(suggestions.map((s) => s.no)).size).toBe(suggestions.length)
  const texts = longhai.map((s) => s.text).join('')
  for (const problem of ['漏水', '下水', '路灯', '停车', '垃圾场', '车棚', '门球场', '绿地'])
    expect(texts).toContain(problem)
})

it('gives the demo resident several suggestions in different states', () => {
  const mine = suggestions.filter((s) => s.openid === 'demo-resident')
  expect(mine.length).toBeGreaterThanOrEqual(5)
  expect(new Set(mine.map((s) => s.status)).size).toBeGreaterThanOrEqual(5)
  // one can still be rated and reopened
  expect(
    mine.some(
      (s) =>
        s.status === 'resolved' &&
        !s.rating &&
        s.resolvedAt &&
        now.getTime() - s.resolvedAt.getTime() < 7 * 86400_000,
    ),
  ).toBe(true)
})

it('has timelines that follow the lifecycle and lie in the past', () => {
  for (const s of suggestions) {
    expect(s.timeline[0]).toMatchObject({ kind: 'submitted', at: s.createdAt })
    let status = 'submitted' as SuggestionDoc['status']
    let last = 0
    for (const e of s.timeline) {
      expect(e.at.getTime()).toBeGreaterThanOrEqual(last)
      expect(e.at.getTime()).toBeLessThanOrEqual(now.getTime())
      last = e.at.getTime()
      if (e.kind === 'status') {
        expect(e.from).toBe(status)
        expect(TRANSITIONS[status]).toContain(e.to)
        status = e.to as SuggestionDoc['status']
      }
      if (e.kind === 'reopened') status = 'in_progress'
    }
    expect(s.status).toBe(status)
    expect(JSON.stringify(s.timeline)).not.toContain(s.openid)
  }
})

it('is alive: some overdue, some rated, the parking lot deliberated and published, one golden idea', () => {
  expect(longhai.some((s) => s.status === 'submitted' && s.acceptDueAt < now)).toBe(true)
  expect(longhai.some((s) => s.status === 'in_progress' && s.resolveDueAt < now)).toBe(true)
  expect(longhai.filter((s) => s.rating).length).toBeGreaterThanOrEqual(8)
  const parking = longhai.find((s) => s.category === '停车' && s.status === 'resolved')
  expect(parking?.decision).toMatch(/停车场/)
  expect(parking?.published).toBe(true)
  expect(parking?.timeline.some((e) => e.to === 'deliberating')).toBe(true)
  expect(longhai.filter((s) => s.golden)).toHaveLength(1)
})

it('keeps seconds, ledger and messages consistent with the suggestions', () => {
  const seconds = data.suggestionSeconds as SecondDoc[]
  for (const s of suggestions) {
    expect(seconds.filter((x) => x.suggestionId === s._id).length).toBe(s.seconds)
    if (!s.published) expect(s.seconds).toBe(0)
  }
  const accounts = data.pointsAccounts as PointsAccountDoc[]
  const ledger = data.pointsLedger as PointsLedgerDoc[]
  for (const a of accounts) {
    expect(
      ledger.filter((l) => l.householdId === a.householdId).reduce((n, l) => n + l.delta, 0),
    ).toBe(a.balance)
  }
  const messages = data.messages as MessageDoc[]
  for (const openid of ['demo-resident', 'demo-liaison']) {
    const theirs = messages.filter((m) => m.openid === openid)
    expect(theirs.length).toBeGreaterThanOrEqual(3)
    expect(theirs.some((m) => !m.read)).toBe(true)
    for (const m of theirs) expect(suggestions.some((s) => s._id === m.refId)).toBe(true)
  }
})

it('is written as one journal record, so a crash mid-seed leaves an empty store to seed again', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mqsd-seed-'))
  try {
    const store = Store.open(dir, { manifest: join(__dirname, '../../database/manifest.json') })
    expect(seedIfEmpty(store, now)).toBe(true)
    expect(seedIfEmpty(store, now)).toBe(false)
    store.close()
    const lines = readFileSync(join(dir, 'journal.jsonl'), 'utf8').split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

// `npm run bench`: what each action costs. Prints database round trips per action (counted by the
// local cloud for each invocation) and p50/p95 latency of submit, inbox and board with 100,000
// suggestions in the store. Figures only; nothing here passes or fails.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startLocalCloud, Store } from '../local-cloud/src'
import { buildFunctions } from '../scripts/build-functions'
import { demoData, seedIfEmpty } from '../seed'
import type { SuggestionDoc } from '../cloudfunctions/suggestion/src/lib/model'
import { CATEGORIES, STATUSES } from '../src/contract/suggestion'
import { benchPoints } from './points'
import { benchActivities } from './activity'

const ROOT = resolve(__dirname, '..')
const SUGGESTIONS = Number(process.env.BENCH_SUGGESTIONS ?? 100_000)
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100)
const DAY = 24 * 3600 * 1000

interface Timed {
  ms: number
  roundTrips: number
  ok: boolean
  code?: string
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** 100,000 suggestions spread over both communities, every building, status and the past year. */
function bulkSuggestions(
  template: SuggestionDoc,
  buildings: {
    _id: string
    name: string
    communityId: string
    communityName: string
    estateId: string
    estateName: string
  }[],
  now: Date,
): SuggestionDoc[] {
  const docs: SuggestionDoc[] = []
  for (let i = 0; i < SUGGESTIONS; i++) {
    const b = buildings[i % buildings.length]
    const created = new Date(now.getTime() - ((i * 7919) % 365) * DAY - (i % 86_400) * 1000)
    const status = STATUSES[i % STATUSES.length]
    const published = i % 10 === 0
    docs.push({
      ...template,
      _id: `bench${String(i).padStart(7, '0')}`,
      no: `B${String(i).padStart(7, '0')}`,
      openid: `bench-resident-${i % 5000}`,
      householdId: null,
      householdLabel: null,
      communityId: b.communityId,
      communityName: b.communityName,
      estateId: b.estateId,
      estateName: b.estateName,
      buildingId: b._id,
      buildingName: b.name,
      category: CATEGORIES[i % CATEGORIES.length],
      text: `第 ${i} 条测试建议：楼道灯不亮，晚上上下楼看不清。`,
      status,
      acceptDueAt: new Date(created.getTime() + DAY),
      resolveDueAt: new Date(created.getTime() + 7 * DAY),
      acceptedAt: status === 'submitted' ? null : new Date(created.getTime() + 3600_000),
      resolvedAt: status === 'resolved' ? new Date(created.getTime() + 3 * DAY) : null,
      seconds: published ? i % 37 : 0,
      published,
      publishedAt: published ? new Date(created.getTime() + DAY) : null,
      timeline: template.timeline.slice(0, 1).map((t) => ({ ...t, at: created })),
      createdAt: created,
      updatedAt: created,
    })
  }
  return docs
}

async function main(): Promise<void> {
  buildFunctions({ quiet: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'mqsd-bench-'))
  const manifestPath = join(ROOT, 'database', 'manifest.json')
  const now = new Date()

  let started = Date.now()
  const store = Store.open(dataDir, { manifest: manifestPath, fsync: true })
  seedIfEmpty(store, now)
  const data = demoData(now)
  const template = (data.suggestions as SuggestionDoc[])[0]
  const buildings = data.buildings as Parameters<typeof bulkSuggestions>[1]
  const docs = bulkSuggestions(template, buildings, now)
  for (let i = 0; i < docs.length; i += 5000)
    store.insertMany('suggestions', docs.slice(i, i + 5000))
  store.close()
  console.log(
    `seeded ${SUGGESTIONS.toLocaleString()} suggestions in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )

  started = Date.now()
  const cloud = await startLocalCloud({
    dataDir,
    port: 0,
    manifestPath,
    fsync: true,
    log: () => undefined,
  })
  console.log(`local cloud reopened the store in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)

  const call = async (
    fn: string,
    openid: string,
    action: string,
    payload?: unknown,
  ): Promise<Timed & { data?: unknown }> => {
    const t0 = performance.now()
    const res = await fetch(`${cloud.url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, data: payload }),
    })
    const body = (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } }
    return {
      ms: performance.now() - t0,
      roundTrips: Number(res.headers.get('x-db-round-trips')),
      ok: body.ok,
      code: body.error?.code,
      data: body.data,
    }
  }

  try {
    // --- round trips per action, one representative call each ---------------------------------
    const submitted = await call('suggestion', 'demo-resident', 'submit', {
      buildingId: 'LH-1',
      category: '照明',
      text: '单元门口的路灯坏了，晚上很黑。',
      images: [],
    })
    const id = (submitted.data as { id: string }).id
    const steps: [string, string, string, string, unknown][] = [
      ['account', 'login', 'demo-resident', '', {}],
      ['account', 'resolveScene', 'demo-newcomer', '', { scene: 'b=LH-1' }],
      [
        'account',
        'bindHousehold',
        'bench-binder',
        '',
        { buildingId: 'LH-1', unit: 1, room: '101' },
      ],
      ['account', 'messages', 'demo-resident', '', {}],
      ['suggestion', 'similar', 'demo-resident', '', { buildingId: 'LH-1', category: '照明' }],
      ['suggestion', 'mine', 'demo-resident', '', {}],
      ['suggestion', 'detail', 'demo-liaison', '', { id }],
      ['suggestion', 'inbox', 'demo-liaison', 'liaison, 2 buildings', {}],
      ['suggestion', 'inbox', 'demo-staff', 'staff, community', {}],
      ['suggestion', 'transition', 'demo-liaison', 'accept', { id, to: 'accepted' }],
      ['suggestion', 'reply', 'demo-liaison', '', { id, text: '明天安排电工来修。' }],
      ['suggestion', 'publish', 'demo-staff', '', { id, published: true }],
      ['suggestion', 'board', 'demo-resident', '', {}],
      ['suggestion', 'second', 'demo-neighbour', '', { id }],
      ['suggestion', 'comment', 'demo-neighbour', '', { id, text: '我们单元也是这样。' }],
      ['suggestion', 'award', 'demo-staff', '', { id }],
      ['suggestion', 'transition', 'demo-liaison', 'start', { id, to: 'in_progress' }],
      [
        'suggestion',
        'transition',
        'demo-liaison',
        'resolve',
        { id, to: 'resolved', note: '路灯已换新。' },
      ],
      ['suggestion', 'rate', 'demo-resident', '', { id, score: 5 }],
      ['suggestion', 'reopen', 'demo-resident', '', { id, reason: '换的灯又不亮了。' }],
      ['account', 'readMessages', 'demo-resident', '', {}],
      [
        'suggestion',
        'stats',
        'demo-staff',
        'one year',
        {
          from: new Date(now.getTime() - 365 * DAY).toISOString().slice(0, 10),
          to: now.toISOString().slice(0, 10),
        },
      ],
    ]
    console.log('database round trips per action')
    console.log(`  ${'suggestion.submit'.padEnd(42)} ${String(submitted.roundTrips).padStart(3)}`)
    for (const [fn, action, who, note, payload] of steps) {
      const r = await call(fn, who, action, payload)
      const label = `${fn}.${action}${note ? ` (${note})` : ''}`
      console.log(
        `  ${label.padEnd(42)} ${String(r.roundTrips).padStart(3)}${r.ok ? '' : `  [${r.code}]`}`,
      )
    }

    // --- latency with 100,000 suggestions --------------------------------------------------------
    const measure = async (label: string, run: (i: number) => Promise<Timed>) => {
      const times: number[] = []
      let failed = 0
      for (let i = 0; i < SAMPLES; i++) {
        const r = await run(i)
        if (!r.ok) failed++
        times.push(r.ms)
      }
      times.sort((a, b) => a - b)
      console.log(
        `  ${label.padEnd(36)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms${failed ? `   (${failed} failed)` : ''}`,
      )
    }
    console.log(
      `\nlatency, ${SUGGESTIONS.toLocaleString()} suggestions in the store, ${SAMPLES} sequential calls each`,
    )
    await measure('suggestion.submit', (i) =>
      call('suggestion', `bench-submitter-${i}`, 'submit', {
        buildingId: `DF-${(i % 23) + 1}`,
        category: CATEGORIES[i % CATEGORIES.length],
        text: `第 ${i} 号：垃圾桶满了没人清。`,
        images: [],
      }),
    )
    await measure('suggestion.inbox (liaison)', () =>
      call('suggestion', 'demo-liaison', 'inbox', {}),
    )
    await measure('suggestion.inbox (staff, overdue)', () =>
      call('suggestion', 'demo-staff-zt', 'inbox', { overdue: true }),
    )
    await measure('suggestion.board (newest)', () =>
      call('suggestion', 'demo-resident', 'board', { sort: 'newest' }),
    )
    await measure('suggestion.board (seconds)', () =>
      call('suggestion', 'demo-resident', 'board', { sort: 'seconds' }),
    )
    const yearAgo = new Date(now.getTime() - 365 * DAY).toISOString().slice(0, 10)
    await measure('suggestion.stats (staff, a year)', () =>
      call('suggestion', 'demo-staff-zt', 'stats', {
        from: yearAgo,
        to: now.toISOString().slice(0, 10),
      }),
    )

    await benchActivities(cloud)
  } finally {
    await cloud.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main()
  .then(benchPoints)
  .catch((err) => {
    console.error(err)
    process.exit(1)
  })

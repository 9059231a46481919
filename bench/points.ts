// The points domain's figures for `npm run bench` (垃圾分类积分, 东方现代城): the morning peak, a
// reward rush, a household with three years of history, and a year of the estate on disk.
// Figures only, printed; nothing here passes or fails (the rules are asserted in the tests).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startLocalCloud, Store, type LocalCloud } from '../local-cloud/src'
import { seedIfEmpty } from '../seed'
import { placesSeed } from '../seed/places'
import { pointsSeed } from '../seed/points'
import type { PointsAccountDoc, PointsLedgerDoc } from '../server/points'
import { dayKey } from '../server/time'

const ROOT = resolve(__dirname, '..')
const MANIFEST = join(ROOT, 'database', 'manifest.json')
const DAY = 24 * 3600_000
const REDEEMERS = Number(process.env.BENCH_REDEEMERS ?? 1000)
const STOCK = Number(process.env.BENCH_STOCK ?? 100)
const YEAR_DAYS = Number(process.env.BENCH_YEAR_DAYS ?? 365)
/**
 * Requests in flight at once during the rush: all 1,000 are sent together, and the gateway holds
 * at most this many open (one local process serves them all; WeChat runs many instances).
 */
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 100)

/** Runs the tasks with at most `limit` running at a time; results in order. */
async function limited<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++
        out[i] = await tasks[i]()
      }
    }),
  )
  return out
}

interface Answer {
  ms: number
  roundTrips: number
  ok: boolean
  code?: string
  data?: unknown
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return `p50 ${pct(s, 50).toFixed(1).padStart(6)}   p95 ${pct(s, 95).toFixed(1).padStart(6)}`
}

async function callOf(cloud: LocalCloud) {
  return async (openid: string, action: string, data: unknown): Promise<Answer> => {
    const t0 = performance.now()
    const res = await fetch(`${cloud.url}/api/points`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, data }),
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
}

function ledgersAgree(store: Store): { accounts: number; wrong: number; negative: number } {
  const sums = new Map<string, number>()
  for (const e of store.find('pointsLedger', {}) as unknown as PointsLedgerDoc[]) {
    sums.set(e.householdId, (sums.get(e.householdId) ?? 0) + e.delta)
  }
  const accounts = store.find('pointsAccounts', {}) as unknown as PointsAccountDoc[]
  return {
    accounts: accounts.length,
    wrong: accounts.filter((a) => a.balance !== (sums.get(a.householdId) ?? 0)).length,
    negative: accounts.filter((a) => a.balance < 0).length,
  }
}

async function withCloud<T>(
  prepare: (store: Store, now: Date) => void,
  run: (cloud: LocalCloud, now: Date) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pts-bench-'))
  const now = new Date()
  const store = Store.open(dataDir, { manifest: MANIFEST, fsync: false })
  seedIfEmpty(store, now)
  prepare(store, now)
  store.close()
  const cloud = await startLocalCloud({
    dataDir,
    port: 0,
    manifestPath: MANIFEST,
    fsync: true,
    log: () => undefined,
  })
  try {
    return await run(cloud, now)
  } finally {
    await cloud.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** 12 supervisors at once, each through its own point's households, every card scanned twice at once. */
async function morningPeak(): Promise<void> {
  const places = placesSeed()
  await withCloud(
    () => undefined,
    async (cloud) => {
      const call = await callOf(cloud)
      const supervisors = (
        cloud.store.find('users', { 'roles.role': 'supervisor' }) as unknown as {
          _id: string
          roles: { collectionPointId?: string }[]
        }[]
      ).map((u) => ({ openid: u._id, point: u.roles[0].collectionPointId }))
      const day = dayKey(new Date())
      const before = new Map(
        (cloud.store.find('pointsAccounts', {}) as unknown as PointsAccountDoc[]).map((a) => [
          a._id,
          a.balance,
        ]),
      )
      const first: Answer[] = []
      const second: Answer[] = []
      const started = performance.now()
      await Promise.all(
        supervisors.map(async (s) => {
          const mine = places.households.filter((h) => h.collectionPointId === s.point)
          for (const h of mine) {
            const input = (n: number) => ({
              householdId: h._id,
              correct: true,
              clientId: `peak-${h._id}-${n}`.slice(0, 32),
            })
            // the card is scanned twice at once (a nervous tap, a second phone)
            const [a, b] = await Promise.all([
              call(s.openid, 'record', input(1)),
              call(s.openid, 'record', input(2)),
            ])
            for (const r of [a, b]) {
              const status = r.ok ? (r.data as { status: string }).status : r.code
              ;(status === 'recorded' ? first : second).push(r)
            }
          }
        }),
      )
      const seconds = (performance.now() - started) / 1000
      // later in the morning the same cards come back: answered before any transaction
      const later: Answer[] = []
      for (const s of supervisors) {
        const mine = places.households.filter((h) => h.collectionPointId === s.point).slice(0, 40)
        for (const h of mine) {
          const clientId = `later-${h._id}`.slice(0, 32)
          later.push(
            await call(s.openid, 'record', { householdId: h._id, correct: true, clientId }),
          )
        }
      }
      const awards = cloud.store.find('pointsLedger', {
        _id: { $regex: `^sorting-DF-.*-${day}$` },
      }).length
      const sorting = places.households.filter((h) => h.collectionPointId)
      const plusThree = sorting.filter(
        (h) =>
          ((cloud.store.get('pointsAccounts', h._id) as PointsAccountDoc | null)?.balance ?? 0) -
            (before.get(h._id) ?? 0) ===
          3,
      ).length
      const failed = [...first, ...second].filter((r) => !r.ok).length
      const agree = ledgersAgree(cloud.store)
      console.log(
        `\npoints: the morning peak — 12 supervisors in parallel, ${sorting.length.toLocaleString()} households, each card scanned twice at once`,
      )
      console.log(
        `  ${(first.length + second.length).toLocaleString()} calls in ${seconds.toFixed(1)} s; awards today: ${awards.toLocaleString()}; households +3 exactly once: ${plusThree.toLocaleString()}; errors: ${failed}`,
      )
      console.log(
        `  record (first scan, awards)     ${stats(first.map((r) => r.ms))} ms   round trips ${stats(first.map((r) => r.roundTrips))}`,
      )
      console.log(
        `  record (the twin scan, at once)  ${stats(second.map((r) => r.ms))} ms   round trips ${stats(second.map((r) => r.roundTrips))}`,
      )
      console.log(
        `  record (a later scan, 已记录)    ${stats(later.map((r) => r.ms))} ms   round trips ${stats(later.map((r) => r.roundTrips))}`,
      )
      console.log(
        `  accounts ${agree.accounts.toLocaleString()}: balance ≠ ledger sum ${agree.wrong}, negative ${agree.negative}`,
      )
    },
  )
}

/** 1,000 households redeem one reward with stock 100 at the same moment. */
async function rewardRush(): Promise<void> {
  const places = placesSeed()
  const people = places.households.filter((h) => h.collectionPointId).slice(0, REDEEMERS)
  await withCloud(
    (store, now) => {
      store.insertMany(
        'users',
        people.map((h, i) => ({
          _id: `rush-${i}`,
          openid: `rush-${i}`,
          householdId: h._id,
          roles: [],
          createdAt: now,
          updatedAt: now,
        })),
      )
      store.insertMany('rewards', [
        {
          _id: 'rw-rush',
          communityId: 'ZTL',
          name: '洗洁精',
          description: '',
          photo: null,
          points: 30,
          stock: STOCK,
          monthlyLimit: 1,
          active: true,
          createdAt: now,
          updatedAt: now,
        },
      ])
      // everyone can afford it: 50 points each, balance and ledger together
      for (const h of people) {
        const acc = store.get('pointsAccounts', h._id) as PointsAccountDoc | null
        const after = (acc?.balance ?? 0) + 50
        if (acc)
          store.modify(
            'pointsAccounts',
            { _id: h._id },
            { operators: { $set: { balance: after } } },
            { multi: false, upsert: false },
          )
        else
          store.insertMany('pointsAccounts', [
            {
              _id: h._id,
              householdId: h._id,
              communityId: 'ZTL',
              balance: after,
              createdAt: now,
              updatedAt: now,
            },
          ])
        store.insertMany('pointsLedger', [
          {
            _id: `rush-grant-${h._id}`,
            householdId: h._id,
            communityId: 'ZTL',
            delta: 50,
            balanceAfter: after,
            kind: 'adjust',
            reason: '测试',
            refId: null,
            by: 'bench',
            createdAt: now,
          },
        ])
      }
    },
    async (cloud) => {
      const call = await callOf(cloud)
      const started = performance.now()
      const answers = await limited(
        people.map(
          (_, i) => () =>
            call(`rush-${i}`, 'redeem', { rewardId: 'rw-rush', clientToken: `rush-token-${i}` }),
        ),
        IN_FLIGHT,
      )
      const seconds = (performance.now() - started) / 1000
      const won = answers.filter((a) => a.ok)
      const codes = new Set(won.map((a) => (a.data as { code: string }).code))
      const stock = (cloud.store.get('rewards', 'rw-rush') as { stock: number }).stock
      const refusals = new Map<string, number>()
      for (const a of answers.filter((x) => !x.ok))
        refusals.set(a.code ?? '?', (refusals.get(a.code ?? '?') ?? 0) + 1)
      const agree = ledgersAgree(cloud.store)
      console.log(
        `\npoints: ${REDEEMERS.toLocaleString()} households redeem a reward of stock ${STOCK} at once (${IN_FLIGHT} requests in flight)`,
      )
      console.log(
        `  succeeded ${won.length} (distinct pickup codes ${codes.size}); stock left ${stock}; refused ${[...refusals].map(([c, n]) => `${c} ${n}`).join(', ')}; ${seconds.toFixed(1)} s`,
      )
      console.log(
        `  redeem ${stats(answers.map((a) => a.ms))} ms; winners' round trips ${stats(won.map((a) => a.roundTrips))}`,
      )
      console.log(
        `  accounts ${agree.accounts.toLocaleString()}: balance ≠ ledger sum ${agree.wrong}, negative ${agree.negative}`,
      )
    },
  )
}

/** One household with a record (and award) every day for three years. */
async function longHistory(): Promise<void> {
  const places = placesSeed()
  const h = places.households.find((x) => x._id === 'DF-1-2-1203')
  if (!h) throw new Error('bench: no demo household')
  const days = 3 * 365
  await withCloud(
    (store, now) => {
      // the same builders, one household, every day, everyone else left as seeded
      const all = pointsSeed(now, [h], places.collectionPoints, days)
      // a household that never misses a day
      for (const coll of [
        'sortingRecords',
        'pointsMonths',
        'pointsLedger',
        'pointsAccounts',
      ] as const) {
        store.remove(coll, { householdId: h._id }, { multi: true })
      }
      store.insertMany('sortingRecords', all.sortingRecords)
      store.insertMany('pointsMonths', all.pointsMonths)
      store.insertMany('pointsLedger', all.pointsLedger)
      store.insertMany('pointsAccounts', all.pointsAccounts)
    },
    async (cloud) => {
      const call = await callOf(cloud)
      const entries = cloud.store.find('pointsLedger', { householdId: h._id }).length
      const summary: Answer[] = []
      const first: Answer[] = []
      const deep: Answer[] = []
      for (let i = 0; i < 50; i++) summary.push(await call('demo-resident-zt', 'summary', {}))
      for (let i = 0; i < 50; i++)
        first.push(await call('demo-resident-zt', 'ledger', { limit: 20 }))
      let cursor: string | null = null
      for (let i = 0; i < 50; i++) {
        const r = await call('demo-resident-zt', 'ledger', { limit: 20, cursor })
        deep.push(r)
        cursor = (r.data as { cursor: string | null }).cursor
      }
      console.log(
        `\npoints: a household with three years of daily history (${entries.toLocaleString()} ledger entries)`,
      )
      console.log(
        `  summary (balance + month, by id) ${stats(summary.map((r) => r.ms))} ms   round trips ${summary[0].roundTrips}`,
      )
      console.log(
        `  ledger, first page of 20         ${stats(first.map((r) => r.ms))} ms   round trips ${first[0].roundTrips}`,
      )
      console.log(`  ledger, pages 1–50 by cursor     ${stats(deep.map((r) => r.ms))} ms`)
    },
  )
}

/** A year of 东方现代城 written to disk, then reopened by a process of its own. */
function yearOnDisk(): void {
  const places = placesSeed()
  const dataDir = mkdtempSync(join(tmpdir(), 'pts-year-'))
  const now = new Date()
  try {
    let started = Date.now()
    const store = Store.open(dataDir, { manifest: MANIFEST, fsync: false })
    // the demo itself, its history long before the year's (no id in common), accounts rebuilt below
    seedIfEmpty(store, new Date(now.getTime() - 400 * DAY))
    store.remove('pointsAccounts', { communityId: 'ZTL' }, { multi: true })
    let docs = 0
    for (const point of places.collectionPoints) {
      const households = places.households.filter((h) => h.collectionPointId === point._id)
      const s = pointsSeed(now, households, places.collectionPoints, YEAR_DAYS)
      for (const [coll, list] of [
        ['sortingRecords', s.sortingRecords],
        ['pointsMonths', s.pointsMonths],
        ['sortingPointDays', s.sortingPointDays],
        ['sortingBuildingMonths', s.sortingBuildingMonths],
        ['pointsLedger', s.pointsLedger],
      ] as const) {
        for (let i = 0; i < list.length; i += 5000) store.insertMany(coll, list.slice(i, i + 5000))
        docs += list.length
      }
      store.insertMany('pointsAccounts', s.pointsAccounts)
      docs += s.pointsAccounts.length
    }
    store.close()
    const wrote = (Date.now() - started) / 1000
    started = Date.now()
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'points-reopen.ts'), dataDir],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    )
    const { seconds, rss } = JSON.parse(out) as { seconds: number; rss: number }
    const scale = 365 / YEAR_DAYS
    console.log(
      `\npoints: ${YEAR_DAYS} days of 东方现代城 on disk (${docs.toLocaleString()} points documents), written in ${wrote.toFixed(0)} s`,
    )
    console.log(
      `  reopen the store: ${seconds.toFixed(1)} s; the process then holds ${(rss / 2 ** 30).toFixed(2)} GB`,
    )
    if (scale > 1.01) {
      console.log(
        `  a full year, extrapolated linearly ×${scale.toFixed(1)}: ~${((docs * scale) / 1e6).toFixed(2)} M documents, reopen ~${(seconds * scale).toFixed(0)} s, ~${((rss * scale) / 2 ** 30).toFixed(1)} GB`,
      )
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const PARTS: Record<string, () => Promise<void> | void> = {
  peak: morningPeak,
  rush: rewardRush,
  history: longHistory,
  year: yearOnDisk,
}

/**
 * Each part in a process of its own: a function's wx-server-sdk is initialised once per process
 * with the local cloud's URL, so one process cannot serve two stores. BENCH_POINTS=peak,rush
 * picks parts.
 */
export async function benchPoints(): Promise<void> {
  const only = process.env.BENCH_POINTS?.split(',') ?? Object.keys(PARTS)
  for (const part of Object.keys(PARTS).filter((p) => only.includes(p))) {
    execFileSync(process.execPath, ['--import', 'tsx', __filename, part], {
      stdio: 'inherit',
      env: process.env,
    })
  }
}

if (require.main === module) {
  const part = process.argv[2]
  const run = part ? PARTS[part] : benchPoints
  if (!run) throw new Error(`bench/points.ts: no part ${part}`)
  Promise.resolve(run()).catch((err) => {
    console.error(err)
    process.exit(1)
  })
}

// The order durability rests on: no write or commit is acknowledged before its journal line is
// synced. kill -9 cannot show this (the page cache survives it), so the store's sync call is
// wrapped instead: every sync is recorded, and so is every answer the local cloud sends. An
// answer that leaves the process while the journal holds bytes not yet synced is a violation,
// and so is an acknowledged id whose journal line is not in the synced prefix. The negative
// tests check that this catches a store that never syncs and one whose sync comes too late.
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as path from 'node:path'
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../src'
import { defaultSync, type SyncCall } from '../src/store'
import {
  database,
  errorText,
  FIXTURES,
  initSdk,
  MANIFEST,
  rejection,
  runTransaction,
  tempDir,
} from './helpers'
import { Store } from '../src'

process.env.SILENCE = 'true'
const db = () => database()

/** How the recorded sync behaves: as it should, not at all, too late, or failing. */
type SyncMode = 'real' | 'deferred' | 'failing'

/** Records syncs and answers; `violations` lists every acknowledgement that came too early. */
class OrderCheck {
  /** Journal bytes known to be on disk (the synced prefix). */
  durable = 0
  readonly violations: string[] = []
  readonly syncs: SyncCall[] = []
  answers = 0
  journalPath = ''

  constructor(public mode: SyncMode = 'real') {}

  readonly sync = (call: SyncCall): void => {
    if (call.kind === 'journal' && this.mode === 'failing') throw new Error('EIO (injected)')
    // What a sync now makes durable: everything written so far.
    const size = call.kind === 'journal' ? fs.fstatSync(call.fd).size : 0
    const done = (): void => {
      this.syncs.push(call)
      if (call.kind === 'journal') this.durable = size
    }
    if (call.kind === 'journal' && this.mode === 'deferred') {
      // A sync that returns before the bytes are down: an fsync left to a later tick. (The
      // bytes are not really synced then: the fd may be closed by the time it runs.)
      setImmediate(done)
      return
    }
    defaultSync(call)
    done()
  }

  /** Called as each HTTP answer leaves the local cloud. */
  answered(url: string): void {
    this.answers++
    const size = fs.statSync(this.journalPath).size
    if (size > this.durable) {
      this.violations.push(`${url} answered with ${size - this.durable} journal byte(s) unsynced`)
    }
  }

  /** Called when the SDK call that wrote `id` resolved: its line must be in the synced prefix. */
  acknowledged(id: string): void {
    const fd = fs.openSync(this.journalPath, 'r')
    try {
      const prefix = Buffer.alloc(this.durable)
      fs.readSync(fd, prefix, 0, this.durable, 0)
      if (!prefix.toString('utf8').includes(`"i":${JSON.stringify(id)}`)) {
        this.violations.push(`${id} acknowledged but not in the synced journal`)
      }
    } finally {
      fs.closeSync(fd)
    }
  }
}

// cloud.init's serviceUrl sticks for the life of the SDK module: every cloud of this file
// listens on the port the first one got.
let port = 0
const dirs: string[] = []
let check: OrderCheck | null = null

// The spy on the answer: ServerResponse.end, in this process only the local cloud's.
const realEnd = http.ServerResponse.prototype.end
beforeAll(() => {
  jest.spyOn(http.ServerResponse.prototype, 'end').mockImplementation(function (
    this: http.ServerResponse,
    ...args: Parameters<typeof realEnd>
  ) {
    try {
      check?.answered(this.req.url ?? '?')
    } catch (err) {
      check?.violations.push(`the check itself failed: ${String(err)}`)
    }
    return realEnd.apply(this, args)
  })
})
afterAll(() => {
  jest.restoreAllMocks()
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

async function start(
  c: OrderCheck,
  extra: Partial<LocalCloudOptions> = {},
  dataDir = tempDir(),
): Promise<LocalCloud> {
  process.env.TENCENTCLOUD = 'true'
  dirs.push(dataDir)
  c.journalPath = path.join(dataDir, 'journal.jsonl')
  // An existing journal was synced when its store closed.
  c.durable = fs.existsSync(c.journalPath) ? fs.statSync(c.journalPath).size : 0
  const lc = await startLocalCloud({
    dataDir,
    port,
    manifestPath: MANIFEST,
    functionsDir: path.join(FIXTURES, 'functions'),
    strictCollections: false,
    log: () => undefined,
    sync: c.sync,
    ...extra,
  })
  port = lc.port
  initSdk(lc.url)
  check = c
  running = lc
  return lc
}

let running: LocalCloud | null = null
// A failed test must not leave its cloud holding the port for the next one.
afterEach(async () => {
  if (running) await stop(running)
})

async function stop(lc: LocalCloud): Promise<void> {
  running = null
  await lc.close()
  check = null
  // Let the SDK's keep-alive sockets see the close, or the next cloud's first request may go
  // out on one and hang up.
  await new Promise((resolve) => setTimeout(resolve, 50))
}

/** Plain writes and transfers, concurrently; returns the ids the SDK acknowledged. */
async function workload(c: OrderCheck, tag: string): Promise<string[]> {
  const acked: string[] = []
  const ack = (id: string): void => {
    c.acknowledged(id)
    acked.push(id)
  }
  await db()
    .collection('bank')
    .doc(`${tag}-A`)
    .set({ data: { n: 0 } })
  ack(`${tag}-A`)
  const writer = async (w: number): Promise<void> => {
    for (let k = 0; k < 15; k++) {
      const id = (await db().collection('plain').add({ data: { w, k } }))._id
      ack(id)
      await db()
        .collection('plain')
        .doc(id)
        .update({ data: { touched: k } })
      ack(id)
      if (k % 5 === 4) {
        await db().collection('plain').doc(id).remove()
        ack(id)
      }
    }
  }
  const transfers = async (w: number): Promise<void> => {
    for (let k = 0; k < 8; k++) {
      const id = `${tag}-t${w}-${k}`
      try {
        await runTransaction(async (t) => {
          const a = (await t.collection('bank').doc(`${tag}-A`).get()).data as { n: number }
          await t
            .collection('bank')
            .doc(`${tag}-A`)
            .update({ data: { n: a.n + 1 } })
          await t.collection('ledger').add({ data: { _id: id } })
        }, 10)
        ack(id)
      } catch (err) {
        // Contention: the only failure expected here (it is counted in durability.test.ts).
        expect(errorText(err as object)).toMatch(/TransactionConflict/)
      }
    }
  }
  await Promise.all([writer(0), writer(1), transfers(0), transfers(1)])
  return acked
}

test('every acknowledgement follows the sync of its journal line', async () => {
  const c = new OrderCheck()
  const lc = await start(c)
  const acked = await workload(c, 'ok')
  await stop(lc)
  expect(c.violations).toEqual([])
  // The check watched something: every answer and over 70 acknowledged ids.
  expect(acked.length).toBeGreaterThan(70)
  expect(c.answers).toBeGreaterThan(acked.length)
  expect(c.syncs.filter((s) => s.kind === 'journal').length).toBeGreaterThan(50)
})

test('the data dir is synced when the journal is first created, before any journal sync', async () => {
  const parent = tempDir()
  const dataDir = path.join(parent, 'new', 'data')
  const c = new OrderCheck()
  const lc = await start(c, {}, dataDir)
  await db()
    .collection('plain')
    .add({ data: { first: true } })
  await stop(lc)
  const kinds = c.syncs.map((s) => `${s.kind} ${s.path}`)
  const firstJournal = kinds.findIndex((k) => k.startsWith('journal'))
  // The new dirs' entries in their parents, then the journal's entry in the data dir.
  expect(kinds.slice(0, firstJournal)).toEqual([
    `dir ${path.join(parent, 'new')}`,
    `dir ${parent}`,
    `dir ${dataDir}`,
  ])

  // Opening an existing journal adds no directory sync (closing syncs the journal).
  const again = new OrderCheck()
  Store.open(dataDir, { manifest: MANIFEST, sync: again.sync }).close()
  expect(again.syncs.map((s) => s.kind)).toEqual(['journal'])
  fs.rmSync(parent, { recursive: true, force: true })
})

test('compaction syncs the snapshot, the data dir after its rename, then the emptied journal', () => {
  const dir = tempDir()
  dirs.push(dir)
  const first = Store.open(dir, { manifest: MANIFEST })
  first.insertMany('c', [{ _id: 'x' }])
  first.close()
  const c = new OrderCheck()
  const store = Store.open(dir, { manifest: MANIFEST, compactAboveBytes: 1, sync: c.sync })
  store.close()
  expect(c.syncs.map((s) => `${s.kind} ${path.basename(s.path)}`)).toEqual([
    'snapshot snapshot.json.tmp',
    `dir ${path.basename(dir)}`,
    'journal journal.jsonl',
    'journal journal.jsonl',
  ])
})

describe('the check catches a store that acknowledges too early', () => {
  test('a store that never syncs is reported', async () => {
    const c = new OrderCheck()
    const lc = await start(c, { fsync: false })
    const acked = await workload(c, 'nosync')
    await stop(lc)
    expect(c.syncs.filter((s) => s.kind === 'journal')).toEqual([])
    // Every acknowledged id is reported, and so is every answer after the first write.
    for (const id of acked)
      expect(c.violations).toContain(`${id} acknowledged but not in the synced journal`)
    expect(c.violations.some((v) => /answered with \d+ journal byte\(s\) unsynced/.test(v))).toBe(
      true,
    )
  })

  test('a store whose sync lands after the answer is reported', async () => {
    const c = new OrderCheck('deferred')
    const lc = await start(c)
    await workload(c, 'late')
    await stop(lc)
    expect(c.syncs.filter((s) => s.kind === 'journal').length).toBeGreaterThan(50)
    expect(c.violations.filter((v) => /answered with/.test(v)).length).toBeGreaterThan(50)
  })
})

test('a failing sync fails the write: nothing is acknowledged, nothing is applied', async () => {
  const good = new OrderCheck()
  const dir = tempDir()
  let lc = await start(good, {}, dir)
  await db()
    .collection('bank')
    .doc('F')
    .set({ data: { n: 1 } })
  await stop(lc)

  const failing = new OrderCheck('failing')
  lc = await start(failing, {}, dir)
  const e = await rejection(
    db()
      .collection('plain')
      .add({ data: { _id: 'never' } }),
  )
  expect(errorText(e)).toMatch(/journal write failed: EIO \(injected\)/)
  const t = await rejection(
    runTransaction(async (tx) => {
      await tx
        .collection('bank')
        .doc('F')
        .update({ data: { n: 2 } })
    }),
  )
  expect(errorText(t)).toMatch(/journal write failed/)
  // Memory was not touched: the failed writes are not visible.
  expect((await db().collection('bank').doc('F').get()).data).toMatchObject({ n: 1 })
  expect(lc.store.get('plain', 'never')).toBeNull()
  failing.mode = 'real'
  await stop(lc)
  // Nor on disk.
  const store = Store.open(dir, { manifest: MANIFEST })
  try {
    expect(store.get('plain', 'never')).toBeNull()
    expect(store.get('bank', 'F')).toMatchObject({ n: 1 })
  } finally {
    store.close()
  }
})

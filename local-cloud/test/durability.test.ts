// Durability: acknowledged writes and committed transactions survive kill -9 of the local cloud
// process; a transaction cut off mid-write is all or nothing; compaction loses nothing.
// kill -9 leaves the OS page cache intact, so these pass without fsync too: that the answer
// waits for the sync is proven in sync-order.test.ts.
import { ChildProcess, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as path from 'node:path'
import { Store } from '../src'
import {
  database,
  errorText,
  FIXTURES,
  initSdk,
  MANIFEST,
  runTransaction,
  SdkError,
  tempDir,
} from './helpers'

const REPO = path.resolve(__dirname, '..', '..')
const db = () => database()

// cloud.init's serviceUrl sticks for the life of the SDK module, so every child process of this
// file listens on the same port.
let port = 0
beforeAll(async () => {
  port = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port
      srv.close(() => resolve(p))
    })
  })
})

// wx-server-sdk arms a 3 s "slow request" timer per database request and clears it only on
// success: the requests cut off by kill -9 would leave theirs running past the test. SILENCE=true
// is the SDK's own switch for that warning.
process.env.SILENCE = 'true'

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

const dirs: string[] = []
function freshDir(): string {
  const dir = tempDir()
  dirs.push(dir)
  return dir
}

interface Child {
  proc: ChildProcess
  url: string
  kill9(): Promise<void>
}

/** Starts the local cloud in a child process and points the SDK at it. */
function spawnCloud(dataDir: string): Promise<Child> {
  process.env.TENCENTCLOUD = 'true'
  const proc = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', path.join(FIXTURES, 'server.ts'), dataDir, MANIFEST, String(port)],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    proc.stderr?.on('data', (c: Buffer) => (err += c.toString()))
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /READY (\S+)/.exec(out)
      if (m) {
        initSdk(m[1])
        resolve({
          proc,
          url: m[1],
          async kill9() {
            proc.kill('SIGKILL')
            await exited
          },
        })
      }
    })
    proc.once('exit', (code) => reject(new Error(`local cloud exited (${code}): ${err}`)))
  })
}

function openStore(dataDir: string): Store {
  return Store.open(dataDir, { manifest: MANIFEST })
}

test('acknowledged writes survive kill -9', async () => {
  const dir = freshDir()
  const child = await spawnCloud(dir)
  const ids: string[] = []
  for (let i = 0; i < 30; i++) ids.push((await db().collection('acked').add({ data: { i } }))._id)
  await db()
    .collection('acked')
    .doc(ids[0])
    .update({ data: { touched: true } })
  await db().collection('acked').doc(ids[1]).remove()
  await db()
    .collection('acked')
    .where({ i: db().command.gte(28) })
    .update({ data: { tail: true } })
  await child.kill9()

  const store = openStore(dir)
  try {
    expect(store.count('acked')).toBe(29)
    expect(store.get('acked', ids[0])).toMatchObject({ i: 0, touched: true })
    expect(store.get('acked', ids[1])).toBeNull()
    expect(store.count('acked', { tail: true })).toBe(2)
  } finally {
    store.close()
  }
})

test('a committed transaction survives kill -9', async () => {
  const dir = freshDir()
  const child = await spawnCloud(dir)
  await db()
    .collection('bank')
    .doc('A')
    .set({ data: { n: 50 } })
  await runTransaction(async (t) => {
    await t
      .collection('bank')
      .doc('A')
      .update({ data: { n: 40 } })
    await t.collection('bank').add({ data: { _id: 'B', n: 60 } })
  })
  await child.kill9()
  const store = openStore(dir)
  try {
    expect(store.get('bank', 'A')).toMatchObject({ n: 40 })
    expect(store.get('bank', 'B')).toMatchObject({ n: 60 })
  } finally {
    store.close()
  }
})

/** How an SDK call ended, from its error: the outcome counts below are keyed by this. */
function outcomeOf(err: unknown): string {
  const text = errorText(err as SdkError)
  if (/TransactionConflict/.test(text)) return 'conflict'
  // The process is gone: refused, reset or cut off mid-answer.
  if (/ECONNREFUSED|ECONNRESET|EPIPE|socket hang up|other side closed/i.test(text)) {
    return 'connection'
  }
  return `unexpected: ${text}`
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

test('kill -9 at random points with writes and commits in flight: every acknowledged one survives', async () => {
  const ROUNDS = 5
  const dir = freshDir()
  // What the SDK acknowledged, by id; what was in flight when the process died (either way is
  // right for those, but a transaction among them must still be whole).
  const added = new Set<string>()
  const removed = new Set<string>()
  const committed = new Set<string>()
  const notCommitted = new Set<string>()
  const inDoubt = new Set<string>()
  const removalInDoubt = new Set<string>()
  /** Per writer: the counter value last acknowledged and last sent. */
  const counters = new Map<string, { acked: number; sent: number }>()
  const outcomes: Record<string, number> = {}
  const count = (o: string) => (outcomes[o] = (outcomes[o] ?? 0) + 1)
  const kills: { afterMs: number; inFlight: number }[] = []
  let checked = 0
  let cutOffButCommitted = 0

  let child = await spawnCloud(dir)
  for (const id of ['A', 'B']) {
    await db()
      .collection('bank')
      .doc(id)
      .set({ data: { n: 50 } })
  }
  await child.kill9()

  for (let round = 0; round < ROUNDS; round++) {
    child = await spawnCloud(dir)
    let killing = false
    let roundCommits = 0
    let inFlight = 0
    /** Runs one SDK call; an error is counted, and allowed only if expected at this point. */
    const attempt = async <T>(
      call: () => Promise<T>,
    ): Promise<{ ok: true; value: T } | { ok: false; outcome: string }> => {
      inFlight++
      try {
        return { ok: true, value: await call() }
      } catch (err) {
        const outcome = outcomeOf(err)
        return { ok: false, outcome: killing && outcome === 'connection' ? 'cut off' : outcome }
      } finally {
        inFlight--
      }
    }

    // Plain writes: adds with known ids, a counter per writer, removals of acknowledged adds.
    const writer = async (w: number) => {
      const ctr = `ctr-${w}`
      const state = counters.get(ctr) ?? { acked: 0, sent: 0 }
      counters.set(ctr, state)
      for (let k = 0; !killing; k++) {
        const id = `r${round}-w${w}-${k}`
        const add = await attempt(() =>
          db()
            .collection('plain')
            .add({ data: { _id: id, w, k } }),
        )
        if (!add.ok) {
          count(add.outcome)
          break
        }
        added.add(id)
        const n = state.sent + 1
        state.sent = n
        const set = await attempt(() => db().collection('plain').doc(ctr).set({ data: { n } }))
        if (!set.ok) {
          count(set.outcome)
          break
        }
        state.acked = n
        if (k % 4 === 3) {
          const victim = `r${round}-w${w}-${k - 2}`
          const rm = await attempt(() => db().collection('plain').doc(victim).remove())
          if (!rm.ok) {
            count(rm.outcome)
            // Cut off: the removal may have landed or not.
            removalInDoubt.add(victim)
            break
          }
          removed.add(victim)
        }
        count('written')
      }
    }
    // Transfers: move 1 from B to A and write a ledger entry and a receipt, one transaction.
    const transfers = async (w: number) => {
      for (let k = 0; !killing; k++) {
        const tag = `r${round}-t${w}-${k}`
        const tx = await attempt(() =>
          runTransaction(async (t) => {
            const a = (await t.collection('bank').doc('A').get()).data as { n: number }
            const b = (await t.collection('bank').doc('B').get()).data as { n: number }
            await t
              .collection('bank')
              .doc('A')
              .update({ data: { n: a.n + 1 } })
            await t
              .collection('bank')
              .doc('B')
              .update({ data: { n: b.n - 1 } })
            await t.collection('ledger').add({ data: { _id: tag, w, k } })
            await t.collection('receipts').add({ data: { _id: tag } })
          }, 20),
        )
        if (tx.ok) {
          committed.add(tag)
          roundCommits++
          count('committed')
        } else {
          count(tx.outcome)
          if (tx.outcome === 'conflict') notCommitted.add(tag)
          else {
            inDoubt.add(tag)
            break
          }
        }
      }
    }
    const workers = [writer(0), writer(1), transfers(0), transfers(1), transfers(2)]
    // A random point in the stream, once the round has acknowledged something.
    const afterMs = 100 + Math.floor(Math.random() * 500)
    for (let waited = 0; roundCommits === 0 && waited < 10_000; waited += 5) await sleep(5)
    await sleep(afterMs)
    killing = true
    kills.push({ afterMs, inFlight })
    await child.kill9()
    await Promise.all(workers)

    const store = openStore(dir)
    try {
      const where = `round ${round} (kill ${afterMs} ms in)`
      for (const id of added) {
        if (removed.has(id) || removalInDoubt.has(id)) continue
        expect([where, id, store.get('plain', id) !== null]).toEqual([where, id, true])
        checked++
      }
      for (const id of removed) {
        expect([where, id, store.get('plain', id)]).toEqual([where, id, null])
        checked++
      }
      for (const [ctr, { acked, sent }] of counters) {
        const n = (store.get('plain', ctr)?.n as number | undefined) ?? 0
        expect([where, ctr, n >= acked && n <= sent]).toEqual([where, ctr, true])
        checked++
      }
      for (const tag of committed) {
        expect([where, tag, store.get('ledger', tag) !== null]).toEqual([where, tag, true])
        checked++
      }
      for (const tag of notCommitted) {
        expect([where, tag, store.get('ledger', tag)]).toEqual([where, tag, null])
      }
      // All or nothing, for the acknowledged, the refused and the cut-off ones alike: each
      // ledger entry has its receipt and its move of 1, and nothing else moved.
      const ledger = store.find('ledger').map((d) => d._id as string)
      const receipts = store.find('receipts').map((d) => d._id as string)
      expect(receipts.sort()).toEqual([...ledger].sort())
      for (const tag of ledger) expect(committed.has(tag) || inDoubt.has(tag)).toBe(true)
      cutOffButCommitted = ledger.filter((tag) => inDoubt.has(tag)).length
      const a = store.get('bank', 'A')?.n as number
      const b = store.get('bank', 'B')?.n as number
      expect(a + b).toBe(100)
      expect(a - 50).toBe(ledger.length)
    } finally {
      store.close()
    }
  }

  // Outcomes by kind: contention on A and B makes conflicts (the SDK does not retry a write
  // that finds its document locked); the kill cuts calls off; nothing else may happen.
  const unexpected = Object.keys(outcomes).filter(
    (o) => !['written', 'committed', 'conflict', 'cut off'].includes(o),
  )
  expect(unexpected).toEqual([])
  expect(outcomes.committed).toBeGreaterThanOrEqual(ROUNDS)
  expect(outcomes.conflict).toBeGreaterThan(0)
  // The kills landed mid-stream: calls were in flight when the process died.
  expect(kills.some((k) => k.inFlight > 0)).toBe(true)
  process.stdout.write(
    `durability: ${ROUNDS} kills ${JSON.stringify(kills)}; ${checked} checks of ` +
      `${added.size + committed.size + counters.size} acknowledged ids; outcomes ` +
      `${JSON.stringify(outcomes)}; ${cutOffButCommitted} cut-off commits had landed\n`,
  )
}, 120_000)

describe('journal replay', () => {
  test('a torn final line (a transaction cut off mid-write) is dropped whole', () => {
    const dir = freshDir()
    let store = openStore(dir)
    store.insertMany('t', [{ _id: 'keep', v: 1 }])
    store.atomically((tx) => {
      store.insert('t', [{ _id: 'x1' }], tx)
      store.modify(
        't',
        { _id: 'keep' },
        { operators: { $set: { v: 2 } } },
        { multi: false, upsert: false },
        tx,
      )
      store.insert('t', [{ _id: 'x2' }], tx)
    })
    store.close()

    const journal = path.join(dir, 'journal.jsonl')
    const bytes = fs.readFileSync(journal)
    const lastStart = bytes.lastIndexOf(10, bytes.length - 2) + 1
    const half = lastStart + Math.floor((bytes.length - lastStart) / 2)
    fs.truncateSync(journal, half)

    store = openStore(dir)
    expect(store.get('t', 'keep')).toEqual({ _id: 'keep', v: 1 })
    expect(store.get('t', 'x1')).toBeNull()
    expect(store.get('t', 'x2')).toBeNull()
    // New writes after the torn tail replay fine.
    store.insertMany('t', [{ _id: 'after' }])
    store.close()
    store = openStore(dir)
    expect(store.find('t', {}, { sort: { _id: 1 } }).map((d) => d._id)).toEqual(['after', 'keep'])
    store.close()
  })

  test('a damaged line that is not the last one is refused, not skipped', () => {
    const dir = freshDir()
    const store = openStore(dir)
    store.insertMany('t', [{ _id: 'a' }])
    store.insertMany('t', [{ _id: 'b' }])
    store.close()
    const journal = path.join(dir, 'journal.jsonl')
    const lines = fs.readFileSync(journal, 'utf8').split('\n')
    lines[0] = lines[0].slice(0, 10)
    fs.writeFileSync(journal, lines.join('\n'))
    expect(() => openStore(dir)).toThrow(/corrupt/)
  })

  test('compaction writes a snapshot, empties the journal and loses nothing', () => {
    const dir = freshDir()
    let store = openStore(dir)
    store.insertMany('c', [{ _id: 'gone' }])
    store.remove('c', { _id: 'gone' }, { multi: false })
    store.insertMany(
      'c',
      Array.from({ length: 200 }, (_v, i) => ({ i, at: new Date(i * 1000), re: /x/i })),
    )
    store.close()
    const journal = path.join(dir, 'journal.jsonl')
    const before = fs.readFileSync(journal)

    store = Store.open(dir, { manifest: MANIFEST, compactAboveBytes: 1 })
    expect(fs.existsSync(path.join(dir, 'snapshot.json'))).toBe(true)
    expect(fs.statSync(journal).size).toBe(0)
    expect(store.count('c')).toBe(200)
    const d = store.find('c', { i: 7 })[0]
    expect(d.at).toEqual(new Date(7000))
    expect(d.re).toEqual(/x/i)
    store.insertMany('c', [{ _id: 'post' }])
    store.close()

    // A crash between the snapshot's rename and the journal's truncation leaves old records
    // behind: replay must skip them (or "gone" would come back).
    fs.writeFileSync(journal, Buffer.concat([before, fs.readFileSync(journal)]))
    store = openStore(dir)
    expect(store.get('c', 'gone')).toBeNull()
    expect(store.get('c', 'post')).not.toBeNull()
    expect(store.count('c')).toBe(201)
    store.close()
  })

  test('a data dir can only be open once at a time', () => {
    const dir = freshDir()
    const store = openStore(dir)
    expect(() => openStore(dir)).toThrow(/already open/)
    store.close()
    openStore(dir).close()
  })
})

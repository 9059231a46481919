// Durability: acknowledged writes and committed transactions survive kill -9 of the local cloud
// process; a transaction cut off mid-write is all or nothing; compaction loses nothing.
import { ChildProcess, spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as path from 'node:path'
import { Store } from '../src'
import { database, FIXTURES, initSdk, MANIFEST, runTransaction, tempDir } from './helpers'

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

test('kill -9 in the middle of a stream of transfers keeps every invariant', async () => {
  const dir = freshDir()
  const child = await spawnCloud(dir)
  await db()
    .collection('bank')
    .doc('A')
    .set({ data: { n: 50 } })
  await db()
    .collection('bank')
    .doc('B')
    .set({ data: { n: 50 } })
  let acknowledged = 0
  let stop = false
  // Each transfer moves 1 from B to A and writes a ledger line, all in one transaction.
  const worker = async (w: number) => {
    for (let k = 0; !stop; k++) {
      try {
        await runTransaction(async (t) => {
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
          await t.collection('ledger').add({ data: { w, k } })
        }, 20)
        acknowledged++
      } catch {
        // Conflicts after 20 retries, or the process is gone: the invariant must hold either way.
      }
    }
  }
  const workers = [0, 1, 2].map(worker)
  while (acknowledged < 15) await new Promise((r) => setTimeout(r, 10))
  stop = true
  await child.kill9()
  await Promise.all(workers)

  const store = openStore(dir)
  try {
    const a = store.get('bank', 'A')?.n as number
    const b = store.get('bank', 'B')?.n as number
    const ledger = store.count('ledger')
    expect(a + b).toBe(100)
    expect(a - 50).toBe(ledger)
    expect(ledger).toBeGreaterThanOrEqual(acknowledged)
  } finally {
    store.close()
  }
})

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

// Transactions through the real SDK: snapshot isolation, own writes, all-or-nothing, first
// committer wins under concurrency, and unique indexes inside and outside transactions.
import * as fs from 'node:fs'
import {
  database,
  errorText,
  Harness,
  rejection,
  runTransaction,
  startCloud,
  startTransaction,
  tempDir,
} from './helpers'
import { Store } from '../src'

let h: Harness
const db = () => database()
const read = async (c: string, id: string) => (await db().collection(c).doc(id).get()).data

beforeAll(async () => {
  h = await startCloud()
})
afterAll(() => h.close())

describe('isolation', () => {
  test('a transaction reads the state as of its start, not later commits', async () => {
    await db()
      .collection('acct')
      .doc('snap-a')
      .set({ data: { v: 1 } })
    await db()
      .collection('acct')
      .doc('snap-b')
      .set({ data: { v: 0 } })
    const t = await startTransaction()
    expect((await t.collection('acct').doc('snap-a').get()).data).toMatchObject({ v: 1 })
    // Committed by someone else after the transaction began.
    await db()
      .collection('acct')
      .doc('snap-a')
      .update({ data: { v: 2 } })
    await db()
      .collection('acct')
      .add({ data: { _id: 'snap-new', v: 9 } })
    expect((await t.collection('acct').doc('snap-a').get()).data).toMatchObject({ v: 1 })
    // Added after the transaction began: not in its snapshot.
    expect(errorText(await rejection(t.collection('acct').doc('snap-new').get()))).toContain(
      'does not exist',
    )
    // Writing a different document still commits.
    await t
      .collection('acct')
      .doc('snap-b')
      .update({ data: { v: 5 } })
    await t.commit()
    expect(await read('acct', 'snap-a')).toMatchObject({ v: 2 })
    expect(await read('acct', 'snap-b')).toMatchObject({ v: 5 })
  })

  test('a transaction sees its own writes; others only after commit', async () => {
    const t = await startTransaction()
    await t.collection('acct').add({ data: { _id: 'own-1', v: 101 } })
    await t
      .collection('acct')
      .doc('own-2')
      .set({ data: { v: 102 } })
    await t
      .collection('acct')
      .doc('own-2')
      .update({ data: { w: 3 } })
    expect((await t.collection('acct').doc('own-1').get()).data).toMatchObject({ v: 101 })
    expect((await t.collection('acct').doc('own-2').get()).data).toMatchObject({ v: 102, w: 3 })
    expect(
      (
        await db()
          .collection('acct')
          .where({ v: db().command.gt(100) })
          .count()
      ).total,
    ).toBe(0)
    await t.commit()
    expect(await read('acct', 'own-2')).toEqual({ _id: 'own-2', v: 102, w: 3 })
  })

  test('a removal inside a transaction is visible to it and applied on commit', async () => {
    await db()
      .collection('acct')
      .doc('rm-1')
      .set({ data: { v: 1 } })
    const t = await startTransaction()
    await t.collection('acct').doc('rm-1').remove()
    // The SDK reports a missing document inside a transaction the same way as outside.
    expect(errorText(await rejection(t.collection('acct').doc('rm-1').get()))).toContain(
      'does not exist',
    )
    expect(await read('acct', 'rm-1')).toMatchObject({ v: 1 })
    await t.commit()
    const err = await rejection(db().collection('acct').doc('rm-1').get())
    expect(errorText(err)).toContain('does not exist')
  })

  test('a where query inside a transaction is refused, as in WeChat cloud', async () => {
    await db()
      .collection('acct')
      .doc('batch-1')
      .set({ data: { v: 7 } })
    const t = await startTransaction()
    // (where-update and where-remove carry no transaction id from the SDK: they are plain writes)
    const err = await rejection(
      t
        .collection('acct')
        .where({ v: db().command.gte(0) })
        .get(),
    )
    expect(errorText(err)).toMatch(/single documents/)
    await t.rollback()
  })
})

describe('all or nothing', () => {
  test('a throwing callback leaves nothing behind', async () => {
    const err = await rejection(
      runTransaction(async (t) => {
        await t.collection('aon').add({ data: { _id: 'aon-1' } })
        await t
          .collection('aon')
          .doc('aon-2')
          .set({ data: { v: 1 } })
        throw new Error('changed my mind')
      }),
    )
    expect(err.message).toBe('changed my mind')
    expect((await db().collection('aon').count()).total).toBe(0)
  })

  test('rollback(reason) rejects with the reason and writes nothing', async () => {
    const err = await rejection(
      runTransaction(async (t) => {
        await t.collection('aon').add({ data: { _id: 'aon-3' } })
        await t.rollback('not enough stock')
      }),
    )
    expect(err).toBe('not enough stock')
    expect((await db().collection('aon').count()).total).toBe(0)
  })

  test('the callback result is returned after commit', async () => {
    const out = await runTransaction(async (t) => {
      await t.collection('aon').add({ data: { _id: 'aon-4', v: 4 } })
      return 'done'
    })
    expect(out).toBe('done')
    expect(await read('aon', 'aon-4')).toMatchObject({ v: 4 })
  })
})

describe('conflicts', () => {
  test('of two transactions writing one document, the second writer fails at once', async () => {
    await db()
      .collection('ctr')
      .doc('c0')
      .set({ data: { n: 0 } })
    const t1 = await startTransaction()
    const t2 = await startTransaction()
    const n1 = ((await t1.collection('ctr').doc('c0').get()).data as { n: number }).n
    const n2 = ((await t2.collection('ctr').doc('c0').get()).data as { n: number }).n
    await t1
      .collection('ctr')
      .doc('c0')
      .update({ data: { n: n1 + 1 } })
    // t1 holds the document's lock: t2's write is refused before it commits anything.
    const err = await rejection(
      t2
        .collection('ctr')
        .doc('c0')
        .update({ data: { n: n2 + 1 } }),
    )
    expect(errorText(err)).toMatch(/TransactionConflict/)
    // the refused transaction is over, as it is in WeChat cloud
    expect(errorText(await rejection(t2.commit()))).toMatch(/is over/)
    await t1.commit()
    expect(await read('ctr', 'c0')).toMatchObject({ n: 1 })
  })

  test('a transaction cannot write what was committed after its snapshot', async () => {
    await db()
      .collection('ctr')
      .doc('c2')
      .set({ data: { n: 0 } })
    const t = await startTransaction()
    expect((await t.collection('ctr').doc('c2').get()).data).toMatchObject({ n: 0 })
    await db()
      .collection('ctr')
      .doc('c2')
      .update({ data: { n: 5 } })
    const err = await rejection(
      t
        .collection('ctr')
        .doc('c2')
        .update({ data: { n: 1 } }),
    )
    expect(errorText(err)).toMatch(/TransactionConflict/)
    expect(await read('ctr', 'c2')).toMatchObject({ n: 5 })
  })

  test('a plain write after a transaction began also beats it', async () => {
    await db()
      .collection('ctr')
      .doc('c1')
      .set({ data: { n: 0 } })
    const t = await startTransaction()
    await t
      .collection('ctr')
      .doc('c1')
      .update({ data: { n: 100 } })
    await db()
      .collection('ctr')
      .doc('c1')
      .update({ data: { n: 1 } })
    expect((await rejection(t.commit())).code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(await read('ctr', 'c1')).toMatchObject({ n: 1 })
  })

  test('20 concurrent increments of one counter: no increment is ever lost or doubled', async () => {
    await db()
      .collection('ctr')
      .doc('warm')
      .set({ data: { n: 0 } })
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        runTransaction(async (t) => {
          const { data } = await t.collection('ctr').doc('warm').get()
          await t
            .collection('ctr')
            .doc('warm')
            .update({ data: { n: (data as { n: number }).n + 1 } })
        }),
      ),
    )
    const ok = results.filter((r) => r.status === 'fulfilled').length
    for (const r of results) {
      if (r.status === 'rejected') expect(errorText(r.reason)).toMatch(/TransactionConflict/)
    }
    expect(ok).toBeGreaterThan(0)
    expect(await read('ctr', 'warm')).toMatchObject({ n: ok })
  })

  test('sequential increments in transactions all land', async () => {
    await db()
      .collection('ctr')
      .doc('hot')
      .set({ data: { n: 0 } })
    for (let i = 0; i < 20; i++) {
      await runTransaction(async (t) => {
        const { data } = await t.collection('ctr').doc('hot').get()
        await t
          .collection('ctr')
          .doc('hot')
          .update({ data: { n: (data as { n: number }).n + 1 } })
      })
    }
    expect(await read('ctr', 'hot')).toMatchObject({ n: 20 })
  })

  test('20 concurrent "claim if free" transactions yield exactly one winner', async () => {
    await db()
      .collection('slots')
      .doc('slot-1')
      .set({ data: { owner: null } })
    const claim = (who: string) =>
      runTransaction(async (t) => {
        const { data } = await t.collection('slots').doc('slot-1').get()
        if ((data as { owner: string | null }).owner !== null) return false
        await t
          .collection('slots')
          .doc('slot-1')
          .update({ data: { owner: who } })
        return true
      })
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_v, i) => claim(`user-${i}`)),
    )
    const outcomes = settled.map((r) => r.status === 'fulfilled' && r.value)
    const winners = outcomes.filter(Boolean)
    expect(winners.length).toBe(1)
    const owner = (await read('slots', 'slot-1')).owner
    expect(owner).toBe(`user-${outcomes.indexOf(true)}`)
  })
})

describe('unique indexes', () => {
  test('a plain add that violates a unique index fails and writes nothing', async () => {
    await db()
      .collection('users')
      .add({ data: { openid: 'o-1', name: 'A' } })
    const err = await rejection(
      db()
        .collection('users')
        .add({ data: { openid: 'o-1', name: 'B' } }),
    )
    expect(err.errCode).toBe(-502001)
    expect(errorText(err)).toMatch(
      /E11000 duplicate key error collection: users index: openid_unique/,
    )
    expect(errorText(err)).toContain('dup key: { openid: "o-1" }')
    expect((await db().collection('users').where({ openid: 'o-1' }).count()).total).toBe(1)
  })

  test('updates and compound indexes are checked too; a failing batch changes nothing', async () => {
    await db()
      .collection('seats')
      .add({ data: { _id: 's-1', hall: 'A', seat: 1 } })
    await db()
      .collection('seats')
      .add({ data: { _id: 's-2', hall: 'A', seat: 2 } })
    await db()
      .collection('seats')
      .add({ data: { _id: 's-3', hall: 'B', seat: 1 } })
    const err = await rejection(
      db()
        .collection('seats')
        .doc('s-2')
        .update({ data: { seat: 1 } }),
    )
    expect(errorText(err)).toMatch(/index: hall_seat dup key: \{ hall: "A", seat: 1 \}/)
    // Moving every seat of hall A to seat 7 would collide: none of them moves.
    const err2 = await rejection(
      db()
        .collection('seats')
        .where({ hall: 'A' })
        .update({ data: { seat: 7 } }),
    )
    expect(errorText(err2)).toContain('E11000')
    expect((await read('seats', 's-1')).seat).toBe(1)
    expect((await read('seats', 's-2')).seat).toBe(2)
    // Swapping keys inside one write is fine.
    await db()
      .collection('seats')
      .doc('s-3')
      .update({ data: { hall: 'C' } })
  })

  test('inside a transaction the violating add throws and the transaction writes nothing', async () => {
    await db()
      .collection('users')
      .add({ data: { openid: 'o-2' } })
    const err = await rejection(
      runTransaction(async (t) => {
        await t.collection('users').add({ data: { _id: 'tx-user-ok', openid: 'o-3' } })
        await t.collection('users').add({ data: { openid: 'o-2' } })
      }),
    )
    expect(errorText(err)).toMatch(/E11000|duplicate key/)
    expect((await db().collection('users').where({ openid: 'o-3' }).count()).total).toBe(0)
    expect((await db().collection('users').where({ openid: 'o-2' }).count()).total).toBe(1)
  })

  test('two transactions adding the same key: the second commit fails with E11000', async () => {
    const t1 = await startTransaction()
    const t2 = await startTransaction()
    await t1.collection('users').add({ data: { openid: 'o-race' } })
    await t2.collection('users').add({ data: { openid: 'o-race' } })
    await t1.commit()
    const err = await rejection(t2.commit())
    expect(errorText(err)).toMatch(/E11000/)
    expect((await db().collection('users').where({ openid: 'o-race' }).count()).total).toBe(1)
  })

  test('through runTransaction, a commit-time duplicate surfaces as E11000 (not retried)', async () => {
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => (release = r))
    const first = runTransaction(async (t) => {
      await t.collection('users').add({ data: { openid: 'o-race-2' } })
      await gate
    })
    const second = runTransaction(async (t) => {
      await t.collection('users').add({ data: { openid: 'o-race-2' } })
      release()
      await first
    })
    await first
    const err = await rejection(second)
    expect(errorText(err)).toMatch(/E11000 duplicate key/)
    expect((await db().collection('users').where({ openid: 'o-race-2' }).count()).total).toBe(1)
  })
})

describe('lifecycle', () => {
  test('an unknown or finished transaction id is refused', async () => {
    const t = await startTransaction()
    await t.commit()
    const err = await rejection(t.collection('acct').doc('x').get())
    expect(errorText(err)).toMatch(/is over/)
  })

  test('idle transactions expire', async () => {
    const dir = tempDir()
    const store = Store.open(dir, { transactionTimeoutMs: 50 })
    try {
      const id = store.startTransaction()
      store.insert('x', [{ _id: 'a' }], id)
      await new Promise((r) => setTimeout(r, 1300))
      expect(store.activeTransactions()).toBe(0)
      expect(() => store.commitTransaction(id)).toThrow(/is over/)
      expect(store.get('x', 'a')).toBeNull()
    } finally {
      store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

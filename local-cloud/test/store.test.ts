// Properties of the store's shortcuts: the index planner, the scalar sort and MVCC snapshots
// must give exactly what a plain mingo scan of the right state gives.
import * as fs from 'node:fs'
import fc from 'fast-check'
import { find as mingoFind } from 'mingo'
import { Store } from '../src'
import type { Doc } from '../src/store'
import { tempDir } from './helpers'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

function openStore(): Store {
  const dir = tempDir()
  dirs.push(dir)
  return Store.open(dir, {
    fsync: false,
    manifest: { collections: [{ name: 'p', indexes: [{ name: 'k', fields: { k: 1 } }] }] },
  })
}

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('a', 'b', 'B', ''),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 0, max: 3 }).map((n) => new Date(n * 1000)),
)
const field = fc.option(scalar, { nil: undefined })
const doc = fc.record({ k: field, s: field, t: field }, { requiredKeys: [] })

/** Drops undefined fields, as the wire does. */
const clean = (d: Record<string, unknown>): Doc =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined))

test('sorting by scalar fields orders exactly like mingo', () => {
  fc.assert(
    fc.property(
      fc.array(doc, { maxLength: 30 }),
      fc.uniqueArray(fc.constantFrom('k', 's', 't'), { minLength: 1, maxLength: 3 }),
      fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 3, maxLength: 3 }),
      (docs, fields, dirs_) => {
        const store = openStore()
        try {
          if (docs.length) store.insertMany('p', docs.map(clean))
          const sort = Object.fromEntries(fields.map((f, i) => [f, dirs_[i]]))
          const ours = store.find('p', {}, { sort })
          const theirs = mingoFind(store.find('p', {}), {}).sort(sort).all() as Doc[]
          const keys = (list: Doc[]) => list.map((d) => fields.map((f) => d[f] ?? null))
          expect(keys(ours)).toEqual(keys(theirs))
        } finally {
          store.close()
        }
      },
    ),
    { numRuns: 60 },
  )
})

test('equality queries served by an index match a full scan', () => {
  const query = fc.oneof(
    scalar.map((v) => ({ k: v })),
    scalar.map((v) => ({ k: { $eq: v } })),
    fc.array(scalar, { maxLength: 3 }).map((vs) => ({ k: { $in: vs } })),
    fc.tuple(scalar, scalar).map(([a, b]) => ({ $and: [{ k: a }, { s: b }] })),
  )
  // Arrays and nested objects in the indexed field too: Mongo matches array elements.
  const kValue = fc.oneof(field, fc.array(scalar, { maxLength: 3 }), fc.record({ x: scalar }))
  fc.assert(
    fc.property(
      fc.array(fc.record({ k: kValue, s: field }), { maxLength: 25 }),
      query,
      (docs, q) => {
        const store = openStore()
        try {
          if (docs.length) store.insertMany('p', docs.map(clean))
          const ids = (list: Doc[]) => list.map((d) => d._id).sort()
          const all = store.find('p', {})
          expect(ids(store.find('p', q))).toEqual(ids(mingoFind(all, q).all() as Doc[]))
        } finally {
          store.close()
        }
      },
    ),
    { numRuns: 100 },
  )
})

test('a transaction keeps reading its snapshot whatever commits after it', () => {
  type Op =
    | { kind: 'put'; id: number; v: number }
    | { kind: 'update'; id: number; v: number }
    | { kind: 'remove'; id: number }
  const id = fc.integer({ min: 0, max: 5 })
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('put' as const), id, v: fc.integer() }),
    fc.record({ kind: fc.constant('update' as const), id, v: fc.integer() }),
    fc.record({ kind: fc.constant('remove' as const), id }),
  )
  const apply = (store: Store, o: Op, txId?: string) => {
    const q = { _id: `d${o.id}` }
    if (o.kind === 'put') {
      store.modify('p', q, { replace: { v: o.v } }, { multi: false, upsert: true }, txId)
    } else if (o.kind === 'update') {
      store.modify(
        'p',
        q,
        { operators: { $set: { v: o.v } } },
        { multi: false, upsert: false },
        txId,
      )
    } else {
      store.remove('p', q, { multi: false }, txId)
    }
  }
  fc.assert(
    fc.property(fc.array(op), fc.array(op), fc.array(op), (before, during, mine) => {
      const store = openStore()
      try {
        before.forEach((o) => apply(store, o))
        const snapshot = store.find('p', {}, { sort: { _id: 1 } })
        const tx = store.startTransaction()
        const other = store.startTransaction()
        // Which documents someone committed a change to after the transactions began.
        const written = new Set<string>()
        for (const o of during) {
          const key = `d${o.id}`
          const was = JSON.stringify(store.get('p', key))
          apply(store, o)
          if (JSON.stringify(store.get('p', key)) !== was) written.add(key)
        }
        // The other transaction's view, plus its own writes on top, computed by hand.
        expect(store.findRaw('p', {}, { sort: { _id: 1 } }, other)).toEqual(snapshot)
        const expected = new Map(snapshot.map((d) => [d._id as string, d]))
        let aborted = false
        for (const o of mine) {
          const key = `d${o.id}`
          const seen = expected.get(key)
          const writes =
            o.kind === 'remove'
              ? seen !== undefined
              : o.kind === 'update'
                ? seen !== undefined && seen.v !== o.v
                : seen?.v !== o.v
          let conflict = false
          try {
            apply(store, o, tx)
          } catch (err) {
            expect((err as { code?: string }).code).toBe('DATABASE_TRANSACTION_CONFLICT')
            conflict = true
          }
          // A write to what someone committed after the snapshot fails at once, and only that.
          expect(conflict).toBe(writes && written.has(key))
          if (conflict) {
            // ...and ends the transaction: nothing it did can be committed any more.
            expect(() => store.findRaw('p', {}, {}, tx)).toThrow(/is over/)
            aborted = true
            break
          }
          if (o.kind === 'remove') expected.delete(key)
          else if (o.kind === 'put') expected.set(key, { _id: key, v: o.v })
          else if (expected.has(key)) expected.set(key, { _id: key, v: o.v })
        }
        if (!aborted) {
          const seen = store.findRaw('p', {}, { sort: { _id: 1 } }, tx)
          expect(seen).toEqual(
            [...expected.values()].sort((a, b) => String(a._id).localeCompare(String(b._id))),
          )
        }
        store.abortTransaction(tx)
        store.abortTransaction(other)
      } finally {
        store.close()
      }
    }),
    { numRuns: 150 },
  )
})

test('a unique index added after duplicate data is reported when the store opens', () => {
  const dir = tempDir()
  dirs.push(dir)
  const plain = Store.open(dir, { fsync: false })
  plain.insertMany('users', [{ openid: 'same' }, { openid: 'same' }, { openid: 'other' }])
  plain.close()
  const logs: string[] = []
  const indexed = Store.open(dir, {
    fsync: false,
    log: (line) => logs.push(line),
    manifest: {
      collections: [
        {
          name: 'users',
          indexes: [{ name: 'openid_unique', fields: { openid: 1 }, unique: true }],
        },
      ],
    },
  })
  indexed.close()
  expect(logs.join('\n')).toMatch(/users holds 1 duplicate key\(s\) for unique index openid_unique/)
})

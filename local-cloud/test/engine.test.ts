// The store's own work around mingo, with mingo over a full scan as the reference: the index
// planner (compound prefixes, $in, $or unions), bounded top-k and ordered-index pages,
// aggregations run on the stored objects, the response encoder. Each must give what mingo gives.
import * as fs from 'node:fs'
import fc from 'fast-check'
import { aggregate as mingoAggregate, find as mingoFind } from 'mingo'
import { Store } from '../src'
import { OrderedIndex } from '../src/ordered'
import type { ManifestIndex } from '../src/manifest'
import type { Doc } from '../src/store'
import { clone, encode, isoString } from '../src/values'
import { tempDir } from './helpers'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
afterEach(() => jest.restoreAllMocks())

const INDEXES: ManifestIndex[] = [
  { name: 'abc', fields: { a: 1, b: 1, c: -1 } },
  { name: 'kc', fields: { k: 1, c: 1 } },
  { name: 'nx', fields: { 'n.x': 1 } },
]

function openStore(): Store {
  const dir = tempDir()
  dirs.push(dir)
  return Store.open(dir, {
    fsync: false,
    manifest: { collections: [{ name: 'p', indexes: INDEXES }] },
  })
}

// ----- generators ------------------------------------------------------------------------------

const scalar = fc.oneof(
  fc.integer({ min: -2, max: 2 }),
  fc.constantFrom('a', 'b', 'B', ''),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 0, max: 2 }).map((n) => new Date(n * 1000)),
)
/** Mostly scalars, sometimes what makes MongoDB semantics rich: arrays, nested arrays, objects. */
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.array(scalar, { maxLength: 2 }), { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.record({ x: scalar }, { noNullPrototype: true }) },
)
const field = fc.option(value, { nil: undefined })
const docArb = fc.record(
  {
    a: field,
    b: field,
    c: field,
    k: field,
    n: fc.oneof(
      fc.record({ x: field }, { requiredKeys: [], noNullPrototype: true }),
      fc.array(fc.record({ x: scalar }, { noNullPrototype: true }), { maxLength: 2 }),
      scalar,
    ),
  },
  { requiredKeys: [], noNullPrototype: true },
)
/**
 * Sort fields that hold scalars only: mingo orders arrays with a comparator that is not a total
 * order, so with arrays its page depends on the input order, which the plan decides.
 */
const sortDocArb = fc.record(
  {
    a: fc.option(scalar, { nil: undefined }),
    b: fc.option(scalar, { nil: undefined }),
    c: fc.option(scalar, { nil: undefined }),
    k: field,
    n: fc.record({ x: field }, { requiredKeys: [], noNullPrototype: true }),
  },
  { requiredKeys: [], noNullPrototype: true },
)
/** Drops undefined fields, as the wire does. */
const clean = (d: Record<string, unknown>): Doc =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined))

const path = fc.constantFrom('a', 'b', 'c', 'k', 'n.x', 'n')
const operand = fc.oneof(
  { weight: 8, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.record({ x: scalar }, { noNullPrototype: true }) },
)
const inList = fc.array(fc.oneof(scalar, fc.constant(null)), { maxLength: 3 })
const fieldCondition = fc.oneof(
  operand,
  operand.map((v) => ({ $eq: v })),
  operand.map((v) => ({ $ne: v })),
  inList.map((v) => ({ $in: v })),
  inList.map((v) => ({ $nin: v })),
  fc.tuple(fc.constantFrom('$lt', '$lte', '$gt', '$gte'), scalar).map(([op, v]) => ({ [op]: v })),
  fc.tuple(scalar, scalar).map(([lo, hi]) => ({ $gte: lo, $lt: hi })),
  // Outside the compiled subset: mingo answers for the whole query.
  fc.boolean().map((b) => ({ $exists: b })),
  fc.constant({ $size: 1 }),
)
const leaf = fc.tuple(path, fieldCondition).map(([p, c]) => ({ [p]: c }) as Doc)
const queryArb: fc.Arbitrary<Doc> = fc.letrec<{ q: Doc }>((tie) => ({
  q: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(leaf, leaf).map(([x, y]) => ({ ...x, ...y })),
    fc
      .tuple(
        fc.constantFrom('$and', '$or', '$nor'),
        fc.array(tie('q'), { minLength: 1, maxLength: 3 }),
      )
      .map(([op, qs]) => ({ [op]: qs })),
  ),
})).q

/** Queries the planner can serve: equalities and $in on indexed fields, $or of those, residue. */
const eqValue = fc.oneof(scalar.filter((v) => v !== null))
const plannable = fc
  .tuple(
    fc.constantFrom('a', 'b', 'k', 'n.x'),
    fc.oneof(
      eqValue,
      eqValue.map((v) => ({ $eq: v })),
      fc.array(eqValue, { maxLength: 3 }).map((vs) => ({ $in: vs })),
    ),
  )
  .map(([p, c]) => ({ [p]: c }) as Doc)
const plannedQuery: fc.Arbitrary<Doc> = fc.oneof(
  plannable,
  fc.tuple(plannable, plannable).map(([x, y]) => ({ $and: [x, y] })),
  fc.tuple(plannable, plannable, leaf).map(([x, y, z]) => ({ $and: [x, y, z] })),
  fc.array(plannable, { minLength: 1, maxLength: 3 }).map((qs) => ({ $or: qs })),
  fc
    .tuple(plannable, fc.array(fc.tuple(plannable, plannable), { minLength: 1, maxLength: 2 }))
    .map(([x, ys]) => ({ $and: [x, { $or: ys.map(([p, q]) => ({ ...p, ...q })) }] })),
)

const ids = (list: Doc[]): string[] => list.map((d) => String(d._id)).sort()

/** Random inserts, then random updates and removals (they keep the indexes busy). */
type Op = { kind: 'set'; id: number; doc: Doc } | { kind: 'remove'; id: number }
const opsOf = (docs: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), id: fc.nat(29), doc: docs.map(clean) }),
    fc.record({ kind: fc.constant('remove' as const), id: fc.nat(29) }),
  )
const opArb = opsOf(docArb)
const sortOpArb = opsOf(sortDocArb)
function applyOps(store: Store, ops: Op[]): void {
  for (const op of ops) {
    const q = { _id: `d${op.id}` }
    if (op.kind === 'remove') store.remove('p', q, { multi: false })
    else store.modify('p', q, { replace: op.doc }, { multi: false, upsert: true })
  }
}

// ----- the planner -----------------------------------------------------------------------------

test('compound-prefix, $in and $or plans find what a full scan finds, through writes', () => {
  fc.assert(
    fc.property(
      fc.array(docArb, { maxLength: 30 }),
      fc.array(opArb, { maxLength: 15 }),
      fc.array(fc.oneof(plannedQuery, queryArb), { minLength: 1, maxLength: 4 }),
      (docs, ops, queries) => {
        const store = openStore()
        try {
          store.insertMany(
            'p',
            docs.map((d, i) => ({ ...clean(d), _id: `d${i}` })),
          )
          const check = (): void => {
            const all = store.find('p', {})
            for (const q of queries) {
              expect([q, ids(store.find('p', q))]).toEqual([
                q,
                ids(mingoFind(all, q).all() as Doc[]),
              ])
              expect(store.count('p', q)).toBe(mingoFind(all, q).all().length)
            }
          }
          check()
          applyOps(store, ops)
          check()
        } finally {
          store.close()
        }
      },
    ),
    { numRuns: 150 },
  )
})

// ----- sort + limit ------------------------------------------------------------------------------

const sortArb = fc.tuple(
  fc.constantFrom('c', 'b', 'a'),
  fc.constantFrom<1 | -1>(1, -1),
  fc.constantFrom<1 | -1>(1, -1),
)

/** mingo's page: a full sort of every match. */
function reference(all: Doc[], q: Doc, sort: Record<string, 1 | -1>, skip: number, limit: number) {
  return mingoFind(all, q).sort(sort).skip(skip).limit(limit).all() as Doc[]
}

test('sorted pages (top-k and ordered index walks) equal a full mingo sort, through writes', () => {
  const walks = jest.spyOn(OrderedIndex.prototype, 'firstMatches')
  // Prefix pinned (ordered index on c), or not (top-k), plus residual conditions.
  const pageQuery = fc.oneof(
    fc.tuple(eqValue, eqValue).map(([a, b]) => ({ a, b }) as Doc),
    fc.tuple(eqValue, eqValue, leaf).map(([a, b, z]) => ({ $and: [{ a, b }, z] }) as Doc),
    fc.array(eqValue, { minLength: 1, maxLength: 2 }).map((ks) => ({ k: { $in: ks } }) as Doc),
    eqValue.map((k) => ({ k }) as Doc),
    queryArb,
  )
  fc.assert(
    fc.property(
      fc.array(sortDocArb, { maxLength: 40 }),
      fc.array(sortOpArb, { maxLength: 10 }),
      pageQuery,
      sortArb,
      fc.nat(3),
      fc.integer({ min: 1, max: 6 }),
      (docs, ops, q, [first, dir, idDir], skip, limit) => {
        const store = openStore()
        try {
          store.insertMany(
            'p',
            docs.map((d, i) => ({ ...clean(d), _id: `d${i}` })),
          )
          // `_id` last: a total order, so the pages must be identical, not just equivalent.
          const sort = { [first]: dir, _id: idDir }
          const page = (): string[] =>
            store.findRaw('p', q, { sort, skip, limit }).map((d) => String(d._id))
          const expected = (): string[] =>
            reference(store.find('p', {}), q, sort, skip, limit).map((d) => String(d._id))
          expect(page()).toEqual(expected())
          applyOps(store, ops)
          expect(page()).toEqual(expected())
        } finally {
          store.close()
        }
      },
    ),
    { numRuns: 250 },
  )
  // The ordered-index path did run (and, above, agreed with mingo).
  expect(walks).toHaveBeenCalled()
})

test('an ordered page inside a transaction reads the snapshot, not the indexes', () => {
  fc.assert(
    fc.property(
      fc.array(sortDocArb, { minLength: 1, maxLength: 30 }),
      fc.array(sortOpArb, { minLength: 1, maxLength: 15 }),
      eqValue,
      eqValue,
      (docs, ops, a, b) => {
        const store = openStore()
        try {
          store.insertMany(
            'p',
            docs.map((d, i) => ({ ...clean(d), _id: `d${i}` })),
          )
          const q = { a, b }
          const sort = { c: -1 as const, _id: 1 as const }
          store.findRaw('p', q, { sort, limit: 3 }) // builds the ordered bucket
          const snapshot = store.find('p', {})
          const tx = store.startTransaction()
          applyOps(store, ops)
          const inside = store.findRaw('p', q, { sort, limit: 3 }, tx).map((d) => d._id)
          expect(inside).toEqual(reference(snapshot, q, sort, 0, 3).map((d) => d._id))
          store.abortTransaction(tx)
          const after = store.findRaw('p', q, { sort, limit: 3 }).map((d) => d._id)
          expect(after).toEqual(reference(store.find('p', {}), q, sort, 0, 3).map((d) => d._id))
        } finally {
          store.close()
        }
      },
    ),
    { numRuns: 100 },
  )
})

// ----- aggregation ------------------------------------------------------------------------------------

const expr = fc.oneof(
  fc.constantFrom('$a', '$b', '$c', '$n.x', '$n', '$missing', 1, 'lit', null),
  fc
    .tuple(
      fc.constantFrom('$lt', '$lte', '$gt', '$gte', '$eq', '$ne'),
      fc.constantFrom('$a', '$c', '$n.x'),
      scalar,
    )
    .map(([op, l, r]) => ({ $cond: [{ [op]: [l, r] }, 1, 0] })),
  fc.tuple(fc.constantFrom('$a', '$n.x'), scalar).map(([l, r]) => ({ $ifNull: [l, r] })),
  fc.constantFrom(
    { x: '$a', y: '$n.x' },
    { $and: ['$a', '$b'] },
    { $or: ['$a', '$b'] },
    { $not: ['$a'] },
    { $literal: '$a' },
    { $cond: { if: '$b', then: '$a', else: '$c' } },
    '$$ROOT.a',
    { $subtract: ['$c', '$a'] },
    { $add: ['$a', 1, '$c'] },
    { $multiply: ['$a', '$c'] },
    { $divide: ['$c', '$a'] },
    { $type: '$a' }, // outside the subset: mingo runs the stage
  ),
)
const accumulator = fc.oneof(
  fc.constantFrom({ $sum: 1 }, { $sum: 0.1 }, { $count: {} }),
  fc
    .tuple(fc.constantFrom('$sum', '$avg', '$push', '$first', '$last', '$min', '$max'), expr)
    .map(([op, e]) => ({ [op]: e })),
)
const groupSpec = fc
  .tuple(
    fc.oneof(
      expr,
      fc.constantFrom({ s: '$a', t: '$b' }, { s: '$a' }, { t: '$c', s: '$n.x' }, {}, '$$ROOT'),
    ),
    fc.dictionary(fc.constantFrom('f', 'g', 'h', 'i'), accumulator, {
      maxKeys: 4,
      noNullPrototype: true,
    }),
  )
  .map(([_id, fields]) => ({ _id, ...fields }) as Doc)

test('an aggregation through the store equals mingo over its matches, and mutates nothing', () => {
  fc.assert(
    fc.property(
      fc.array(docArb, { maxLength: 25 }),
      fc.option(plannedQuery, { nil: undefined }),
      groupSpec,
      fc.constantFrom<Doc[]>(
        [],
        [{ $sort: { _id: 1 } }, { $limit: 3 }],
        [{ $count: 'n' }],
        [{ $addFields: { 'n.added': 1 } }],
        [{ $project: { 'n.x': 0 } }],
        [{ $unwind: '$a' }],
      ),
      (docs, match, spec, tail) => {
        const store = openStore()
        try {
          store.insertMany(
            'p',
            docs.map((d, i) => ({ ...clean(d), _id: `d${i}` })),
          )
          const before = store.find('p', {})
          // Input order is the scan order, which the plan decides (as before): feed mingo the same.
          const input = store.find('p', match ?? {})
          for (const pipeline of [
            [...(match ? [{ $match: match }] : []), { $group: spec }, ...tail],
            [...(match ? [{ $match: match }] : []), ...tail],
          ]) {
            const mingoPipeline = pipeline.filter((s) => !('$match' in s))
            let expected: Doc[]
            try {
              expected = mingoAggregate(input.map(clone), mingoPipeline)
            } catch {
              expect(() => store.aggregate('p', pipeline)).toThrow(/invalid aggregation/)
              continue
            }
            expect([pipeline, store.aggregate('p', pipeline)]).toStrictEqual([pipeline, expected])
          }
          expect(store.find('p', {})).toEqual(before)
        } finally {
          store.close()
        }
      },
    ),
    { numRuns: 200 },
  )
})

test('a projection works on copies: excluding a nested field leaves the stored document whole', () => {
  const store = openStore()
  try {
    store.insertMany('p', [{ _id: 'x', n: { x: 1, y: 2 } }])
    expect(store.findRaw('p', {}, { projection: { 'n.x': 0 } })).toEqual([
      { _id: 'x', n: { y: 2 } },
    ])
    expect(store.findRaw('p', {}, { sort: { _id: 1 }, projection: { 'n.x': 0 } })).toEqual([
      { _id: 'x', n: { y: 2 } },
    ])
    expect(store.get('p', 'x')).toEqual({ _id: 'x', n: { x: 1, y: 2 } })
  } finally {
    store.close()
  }
})

test('an ordered bucket holding an unsortable value leaves the page to the general path', () => {
  const store = openStore()
  try {
    const docs = [
      { _id: 'x', a: 1, b: 1, c: 3 },
      { _id: 'y', a: 1, b: 1, c: [1, 5] },
      { _id: 'z', a: 1, b: 1, c: 2 },
      { _id: 'w', a: 1, b: 2, c: 9 },
    ]
    store.insertMany('p', docs)
    const sort = { c: -1 as const }
    const walk = jest.spyOn(OrderedIndex.prototype, 'firstMatches')
    const page = store.findRaw('p', { a: 1, b: 1 }, { sort, limit: 2 })
    expect(walk).toHaveReturnedWith(null)
    const matches = store.find('p', { a: 1, b: 1 })
    expect(page).toEqual(mingoFind(matches, {}).sort(sort).limit(2).all())
  } finally {
    store.close()
  }
})

test('an indexed dotted path holding nested arrays is still found', () => {
  const store = openStore()
  try {
    store.insertMany('p', [
      { _id: 'x', n: { x: [['q']] } },
      { _id: 'y', n: { x: 'q' } },
    ])
    const all = store.find('p', {})
    expect(ids(store.find('p', { 'n.x': 'q' }))).toEqual(
      ids(mingoFind(all, { 'n.x': 'q' }).all() as Doc[]),
    )
  } finally {
    store.close()
  }
})

// ----- the response encoder ------------------------------------------------------------------------

/** What encode replaced: JSON.stringify with a replacer for Dates, RegExps and odd numbers. */
function referenceEncode(input: unknown): string {
  return JSON.stringify(input, function (this: unknown, key: string, v: unknown) {
    const raw = (this as Record<string, unknown>)[key]
    if (raw instanceof Date) {
      return Number.isNaN(raw.getTime()) ? null : { $date: raw.toISOString() }
    }
    if (v instanceof RegExp) return { $regularExpression: { pattern: v.source, options: v.flags } }
    if (typeof v === 'number' && !Number.isFinite(v)) return { $numberDouble: String(v) }
    return v
  })
}

test('encode writes exactly what JSON.stringify with the EJSON replacer writes', () => {
  const odd = fc.oneof(
    fc.date({ noInvalidDate: false }),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, /a"b\/c/gi, undefined, new Date(NaN)),
    fc.string({ unit: 'binary' }),
  )
  const valueArb = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue(),
      odd,
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(fc.string({ unit: 'binary' }), tie('v'), { maxKeys: 4, noNullPrototype: true }),
    ),
  })).v
  fc.assert(
    fc.property(valueArb, (input) => {
      expect(encode(input)).toBe(referenceEncode(input))
    }),
    { numRuns: 1000 },
  )
})

test('isoString is Date#toISOString', () => {
  const edges = [0, 1, 951782400000, 951868799999, 4107542400000, 253402300799999, 253402300800000]
  for (const ms of [...edges, -1, -62198755200000]) {
    expect(isoString(ms)).toBe(new Date(ms).toISOString())
  }
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 253402300799999 }), (ms) => {
      expect(isoString(ms)).toBe(new Date(ms).toISOString())
    }),
    { numRuns: 5000 },
  )
})

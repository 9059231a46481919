// Database actions through the real wx-server-sdk: CRUD, queries, update commands, aggregation.
import { database, errorText, Harness, post, rejection, startCloud } from './helpers'

let h: Harness
const db = () => database()
const _ = () => db().command

beforeAll(async () => {
  h = await startCloud()
  // Ten items with a predictable shape for the query tests.
  h.lc.store.insertMany(
    'items',
    Array.from({ length: 10 }, (_v, n) => ({
      _id: `item-${n}`,
      n,
      tag: n % 2 === 0 ? 'even' : 'odd',
      name: `Item-${n}`,
      ...(n < 3 ? { extra: true } : {}),
      nested: { level: n % 3 },
    })),
  )
})

afterAll(() => h.close())

const ids = (docs: Array<Record<string, unknown>>): unknown[] => docs.map((d) => d._id)
const itemsWhere = async (q: Record<string, unknown>): Promise<unknown[]> =>
  ids((await db().collection('items').where(q).orderBy('n', 'asc').get()).data)

describe('documents', () => {
  test('add returns a 32-hex _id and doc().get returns the document', async () => {
    const when = new Date('2024-05-01T08:00:00.000Z')
    const { _id } = await db()
      .collection('notes')
      .add({ data: { title: '你好', when, count: 3, ratio: 1.5, tags: ['a'], o: { k: null } } })
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    const { data } = await db().collection('notes').doc(_id).get()
    expect(data).toEqual({
      _id,
      title: '你好',
      when,
      count: 3,
      ratio: 1.5,
      tags: ['a'],
      o: { k: null },
    })
    expect(data.when).toBeInstanceOf(Date)
  })

  test('a given _id is kept; adding it twice is a duplicate key error', async () => {
    const { _id } = await db()
      .collection('notes')
      .add({ data: { _id: 'mine', v: 1 } })
    expect(_id).toBe('mine')
    const err = await rejection(
      db()
        .collection('notes')
        .add({ data: { _id: 'mine', v: 2 } }),
    )
    expect(errorText(err)).toMatch(/E11000 duplicate key error collection: notes index: _id_/)
    expect((await db().collection('notes').doc('mine').get()).data.v).toBe(1)
  })

  test('set creates, then replaces the whole document', async () => {
    const first = await db()
      .collection('notes')
      .doc('s1')
      .set({ data: { a: 1, b: { c: 2 } } })
    expect(first).toMatchObject({ _id: 's1', stats: { created: 1, updated: 0 } })
    const second = await db()
      .collection('notes')
      .doc('s1')
      .set({ data: { z: true } })
    expect(second).toMatchObject({ stats: { created: 0, updated: 1 } })
    expect((await db().collection('notes').doc('s1').get()).data).toEqual({ _id: 's1', z: true })
  })

  test('update merges plain fields (nested objects by dotted path) and reports updated', async () => {
    await db()
      .collection('notes')
      .doc('u1')
      .set({ data: { a: 1, o: { x: 1, y: 2 } } })
    const res = await db()
      .collection('notes')
      .doc('u1')
      .update({ data: { b: 2, o: { y: 3 } } })
    expect(res.stats.updated).toBe(1)
    expect((await db().collection('notes').doc('u1').get()).data).toEqual({
      _id: 'u1',
      a: 1,
      b: 2,
      o: { x: 1, y: 3 },
    })
    // Nothing changes: CloudBase (MongoDB) reports 0 updated.
    const same = await db()
      .collection('notes')
      .doc('u1')
      .update({ data: { b: 2 } })
    expect(same.stats.updated).toBe(0)
    const missing = await db()
      .collection('notes')
      .doc('nope')
      .update({ data: { b: 2 } })
    expect(missing.stats.updated).toBe(0)
  })

  test('remove deletes one document', async () => {
    await db()
      .collection('notes')
      .doc('r1')
      .set({ data: { a: 1 } })
    const res = await db().collection('notes').doc('r1').remove()
    expect(res.stats.removed).toBe(1)
    expect((await db().collection('notes').doc('r1').remove()).stats.removed).toBe(0)
  })

  test('getting a missing document throws the SDK error (or gives null when asked)', async () => {
    const err = await rejection(db().collection('notes').doc('ghost').get())
    expect(errorText(err)).toContain('document with _id ghost does not exist')
    const lenient = database({ throwOnNotFound: false })
    expect((await lenient.collection('notes').doc('ghost').get()).data).toBeNull()
    // A collection nobody wrote to reads as empty.
    expect((await db().collection('never-written').get()).data).toEqual([])
  })

  test('the SDK refuses an _id inside update data before sending', async () => {
    const err = await rejection(
      db()
        .collection('notes')
        .doc('u1')
        .update({ data: { _id: 'x' } }),
    )
    expect(err.errCode).toBe(-501007)
  })
})

describe('queries', () => {
  test('comparison operators', async () => {
    const c = _()
    expect(await itemsWhere({ n: c.eq(3) })).toEqual(['item-3'])
    expect(await itemsWhere({ n: 3 })).toEqual(['item-3'])
    expect((await itemsWhere({ n: c.neq(3) })).length).toBe(9)
    expect(await itemsWhere({ n: c.gt(7) })).toEqual(['item-8', 'item-9'])
    expect(await itemsWhere({ n: c.gte(8) })).toEqual(['item-8', 'item-9'])
    expect(await itemsWhere({ n: c.lt(2) })).toEqual(['item-0', 'item-1'])
    expect(await itemsWhere({ n: c.lte(1) })).toEqual(['item-0', 'item-1'])
    expect(await itemsWhere({ n: c.in([1, 5, 42]) })).toEqual(['item-1', 'item-5'])
    expect((await itemsWhere({ n: c.nin([1, 5]) })).length).toBe(8)
  })

  test('and, or, exists and nested fields', async () => {
    const c = _()
    expect(await itemsWhere({ n: c.gt(2).and(c.lt(5)) })).toEqual(['item-3', 'item-4'])
    expect(await itemsWhere({ n: c.eq(1).or(c.eq(8)) })).toEqual(['item-1', 'item-8'])
    const orQuery = c.or([{ n: 0 }, { tag: 'odd', n: c.gt(6) }])
    expect(
      ids((await db().collection('items').where(orQuery).orderBy('n', 'asc').get()).data),
    ).toEqual(['item-0', 'item-7', 'item-9'])
    const andQuery = c.and([{ tag: 'even' }, { n: c.gte(6) }])
    expect(
      ids((await db().collection('items').where(andQuery).orderBy('n', 'asc').get()).data),
    ).toEqual(['item-6', 'item-8'])
    expect(await itemsWhere({ extra: c.exists(true) })).toEqual(['item-0', 'item-1', 'item-2'])
    expect((await itemsWhere({ extra: c.exists(false) })).length).toBe(7)
    expect(await itemsWhere({ nested: { level: 2 } })).toEqual(['item-2', 'item-5', 'item-8'])
    expect(await itemsWhere({ 'nested.level': 2, tag: 'odd' })).toEqual(['item-5'])
  })

  test('regular expressions: db.RegExp and JS RegExp', async () => {
    const re = db().RegExp({ regexp: '^item-[12]$', options: 'i' })
    expect(await itemsWhere({ name: re })).toEqual(['item-1', 'item-2'])
    expect(await itemsWhere({ name: /TEM-9$/i })).toEqual(['item-9'])
    expect(await itemsWhere({ name: /^item-9$/ })).toEqual([])
  })

  test('orderBy, skip, limit and field', async () => {
    const res = await db()
      .collection('items')
      .orderBy('tag', 'asc')
      .orderBy('n', 'desc')
      .skip(1)
      .limit(3)
      .field({ n: true, tag: true })
      .get()
    expect(res.data).toEqual([
      { _id: 'item-6', n: 6, tag: 'even' },
      { _id: 'item-4', n: 4, tag: 'even' },
      { _id: 'item-2', n: 2, tag: 'even' },
    ])
    const excluded = await db()
      .collection('items')
      .doc('item-1')
      .field({ nested: false, name: false })
      .get()
    expect(excluded.data).toEqual({ _id: 'item-1', n: 1, tag: 'odd', extra: true })
  })

  test('limit defaults to 100 and cannot exceed 1000', async () => {
    h.lc.store.insertMany(
      'many',
      Array.from({ length: 1100 }, (_v, i) => ({ i })),
    )
    expect((await db().collection('many').get()).data.length).toBe(100)
    expect((await db().collection('many').limit(1000).get()).data.length).toBe(1000)
    expect((await db().collection('many').limit(5000).get()).data.length).toBe(1000)
    // The server clamps too, whatever a client sends.
    const raw = await post(`${h.url}/tcb`, {
      action: 'database.getDocument',
      collectionName: 'many',
      queryType: 'WHERE',
      limit: 5000,
    })
    expect((raw.json as { data: { list: unknown[] } }).data.list.length).toBe(1000)
    const page = await db().collection('many').orderBy('i', 'desc').skip(1090).get()
    expect(page.data.map((d) => d.i)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
  })

  test('count', async () => {
    expect((await db().collection('items').count()).total).toBe(10)
    expect((await db().collection('items').where({ tag: 'odd' }).count()).total).toBe(5)
    expect((await db().collection('never-written').count()).total).toBe(0)
  })
})

describe('where-update and where-remove', () => {
  beforeEach(async () => {
    await db()
      .collection('bulk')
      .where({ k: _().exists(true) })
      .remove()
    h.lc.store.insertMany('bulk', [
      { k: 1, g: 'a' },
      { k: 2, g: 'a' },
      { k: 3, g: 'b' },
    ])
  })

  test('where().update changes every match', async () => {
    const res = await db()
      .collection('bulk')
      .where({ g: 'a' })
      .update({ data: { seen: true } })
    expect(res.stats.updated).toBe(2)
    expect((await db().collection('bulk').where({ seen: true }).count()).total).toBe(2)
  })

  test('where().remove deletes every match', async () => {
    const res = await db()
      .collection('bulk')
      .where({ k: _().gte(2) })
      .remove()
    expect(res.stats.removed).toBe(2)
    expect((await db().collection('bulk').count()).total).toBe(1)
  })
})

describe('update commands', () => {
  const doc = () => db().collection('cmd').doc('c')
  const read = async () => (await doc().get()).data

  beforeEach(async () => {
    await doc().set({
      data: { n: 10, m: 3, arr: [1, 2, 3], set: ['a'], obj: { a: 1, b: 2 }, gone: 'x', lo: 5 },
    })
  })

  test('set, inc, mul, remove', async () => {
    const c = _()
    await doc().update({
      data: { obj: c.set({ z: 9 }), n: c.inc(5), m: c.mul(4), gone: c.remove() },
    })
    const d = await read()
    expect(d.obj).toEqual({ z: 9 })
    expect(d.n).toBe(15)
    expect(d.m).toBe(12)
    expect('gone' in d).toBe(false)
  })

  test('push (with position, slice, sort), pop, shift, unshift', async () => {
    const c = _()
    await doc().update({ data: { arr: c.push([4, 5]) } })
    expect((await read()).arr).toEqual([1, 2, 3, 4, 5])
    await doc().update({ data: { arr: c.push({ each: [0], position: 0 }) } })
    expect((await read()).arr).toEqual([0, 1, 2, 3, 4, 5])
    await doc().update({ data: { arr: c.push({ each: [9], sort: -1, slice: 3 }) } })
    expect((await read()).arr).toEqual([9, 5, 4])
    await doc().update({ data: { arr: c.pop() } })
    expect((await read()).arr).toEqual([9, 5])
    await doc().update({ data: { arr: c.shift() } })
    expect((await read()).arr).toEqual([5])
    await doc().update({ data: { arr: c.unshift([7]) } })
    expect((await read()).arr).toEqual([7, 5])
  })

  test('pull, pullAll, addToSet', async () => {
    const c = _()
    await doc().update({ data: { arr: c.pull(c.gt(1)) } })
    expect((await read()).arr).toEqual([1])
    await doc().update({ data: { set: c.addToSet('a') } })
    expect((await read()).set).toEqual(['a'])
    await doc().update({ data: { set: c.addToSet({ $each: ['b', 'a', 'b'] }) } })
    expect((await read()).set).toEqual(['a', 'b'])
    await doc().update({ data: { fresh: c.addToSet({ $each: ['x', 'x'] }) } })
    expect((await read()).fresh).toEqual(['x'])
    await doc().update({ data: { set: c.pullAll(['a', 'zzz']) } })
    expect((await read()).set).toEqual(['b'])
  })

  test('min, max, rename', async () => {
    const c = _()
    await doc().update({ data: { lo: c.min(2), n: c.max(100) } })
    await doc().update({ data: { m: c.rename('renamed') } })
    const d = await read()
    expect(d.lo).toBe(2)
    expect(d.n).toBe(100)
    expect(d.renamed).toBe(3)
    expect('m' in d).toBe(false)
  })
})

describe('server dates', () => {
  test('serverDate() in add and update is the server clock (+ offset)', async () => {
    const before = Date.now()
    const { _id } = await db()
      .collection('dates')
      .add({ data: { at: db().serverDate(), later: db().serverDate({ offset: 60_000 }) } })
    const d1 = (await db().collection('dates').doc(_id).get()).data
    expect(d1.at).toBeInstanceOf(Date)
    const at = (d1.at as Date).getTime()
    expect(at).toBeGreaterThanOrEqual(before)
    expect(at).toBeLessThanOrEqual(Date.now())
    expect((d1.later as Date).getTime() - at).toBe(60_000)
    await db()
      .collection('dates')
      .doc(_id)
      .update({ data: { touched: db().serverDate() } })
    const d2 = (await db().collection('dates').doc(_id).get()).data
    expect((d2.touched as Date).getTime()).toBeGreaterThanOrEqual(at)
    // ...and in queries.
    const hit = await db()
      .collection('dates')
      .where({ at: _().lte(db().serverDate()) })
      .count()
    expect(hit.total).toBe(1)
  })
})

describe('aggregate', () => {
  test('match, group, sort, skip, limit, project', async () => {
    const $ = _().aggregate
    const res = await db()
      .collection('items')
      .aggregate()
      .match({ n: _().gte(1) })
      .group({ _id: '$tag', total: $.sum('$n'), count: $.sum(1) })
      .sort({ total: -1 })
      .project({ _id: 0, tag: '$_id', total: 1, count: 1 })
      .end()
    expect(res.list).toEqual([
      { tag: 'odd', total: 25, count: 5 },
      { tag: 'even', total: 20, count: 4 },
    ])
    const paged = await db()
      .collection('items')
      .aggregate()
      .sort({ n: 1 })
      .skip(2)
      .limit(2)
      .project({ n: 1 })
      .end()
    expect(paged.list).toEqual([
      { _id: 'item-2', n: 2 },
      { _id: 'item-3', n: 3 },
    ])
  })

  test('count stage', async () => {
    const res = await db()
      .collection('items')
      .aggregate()
      .match({ tag: 'even' })
      .count('evens')
      .end()
    expect(res.list).toEqual([{ evens: 5 }])
  })

  test('aggregation does not change stored documents', async () => {
    await db()
      .collection('items')
      .aggregate()
      .match({ _id: 'item-1' })
      .addFields({ name: 'changed' })
      .end()
    expect((await db().collection('items').doc('item-1').get()).data.name).toBe('Item-1')
  })
})

describe('protocol edges', () => {
  test('an unknown action answers INVALID_PARAM with HTTP 200', async () => {
    const res = await post(`${h.url}/tcb`, { action: 'database.teleport' })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM' })
    expect((res.json as { message: string }).message).toContain('database.teleport')
  })

  test('addCollection makes an empty collection that reads as empty', async () => {
    await db().createCollection('fresh')
    expect(h.lc.store.collectionNames()).toContain('fresh')
    expect((await db().collection('fresh').count()).total).toBe(0)
  })

  test('an invalid query operator is an error, not a crash', async () => {
    const res = await post(`${h.url}/tcb`, {
      action: 'database.getDocument',
      collectionName: 'items',
      queryType: 'WHERE',
      query: '{"n":{"$bogus":1}}',
      limit: 10,
    })
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM' })
  })
})

describe('direct Store API', () => {
  test('find, count, get, collectionNames, isEmpty', () => {
    const s = h.lc.store
    const found = s.find(
      'items',
      { tag: 'odd' },
      { sort: { n: -1 }, skip: 1, limit: 2, projection: { n: 1 } },
    )
    expect(found).toEqual([
      { _id: 'item-7', n: 7 },
      { _id: 'item-5', n: 5 },
    ])
    // Results are copies: changing them does not change the store.
    found[0].n = 700
    expect(s.get('items', 'item-7')?.n).toBe(7)
    expect(s.count('items', { n: { $lt: 3 } })).toBe(3)
    expect(s.get('items', 'missing')).toBeNull()
    expect(s.collectionNames()).toEqual(expect.arrayContaining(['items', 'users', 'seats']))
    expect(s.isEmpty()).toBe(false)
  })
})

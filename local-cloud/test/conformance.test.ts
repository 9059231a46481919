// Where the local cloud once answered differently from CloudBase's database and storage, each
// checked through the real wx-server-sdk: queries and expressions mingo gets wrong, numeric
// `_id`s, what `set`/`updateAndReturn` report, `$`-prefixed field names, storage's 50-file limit.
import * as fs from 'node:fs'
import { Store, type Manifest } from '../src'
import {
  database,
  DocRef,
  errorText,
  Harness,
  rejection,
  runTransaction,
  startCloud,
  storage,
  tempDir,
} from './helpers'
import type { Doc } from './helpers'

let h: Harness
const db = () => database()

beforeAll(async () => {
  h = await startCloud()
})
afterAll(() => h.close())

// The SDK commands these tests use beyond the ones helpers.ts types.
type Op = (...args: unknown[]) => unknown
interface MoreCommands {
  gt: Op
  exists: Op
  elemMatch: Op
  mod: Op
  jsonSchema: Op
  aggregate: Record<
    'indexOfCP' | 'indexOfBytes' | 'substr' | 'substrBytes' | 'week' | 'isoWeek' | 'dateToString',
    Op
  >
}
const cmd = (): MoreCommands => db().command as unknown as MoreCommands
const $ = () => cmd().aggregate

/** Runs one `$project` over the single document of `c`. */
async function projectOne(c: string, project: Doc): Promise<Doc> {
  const { list } = await db().collection(c).aggregate().project(project).end()
  expect(list).toHaveLength(1)
  return list[0]
}

describe('queries', () => {
  beforeAll(async () => {
    await db()
      .collection('arrays')
      .add({ data: { _id: 'numbers', tags: [1, 2, 3, 7] } })
    await db()
      .collection('arrays')
      .add({ data: { _id: 'words', tags: ['Go'] } })
    await db()
      .collection('arrays')
      .add({ data: { _id: 'objects', tags: [{ value: 4 }, { other: 1 }] } })
  })

  const idsWhere = async (q: Doc): Promise<unknown[]> =>
    (await db().collection('arrays').where(q).orderBy('_id', 'asc').get()).data.map((d) => d._id)

  test('$elemMatch with a field condition matches document elements only, never plain values', async () => {
    const _ = cmd()
    expect(await idsWhere({ tags: _.elemMatch({ value: _.gt(0) }) })).toEqual(['objects'])
    expect(await idsWhere({ tags: _.elemMatch({ value: _.exists(true) }) })).toEqual(['objects'])
    expect(await idsWhere({ tags: _.elemMatch({ value: _.mod([2, 0]) }) })).toEqual(['objects'])
    // An operators-only spec still tests the elements themselves.
    expect(await idsWhere({ tags: _.elemMatch(_.gt(5)) })).toEqual(['numbers'])
  })

  test('_.jsonSchema queries run (ajv), with MongoDB bsonType names', async () => {
    const _ = cmd()
    await db()
      .collection('people')
      .add({ data: { _id: 'adult', name: 'A', age: 30 } })
    await db()
      .collection('people')
      .add({ data: { _id: 'child', name: 'B', age: 9 } })
    await db()
      .collection('people')
      .add({ data: { _id: 'nameless', age: 40 } })
    const schema = {
      required: ['name'],
      properties: { name: { bsonType: 'string' }, age: { bsonType: 'int', minimum: 18 } },
    }
    const { data } = await db()
      .collection('people')
      .where(_.jsonSchema(schema) as Doc)
      .get()
    expect(data.map((d) => d._id)).toEqual(['adult'])
    const bad = await rejection(
      db()
        .collection('people')
        .where(_.jsonSchema({ properties: { age: { bsonType: 'no-such-type' } } }) as Doc)
        .get(),
    )
    expect(bad.errCode).toBe(-501007)
  })
})

describe('aggregation expressions', () => {
  beforeAll(async () => {
    await db()
      .collection('exprs')
      .add({
        data: {
          name: 'Yuanxin',
          cn: '你好a',
          day: '1999/12/12',
          when: new Date('2019-05-14T09:38:51.686Z'),
        },
      })
  })

  test('$indexOfCP is there; $indexOfBytes counts UTF-8 bytes', async () => {
    const out = await projectOne('exprs', {
      _id: 0,
      cp: $().indexOfCP(['$name', 'a']),
      cn: $().indexOfCP(['$cn', 'a']),
      from: $().indexOfCP(['$name', 'n', 5]),
      missing: $().indexOfCP(['$name', 'z']),
      bytes: $().indexOfBytes(['$cn', 'a']),
    })
    expect(out).toEqual({ cp: 2, cn: 2, from: 6, missing: -1, bytes: 6 })
  })

  test('$substr / $substrBytes with a negative length give the rest of the string', async () => {
    const out = await projectOne('exprs', {
      _id: 0,
      rest: $().substr(['$day', 8, -1]),
      restBytes: $().substrBytes(['$day', 5, -1]),
      part: $().substr(['$day', 0, 4]),
      past: $().substrBytes(['$day', 50, 2]),
      cut: $().substrBytes(['$day', 8, 10]),
      cn: $().substrBytes(['$cn', 3, -1]),
    })
    expect(out).toEqual({
      rest: '12',
      restBytes: '12/12',
      part: '1999',
      past: '',
      cut: '12',
      cn: '好a',
    })
  })

  test('$week counts weeks from the first Sunday (week 0 before it); $isoWeek as before', async () => {
    const out = await projectOne('exprs', {
      _id: 0,
      week: $().week('$when'),
      isoWeek: $().isoWeek('$when'),
      text: $().dateToString({ date: '$when', format: '%Y-%U' }),
    })
    expect(out).toEqual({ week: 19, isoWeek: 20, text: '2019-19' })
    const days = ['2019-01-01', '2019-01-05', '2019-01-06', '2017-01-01', '2016-12-31']
    const weeks = await Promise.all(
      days.map(async (d) => {
        const { list } = await db()
          .collection('exprs')
          .aggregate()
          .project({ _id: 0, w: $().week(new Date(`${d}T12:00:00.000Z`)) })
          .end()
        return list[0].w
      }),
    )
    expect(weeks).toEqual([0, 0, 1, 1, 52])
  })
})

describe('numeric _id', () => {
  // The SDK takes `doc(id: string | number)`; helpers.ts types it as a string.
  const docRef = (c: string, id: number): DocRef =>
    (db().collection(c) as unknown as { doc(id: number): DocRef }).doc(id)

  test('add with a number _id returns it as given; 5 and "5" are different documents', async () => {
    const { _id } = await db()
      .collection('nums')
      .add({ data: { _id: 5, kind: 'number' } as Doc })
    expect(_id).toBe(5)
    const str = await db()
      .collection('nums')
      .add({ data: { _id: '5', kind: 'string' } })
    expect(str._id).toBe('5')
    expect((await docRef('nums', 5).get()).data).toEqual({ _id: 5, kind: 'number' })
    expect((await db().collection('nums').doc('5').get()).data).toEqual({
      _id: '5',
      kind: 'string',
    })
    const { data } = await db().collection('nums').where({ _id: 5 }).get()
    expect(data).toEqual([{ _id: 5, kind: 'number' }])
    const dup = await rejection(
      db()
        .collection('nums')
        .add({ data: { _id: 5 } as Doc }),
    )
    expect(errorText(dup)).toMatch(/E11000 duplicate key error collection: nums index: _id_/)
  })

  test('doc(number).set / update / remove', async () => {
    const created = await docRef('nums', 6).set({ data: { v: 1 } })
    expect(created.stats).toMatchObject({ created: 1, updated: 0 })
    expect((await docRef('nums', 6).update({ data: { v: 2 } })).stats.updated).toBe(1)
    expect((await docRef('nums', 6).get()).data).toEqual({ _id: 6, v: 2 })
    expect((await docRef('nums', 6).remove()).stats.removed).toBe(1)
  })

  test("a transaction's add and doc(number) take a number _id", async () => {
    await runTransaction(async (t) => {
      const added = await t.collection('nums').add({ data: { _id: 7, v: 'tx' } as Doc })
      expect(added._id).toBe(7)
      const tdoc = (t.collection('nums') as unknown as { doc(id: number): DocRef }).doc(5)
      await tdoc.update({ data: { touched: true } })
    })
    expect((await docRef('nums', 7).get()).data).toEqual({ _id: 7, v: 'tx' })
    expect((await docRef('nums', 5).get()).data).toEqual({ _id: 5, kind: 'number', touched: true })
  })

  test('numeric ids survive the journal and the snapshot, and unique indexes hold', () => {
    const dir = tempDir()
    const manifest: Manifest = {
      collections: [
        { name: 'u', indexes: [{ name: 'code_1', fields: { code: 1 }, unique: true }] },
      ],
    }
    try {
      let store = Store.open(dir, { fsync: false, manifest })
      expect(
        store.insertMany('u', [
          { _id: 5, code: 'a' },
          { _id: '5', code: 'b' },
        ]),
      ).toEqual([5, '5'])
      expect(() => store.insertMany('u', [{ _id: 8, code: 'a' }])).toThrow(/duplicate key/)
      // Rewriting the holder of a key keeps it; the other id may not take it.
      store.modify('u', { _id: 5 }, { operators: { n: 1 } }, { multi: false, upsert: false })
      expect(() =>
        store.modify(
          'u',
          { _id: '5' },
          { operators: { code: 'a' } },
          { multi: false, upsert: false },
        ),
      ).toThrow(/duplicate key/)
      store.close()

      store = Store.open(dir, { fsync: false, manifest }) // from the journal
      expect(store.get('u', 5)).toEqual({ _id: 5, code: 'a', n: 1 })
      expect(store.get('u', '5')).toEqual({ _id: '5', code: 'b' })
      store.compact()
      store.close()

      store = Store.open(dir, { fsync: false, manifest }) // from the snapshot
      expect(store.find('u', {}, { sort: { code: 1 } })).toEqual([
        { _id: 5, code: 'a', n: 1 },
        { _id: '5', code: 'b' },
      ])
      expect(() => store.insertMany('u', [{ _id: 9, code: 'b' }])).toThrow(/duplicate key/)
      store.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('what writes report', () => {
  interface Returning {
    updateAndReturn(data: Doc): Promise<{ updated: number; doc: Doc | null }>
  }
  // wx-server-sdk's query wrapper does not pass updateAndReturn on; the @cloudbase/database
  // query it wraps (`_query`) has it and sends `database.modifyAndReturnDoc` the same way.
  const whereReturning = (c: string, q: Doc): Returning =>
    (db().collection(c).where(q) as unknown as { _query: Returning })._query

  test('updateAndReturn that changes nothing still reports the document', async () => {
    await db()
      .collection('reports')
      .doc('r1')
      .set({ data: { x: 1 } })
    const same = await whereReturning('reports', { _id: 'r1' }).updateAndReturn({ x: 1 })
    expect(same).toMatchObject({ updated: 1, doc: { _id: 'r1', x: 1 } })
    const changed = await whereReturning('reports', { _id: 'r1' }).updateAndReturn({ x: 2 })
    expect(changed).toMatchObject({ updated: 1, doc: { _id: 'r1', x: 2 } })
    const none = await whereReturning('reports', { _id: 'nope' }).updateAndReturn({ x: 2 })
    expect(none).toMatchObject({ updated: 0, doc: null })
  })

  test('set on an existing document reports updated 1 even when nothing changes', async () => {
    const ref = db().collection('reports').doc('s1')
    expect((await ref.set({ data: { a: 1 } })).stats).toMatchObject({ created: 1, updated: 0 })
    expect((await ref.set({ data: { a: 1 } })).stats).toMatchObject({ created: 0, updated: 1 })
    // update keeps MongoDB's nModified: nothing changed, 0.
    expect((await ref.update({ data: { a: 1 } })).stats.updated).toBe(0)
    await runTransaction(async (t) => {
      const res = (await t
        .collection('reports')
        .doc('s1')
        .set({ data: { a: 1 } })) as {
        stats?: { updated: number }
        updated?: number
      }
      expect(res.stats?.updated ?? res.updated).toBe(1)
    })
  })
})

describe('field names starting with $', () => {
  const refused = async (p: Promise<unknown>): Promise<void> => {
    const err = await rejection(p)
    expect(err.errCode).toBe(-502001)
    expect(errorText(err)).toMatch(/\$ prefixed field names: \$_key/)
  }

  test('are refused in add, set, update and transactions, nested too, and nothing is written', async () => {
    const dollar = db().collection('dollar')
    await refused(dollar.add({ data: { $_key: 1 } }))
    await refused(dollar.add({ data: { _id: 'nested', o: { list: [{ $_key: 1 }] } } }))
    await refused(dollar.doc('d1').set({ data: { $_key: 1 } }))
    await dollar.doc('d2').set({ data: { a: 1 } })
    await refused(dollar.doc('d2').set({ data: { a: 2, o: { $_key: 1 } } }))
    await refused(dollar.doc('d2').update({ data: { o: { $_key: 1 } } }))
    await refused(dollar.where({ a: 1 }).update({ data: { o: { $_key: 1 } } }))
    // At the top of update data the SDK sends it as an operator: MongoDB's "Unknown modifier".
    for (const write of [
      () => dollar.doc('d2').update({ data: { $_key: 1 } }),
      () => dollar.where({ a: 1 }).update({ data: { $_key: 1 } }),
    ]) {
      const err = await rejection(write())
      expect(err.errCode).toBe(-502001)
      expect(errorText(err)).toMatch(/Unknown modifier: \$_key/)
    }
    const tx = await rejection(
      runTransaction(async (t) => {
        await t.collection('dollar').add({ data: { _id: 'in-tx', $_key: 1 } })
      }),
    )
    expect(errorText(tx)).toMatch(/\$ prefixed field names/)
    expect(h.lc.store.find('dollar', {})).toEqual([{ _id: 'd2', a: 1 }])
    expect((await dollar.where({ a: 1 }).get()).data).toEqual([{ _id: 'd2', a: 1 }])
  })
})

describe('storage', () => {
  test('getTempFileURL and deleteFile take at most 50 file IDs', async () => {
    const { fileID } = await storage.uploadFile({
      cloudPath: 'limit/one.txt',
      fileContent: Buffer.from('x'),
    })
    const ids = (n: number) => Array.from({ length: n }, () => fileID)
    const url = await rejection(storage.getTempFileURL({ fileList: ids(51) }))
    expect(url.code).toBe('INVALID_PARAM')
    const del = await rejection(storage.deleteFile({ fileList: ids(51) }))
    expect(del.code).toBe('INVALID_PARAM')
    // Nothing was deleted; 50 is fine.
    expect((await storage.getTempFileURL({ fileList: ids(50) })).fileList).toHaveLength(50)
    expect((await storage.deleteFile({ fileList: [fileID] })).fileList[0].status).toBe(0)
  })
})

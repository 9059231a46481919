// What WeChat cloud refuses, the local cloud refuses too, so code that works here works there:
// collections must be created first, uploads go only where the caller may put them, and the
// CloudBase endpoint answers the server SDK only, never a web page.
import { database, errorText, Harness, post, rejection, startCloud } from './helpers'

let h: Harness
const db = () => database()
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('rest of a png')])

beforeAll(async () => {
  h = await startCloud({
    strictCollections: true,
    authorizeUpload: (openid, cloudPath) =>
      openid !== undefined && cloudPath.startsWith(`photos/${openid}/`),
  })
})
afterAll(() => h.close())

describe('collections must exist', () => {
  test('reading or writing a collection nobody created fails and creates nothing', async () => {
    for (const op of [
      db()
        .collection('never-made')
        .add({ data: { a: 1 } }),
      db().collection('never-made').where({ a: 1 }).get(),
      db().collection('never-made').doc('x').get(),
      db().collection('never-made').count(),
    ]) {
      expect(errorText(await rejection(op))).toMatch(/not exist/i)
    }
    expect(h.lc.store.hasCollection('never-made')).toBe(false)
  })

  test('the manifest’s collections exist, and createCollection makes another', async () => {
    await db()
      .collection('items')
      .add({ data: { _id: 'listed', a: 1 } })
    expect(h.lc.store.get('items', 'listed')).toMatchObject({ a: 1 })
    await db().createCollection('made-later')
    await db()
      .collection('made-later')
      .add({ data: { _id: 'm1' } })
    expect((await db().collection('made-later').count()).total).toBe(1)
  })
})

describe('browser uploads', () => {
  test('go only where the caller may put them', async () => {
    const mine = await post(`${h.url}/upload?path=photos/o-1/a.png`, PNG, { 'x-wx-openid': 'o-1' })
    expect(mine.status).toBe(200)
    for (const [path, who] of [
      ['photos/o-2/a.png', 'o-1'],
      ['photos/o-1/b.png', ''],
      ['', 'o-1'],
    ]) {
      const res = await post(`${h.url}/upload?path=${path}`, PNG, who ? { 'x-wx-openid': who } : {})
      expect(res.status).toBe(403)
    }
    expect((await fetch(`${h.url}/storage/photos/o-2/a.png`)).status).toBe(404)
  })
})

describe('the CloudBase endpoint', () => {
  const insert = {
    action: 'database.insertDocument',
    collectionName: 'items',
    data: ['{"_id":"pwn"}'],
  }

  test('refuses a content type that merely mentions JSON', async () => {
    const res = await fetch(`${h.url}/tcb`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=application/json' },
      body: JSON.stringify(insert),
    })
    expect(res.status).toBe(415)
    expect(h.lc.store.get('items', 'pwn')).toBeNull()
  })

  test('refuses any request a web page sent', async () => {
    const fromPages: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of fromPages) {
      const res = await post(`${h.url}/tcb`, insert, headers)
      expect(res.status).toBe(403)
    }
    expect(h.lc.store.get('items', 'pwn')).toBeNull()
    // The SDK itself still gets through (every other test here depends on it).
    expect((await db().collection('items').count()).total).toBeGreaterThan(0)
  })
})

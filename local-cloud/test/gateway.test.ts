// The local gateway (POST /api/:function), function-to-function calls, round-trip counting,
// health, static files and CORS.
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as path from 'node:path'
import { callFunction, get, Harness, post, startCloud, tempDir } from './helpers'

let h: Harness
let staticDir: string

beforeAll(async () => {
  staticDir = tempDir('local-cloud-static-')
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>')
  fs.mkdirSync(path.join(staticDir, 'js'))
  fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(path.dirname(staticDir), 'outside-secret.txt'), 'secret')
  h = await startCloud({ staticDir })
})
afterAll(async () => {
  await h.close()
  fs.rmSync(staticDir, { recursive: true, force: true })
  fs.rmSync(path.join(path.dirname(staticDir), 'outside-secret.txt'), { force: true })
})

/** A request whose path is sent verbatim (fetch would normalise away the dot segments). */
function rawGet(pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${h.url}/`, { path: pathname }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('POST /api/:function', () => {
  test('the JSON body is the event; identity comes only from X-WX-OPENID, into the context', async () => {
    const res = await post(
      `${h.url}/api/whoami`,
      { action: 'hello', data: { x: 1 }, OPENID: 'forged' },
      { 'x-wx-openid': 'oUser_1-a' },
    )
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      event: { action: 'hello', data: { x: 1 }, OPENID: 'forged' },
      openid: 'oUser_1-a',
      appid: 'local-appid',
      functionName: 'whoami',
      hasRequestId: true,
    })
  })

  test('without the header the function runs with no identity', async () => {
    const res = await post(`${h.url}/api/whoami`, {})
    expect(res.status).toBe(200)
    expect((res.json as { openid: unknown }).openid).toBeNull()
  })

  test('a malformed openid header is refused', async () => {
    for (const bad of ['has space', 'x'.repeat(65), 'semi;colon']) {
      const res = await post(`${h.url}/api/whoami`, {}, { 'x-wx-openid': bad })
      expect(res.status).toBe(400)
      expect((res.json as { ok: boolean }).ok).toBe(false)
    }
  })

  test('unknown or malformed function names are 404 with the envelope', async () => {
    for (const name of ['nope', 'Whoami', '..%2Fwhoami', 'a'.repeat(33)]) {
      const res = await post(`${h.url}/api/${name}`, {})
      expect(res.status).toBe(404)
      expect(res.json).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: '没有这个云函数' },
      })
    }
  })

  test('a throwing function is a 500 envelope that hides the detail, and is logged', async () => {
    const res = await post(`${h.url}/api/boom`, {})
    expect(res.status).toBe(500)
    expect(res.json).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务出错了，请稍后再试' },
    })
    expect(h.logs.some((l) => l.includes('secret internal detail'))).toBe(true)
  })

  test('a body that is not JSON is refused', async () => {
    const res = await fetch(`${h.url}/api/whoami`, { method: 'POST', body: '{nope' })
    expect(res.status).toBe(400)
  })
})

describe('X-DB-Round-Trips', () => {
  test('a function making 3 database calls reports 3', async () => {
    const res = await post(`${h.url}/api/three-calls`, { tag: 't' })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-db-round-trips')).toBe('3')
  })

  test('concurrent invocations are counted separately', async () => {
    const [a, b, c] = await Promise.all([
      post(`${h.url}/api/three-calls`, { pauseMs: 20 }),
      post(`${h.url}/api/one-call`, { pauseMs: 10 }),
      post(`${h.url}/api/whoami`, {}),
    ])
    expect(a.headers.get('x-db-round-trips')).toBe('3')
    expect(b.headers.get('x-db-round-trips')).toBe('1')
    expect(c.headers.get('x-db-round-trips')).toBe('0')
  })

  test('calling another function is one round trip for the caller', async () => {
    const res = await post(`${h.url}/api/caller`, { q: 1 }, { 'x-wx-openid': 'oCaller' })
    expect(res.headers.get('x-db-round-trips')).toBe('1')
    // The callee gets no identity: it was not called by a user.
    expect(res.json).toEqual({
      inner: {
        event: { from: 'caller', inner: { q: 1 } },
        openid: null,
        appid: null,
        functionName: 'whoami',
        hasRequestId: true,
      },
    })
  })
})

describe('functions.invokeFunction through the SDK', () => {
  test('callFunction runs the function and returns its result', async () => {
    const res = await callFunction({ name: 'whoami', data: { hi: 1 } })
    expect(res && res.result).toMatchObject({ event: { hi: 1 }, openid: null })
  })

  test('a missing or throwing function rejects', async () => {
    await expect(callFunction({ name: 'nope', data: {} })).rejects.toMatchObject({
      code: 'FUNCTION_NOT_FOUND',
    })
    await expect(callFunction({ name: 'boom', data: {} })).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
    })
  })
})

describe('health, static files, CORS', () => {
  test('GET /healthz counts collections and documents', async () => {
    h.lc.store.insertMany('health', [{ a: 1 }, { a: 2 }])
    const res = await get(`${h.url}/healthz`)
    expect(res.json).toEqual({
      ok: true,
      collections: h.lc.store.collectionNames().length,
      documents: h.lc.store.documentCount(),
    })
    expect((res.json as { documents: number }).documents).toBeGreaterThanOrEqual(2)
  })

  test('static files with content types; unknown page routes get index.html', async () => {
    const js = await get(`${h.url}/js/app.js`)
    expect(js.headers.get('content-type')).toContain('text/javascript')
    expect(js.bytes.toString()).toBe('console.log(1)')
    const page = await get(`${h.url}/pages/suggestion/detail`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.bytes.toString()).toContain('<title>app</title>')
    expect((await get(`${h.url}/js/missing.js`)).status).toBe(404)
  })

  test('no way out of the static root', async () => {
    for (const p of [
      '/../outside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/js/../../outside-secret.txt',
    ]) {
      const res = await rawGet(p)
      expect(res.body).not.toContain('secret')
    }
  })

  test('the CloudBase endpoint is not open to web pages', async () => {
    const preflight = await fetch(`${h.url}/tcb`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    // A cross-site form post (no preflight) is refused before it touches the database.
    const form = await fetch(`${h.url}/tcb`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({
        action: 'database.insertDocument',
        collectionName: 'pwn',
        data: ['{}'],
      }),
    })
    expect(form.status).toBe(415)
    expect(h.lc.store.count('pwn')).toBe(0)
  })

  test('CORS preflight allows the identity header', async () => {
    const res = await fetch(`${h.url}/api/whoami`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:10087',
        'access-control-request-headers': 'x-wx-openid',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-headers')).toContain('x-wx-openid')
    expect(res.headers.get('access-control-expose-headers')).toContain('x-db-round-trips')
  })
})

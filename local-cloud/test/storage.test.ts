// Storage through the real SDK (uploadFile / getTempFileURL / downloadFile / deleteFile) and the
// browser client's POST /upload.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { get, Harness, post, startCloud, storage } from './helpers'

let h: Harness
beforeAll(async () => {
  h = await startCloud()
})
afterAll(() => h.close())

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('rest of a png')])
const JPEG = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.from('jpeg body')])
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 body')])
const GIF = Buffer.from('GIF89a and the rest')

test('upload, temp URL, download and delete round trip', async () => {
  const cloudPath = 'photos/2024 春/a+b.png'
  const up = await storage.uploadFile({ cloudPath, fileContent: PNG })
  expect(up.fileID).toBe(`cloud://local.local-bucket/${cloudPath}`)
  expect(fs.readFileSync(path.join(h.dataDir, 'storage', 'photos', '2024 春', 'a+b.png'))).toEqual(
    PNG,
  )

  const temp = await storage.getTempFileURL({ fileList: [up.fileID] })
  const item = temp.fileList[0]
  expect(item.status).toBe(0)
  expect(item.tempFileURL).toBe(`${h.url}/storage/${cloudPath}`)

  const served = await get(encodeURI(item.tempFileURL))
  expect(served.status).toBe(200)
  expect(served.headers.get('content-type')).toBe('image/png')
  expect(served.bytes).toEqual(PNG)

  const down = await storage.downloadFile({ fileID: up.fileID })
  expect(Buffer.from(down.fileContent)).toEqual(PNG)

  const del = await storage.deleteFile({ fileList: [up.fileID] })
  expect(del.fileList[0].status).toBe(0)
  expect((await get(encodeURI(item.tempFileURL))).status).toBe(404)
})

test('missing files: a temp URL item with an error status, delete reports it too', async () => {
  const temp = await storage.getTempFileURL({ fileList: ['cloud://local.local-bucket/nope.png'] })
  expect(temp.fileList[0].status).not.toBe(0)
  expect(temp.fileList[0].tempFileURL).toBe('')
  const del = await storage.deleteFile({ fileList: ['cloud://local.local-bucket/nope.png'] })
  expect(del.fileList[0].status).not.toBe(0)
})

test('content types follow the extension, else the magic bytes', async () => {
  for (const [name, bytes, type] of [
    ['t/a.jpg', JPEG, 'image/jpeg'],
    ['t/a.webp', WEBP, 'image/webp'],
    ['t/a.gif', GIF, 'image/gif'],
    ['t/noext', JPEG, 'image/jpeg'],
  ] as const) {
    await storage.uploadFile({ cloudPath: name, fileContent: bytes })
    const res = await get(`${h.url}/storage/${name}`)
    expect(res.headers.get('content-type')).toBe(type)
  }
})

test('uploading to a path that escapes storage fails', async () => {
  await expect(
    storage.uploadFile({ cloudPath: '../escape.png', fileContent: PNG }),
  ).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  await expect(
    storage.uploadFile({ cloudPath: 'a/../../escape.png', fileContent: PNG }),
  ).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  expect(fs.existsSync(path.join(h.dataDir, 'escape.png'))).toBe(false)
  for (const bad of [
    '/storage/..%2F..%2Fjournal.jsonl',
    '/storage/a/%2e%2e/%2e%2e/journal.jsonl',
  ]) {
    const res = await get(`${h.url}${bad}`)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.bytes.toString()).not.toContain('"s":')
  }
})

describe('POST /upload (browser client)', () => {
  test('stores an image and answers its fileID and url', async () => {
    const res = await post(`${h.url}/upload?path=avatars/u1.png`, PNG)
    expect(res.status).toBe(200)
    const body = res.json as { fileID: string; url: string }
    expect(body.fileID).toBe('cloud://local.local-bucket/avatars/u1.png')
    expect(body.url).toBe(`${h.url}/storage/avatars/u1.png`)
    expect((await get(body.url)).bytes).toEqual(PNG)
  })

  test('without a path it picks one with the right extension', async () => {
    const res = await post(`${h.url}/upload`, JPEG)
    const body = res.json as { fileID: string; url: string }
    expect(body.fileID).toMatch(/^cloud:\/\/local\.local-bucket\/uploads\/.+\.jpg$/)
    expect((await get(body.url)).headers.get('content-type')).toBe('image/jpeg')
  })

  test('takes a voice note (webm from a browser, mp3 from WeChat) and serves it as audio', async () => {
    const webm = Buffer.concat([Buffer.from('1a45dfa3', 'hex'), Buffer.alloc(32)])
    const res = await post(`${h.url}/upload?path=voice/a.webm`, webm)
    expect(res.status).toBe(200)
    const body = res.json as { fileID: string; url: string }
    expect(body.fileID).toBe('cloud://local.local-bucket/voice/a.webm')
    const got = await get(body.url)
    expect(got.headers.get('content-type')).toBe('audio/webm')
    expect(got.bytes).toEqual(webm)
    const mp3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(32)])
    expect((await post(`${h.url}/upload?path=voice/b.mp3`, mp3)).status).toBe(200)
  })

  test('refuses non-images, oversized bodies and bad paths', async () => {
    const text = await post(`${h.url}/upload?path=x.png`, Buffer.from('<svg onload=alert(1)>'))
    expect(text.status).toBe(400)
    expect(text.json).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '只能上传图片或语音' },
    })
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)])
    const tooBig = await post(`${h.url}/upload?path=big.png`, big)
    expect(tooBig.status).toBe(400)
    expect((tooBig.json as { error: { code: string } }).error.code).toBe('INVALID_INPUT')
    const escape = await post(`${h.url}/upload?path=../../x.png`, PNG)
    expect(escape.status).toBe(400)
    // a photo's magic bytes in front of a page: refused by its name, never served as HTML
    const page = Buffer.concat([JPEG, Buffer.from('<script>alert(1)</script>')])
    const html = await post(`${h.url}/upload?path=x.html`, page)
    expect(html.status).toBe(400)
    expect(html.json).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: '文件类型不对' },
    })
  })
})

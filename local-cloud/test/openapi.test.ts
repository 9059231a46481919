// The WeChat open-API stand-ins: mini-program codes, content checks and subscribe messages.
import { createHash } from 'node:crypto'
import * as QRCode from 'qrcode'
import { Harness, post, startCloud } from './helpers'

// pngjs comes with qrcode and has no typings here; this is the one call the test makes.
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(buf: Buffer): { width: number; height: number; data: Buffer } } }
}

let h: Harness
beforeAll(async () => {
  h = await startCloud()
})
afterAll(() => h.close())

const openapi = (api: string, body: unknown, headers: Record<string, string> = {}) =>
  post(`${h.url}/openapi/${api}`, body, headers)

/** Reads the module grid back out of the PNG and compares it with the QR code of `text`. */
function pngEncodes(png: Buffer, text: string): boolean {
  const img = PNG.sync.read(png)
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const size = qr.modules.size
  const margin = 2
  const scale = img.width / (size + 2 * margin)
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const x = Math.floor((c + margin + 0.5) * scale)
      const y = Math.floor((r + margin + 0.5) * scale)
      const dark = img.data[(y * img.width + x) * 4] < 128
      if (dark !== Boolean(qr.modules.get(r, c))) return false
    }
  }
  return true
}

describe('wxacode.getUnlimited', () => {
  test('answers a real QR PNG of <page>?scene=<encoded scene>', async () => {
    const scene = 'h=b12&r=301'
    const res = await openapi('wxacode.getUnlimited', {
      scene,
      page: 'pages/join/index',
      width: 300,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.bytes.subarray(0, 8)).toEqual(Buffer.from('89504e470d0a1a0a', 'hex'))
    expect(pngEncodes(res.bytes, `pages/join/index?scene=${encodeURIComponent(scene)}`)).toBe(true)
    expect(pngEncodes(res.bytes, 'pages/join/index?scene=other')).toBe(false)
  })

  test('different scenes give different images', async () => {
    const a = await openapi('wxacode.getUnlimited', { scene: 'a1' })
    const b = await openapi('wxacode.getUnlimited', { scene: 'b2' })
    expect(a.bytes.equals(b.bytes)).toBe(false)
  })

  test('scenes WeChat would refuse answer 40169', async () => {
    for (const scene of ['x'.repeat(33), '中文', 'has space', '', 42]) {
      const res = await openapi('wxacode.getUnlimited', { scene })
      expect(res.status).toBe(400)
      expect((res.json as { errcode: number }).errcode).toBe(40169)
    }
  })
})

describe('security.msgSecCheck', () => {
  test('ordinary text passes; listed terms are risky, even spaced out', async () => {
    const pass = await openapi('security.msgSecCheck', { content: '楼道灯坏了，请尽快修理' })
    expect(pass.json).toMatchObject({ errcode: 0, result: { suggest: 'pass', label: 100 } })
    for (const content of ['小区有人聚众赌博', '代开发票联系我', '出售枪支', '赌 . 博']) {
      const res = await openapi('security.msgSecCheck', { content })
      expect(res.json).toMatchObject({ errcode: 0, result: { suggest: 'risky' } })
    }
  })
})

describe('security.imgSecCheck', () => {
  const photo = (n: number) =>
    Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), Buffer.from(`photo number ${n}`)])

  test('an image passes unless it is on the refused list; a non-image or one over 1 MB fails', async () => {
    expect((await openapi('security.imgSecCheck', photo(1))).json).toMatchObject({ errcode: 0 })
    const hash = createHash('sha256').update(photo(2)).digest('hex')
    h.lc.store.insertMany('_wx_risky_images', [{ _id: hash, label: 'porn' }])
    expect((await openapi('security.imgSecCheck', photo(2))).json).toMatchObject({ errcode: 87014 })
    expect((await openapi('security.imgSecCheck', photo(3))).json).toMatchObject({ errcode: 0 })
    const text = Buffer.from('not an image at all')
    expect((await openapi('security.imgSecCheck', text)).json).toMatchObject({ errcode: 40004 })
    const big = Buffer.concat([photo(4), Buffer.alloc(1024 * 1024)])
    expect((await openapi('security.imgSecCheck', big)).json).toMatchObject({ errcode: 40006 })
  })
})

describe('subscribe messages', () => {
  const outbox = () => h.lc.store.find('outbox', {}, { sort: { createdAt: 1 } })
  const message = (touser: string) => ({
    touser,
    templateId: 'TPL_REPLY',
    page: 'pages/suggestion/detail?id=1',
    data: { thing1: { value: '您的建议已回复' }, time2: { value: '2024-05-01 10:00' } },
  })

  test('without quota: 43101, recorded as refused', async () => {
    const res = await openapi('subscribeMessage.send', message('oNoQuota'))
    expect(res.json).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
    expect(outbox().at(-1)).toMatchObject({ touser: 'oNoQuota', status: 'refused', errcode: 43101 })
  })

  test('one accept allows exactly one send', async () => {
    const accept = await openapi(
      'requestSubscribeMessage',
      { tmplIds: ['TPL_REPLY', 'TPL_OTHER'] },
      { 'x-wx-openid': 'oQuota' },
    )
    expect(accept.json).toEqual({
      errMsg: 'requestSubscribeMessage:ok',
      TPL_REPLY: 'accept',
      TPL_OTHER: 'accept',
    })
    const first = await openapi('subscribeMessage.send', message('oQuota'))
    expect(first.json).toMatchObject({ errcode: 0 })
    const sent = outbox().at(-1)
    expect(sent).toMatchObject({ ...message('oQuota'), status: 'sent' })
    expect(sent?.createdAt).toBeInstanceOf(Date)
    const second = await openapi('subscribeMessage.send', message('oQuota'))
    expect(second.json).toMatchObject({ errcode: 43101 })
    expect(h.lc.store.get('_wx_subscriptions', 'oQuota:TPL_REPLY')).toMatchObject({ count: 0 })
    expect(h.lc.store.get('_wx_subscriptions', 'oQuota:TPL_OTHER')).toMatchObject({ count: 1 })
  })

  test('requestSubscribeMessage needs an identity and 1 to 5 template ids', async () => {
    expect((await openapi('requestSubscribeMessage', { tmplIds: ['T'] })).status).toBe(401)
    const many = await openapi(
      'requestSubscribeMessage',
      { tmplIds: ['a', 'b', 'c', 'd', 'e', 'f'] },
      { 'x-wx-openid': 'oX' },
    )
    expect(many.status).toBe(400)
  })

  test('values longer than WeChat allows are refused with 47003 and not sent', async () => {
    await openapi('requestSubscribeMessage', { tmplIds: ['TPL_REPLY'] }, { 'x-wx-openid': 'oLong' })
    const tooLong = { ...message('oLong'), data: { thing1: { value: '这'.repeat(21) } } }
    const res = await openapi('subscribeMessage.send', tooLong)
    expect((res.json as { errcode: number }).errcode).toBe(47003)
    expect(h.lc.store.get('_wx_subscriptions', 'oLong:TPL_REPLY')).toMatchObject({ count: 1 })
  })
})

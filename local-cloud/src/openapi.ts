// Local stand-ins for the WeChat open APIs the functions' openapi port calls in local mode:
// mini-program codes (real QR PNGs), content security (a word list for text; for photos, a list
// of refused images by SHA-256) and subscribe messages (a quota per user and template, every send
// recorded in the `outbox` collection).
import { createHash } from 'node:crypto'
import { sniffImage } from './storage'
import type { Store } from './store'
import { qrPng } from './qr-png'
import { findBlockedTerm } from './wordlist'

export const SUBSCRIPTIONS = '_wx_subscriptions'
/** Photos imgSecCheck refuses: `{ _id: <sha256 hex of the bytes>, label }`, put there by hand or by tests. */
export const RISKY_IMAGES = '_wx_risky_images'
/** imgSecCheck takes images up to 1 MB. */
const IMG_SEC_CHECK_LIMIT = 1024 * 1024
export const OUTBOX = 'outbox'

export type OpenApiReply =
  | { status: number; json: Record<string, unknown> }
  | { status: number; png: Buffer }

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
const PAGE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/
const DEFAULT_PAGE = 'pages/index/index'

/** WeChat's per-keyword length limits for subscribe message values (characters). */
const VALUE_LIMITS: Record<string, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
}

function asRecord(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {}
}

export function getUnlimitedCode(body: unknown): OpenApiReply {
  const { scene, page, width } = asRecord(body)
  if (typeof scene !== 'string' || !SCENE.test(scene)) {
    return {
      status: 400,
      json: { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' },
    }
  }
  if (page !== undefined && (typeof page !== 'string' || !PAGE.test(page))) {
    return { status: 400, json: { errcode: 41030, errmsg: 'invalid page' } }
  }
  const size = typeof width === 'number' ? Math.min(1280, Math.max(280, Math.round(width))) : 430
  const text = `${page ?? DEFAULT_PAGE}?scene=${encodeURIComponent(scene)}`
  return { status: 200, png: qrPng(text, size) }
}

export function msgSecCheck(body: unknown): OpenApiReply {
  const { content } = asRecord(body)
  if (typeof content !== 'string' || content.length > 2500) {
    return { status: 400, json: { errcode: 47001, errmsg: 'data format error: content' } }
  }
  const hit = findBlockedTerm(content)
  return {
    status: 200,
    json: {
      errcode: 0,
      errmsg: 'ok',
      result: hit ? { suggest: 'risky', label: hit.label } : { suggest: 'pass', label: 100 },
      detail: hit
        ? [
            {
              strategy: 'keyword',
              errcode: 0,
              suggest: 'risky',
              label: hit.label,
              keyword: hit.term,
            },
          ]
        : [],
    },
  }
}

function invalidData(data: unknown): string | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'data'
  for (const [key, item] of Object.entries(data as Record<string, unknown>)) {
    const value = (item as { value?: unknown } | null)?.value
    if (typeof value !== 'string') return `data.${key}.value`
    const kind = key.replace(/\d+$/, '')
    const limit = VALUE_LIMITS[kind]
    if (limit !== undefined && [...value].length > limit) return `data.${key}.value exceeds limit`
  }
  return null
}

/** security.imgSecCheck: the image's bytes in, errcode 0 (fine) or 87014 (refused) out. */
export function imgSecCheck(store: Store, media: Buffer): OpenApiReply {
  if (media.length > IMG_SEC_CHECK_LIMIT) {
    return { status: 200, json: { errcode: 40006, errmsg: 'invalid media size' } }
  }
  if (!sniffImage(media))
    return { status: 200, json: { errcode: 40004, errmsg: 'invalid media type' } }
  const hash = createHash('sha256').update(media).digest('hex')
  return store.find(RISKY_IMAGES, { _id: hash }, { limit: 1 }).length > 0
    ? { status: 200, json: { errcode: 87014, errmsg: 'risky content' } }
    : { status: 200, json: { errcode: 0, errmsg: 'ok' } }
}

export function sendSubscribeMessage(store: Store, body: unknown): OpenApiReply {
  const { touser, templateId, page, data } = asRecord(body)
  if (typeof touser !== 'string' || touser === '') {
    return { status: 200, json: { errcode: 40003, errmsg: 'invalid openid' } }
  }
  if (typeof templateId !== 'string' || templateId === '') {
    return { status: 200, json: { errcode: 40037, errmsg: 'invalid template id' } }
  }
  const bad = invalidData(data)
  if (bad) return { status: 200, json: { errcode: 47003, errmsg: `argument invalid! ${bad}` } }
  const key = `${touser}:${templateId}`
  const now = new Date()
  const message = { touser, templateId, page: typeof page === 'string' ? page : '', data }
  // Quota and outbox change together: one journal record.
  const sent = store.atomically((tx) => {
    const [quota] = store.findRaw(SUBSCRIPTIONS, { _id: key }, { limit: 1 }, tx)
    const count = typeof quota?.count === 'number' ? quota.count : 0
    if (count > 0) {
      store.modify(
        SUBSCRIPTIONS,
        { _id: key },
        { operators: { $inc: { count: -1 }, $set: { updatedAt: now } } },
        { multi: false, upsert: false },
        tx,
      )
      store.insert(OUTBOX, [{ ...message, status: 'sent', createdAt: now }], tx)
      return true
    }
    store.insert(OUTBOX, [{ ...message, status: 'refused', errcode: 43101, createdAt: now }], tx)
    return false
  })
  return sent
    ? { status: 200, json: { errcode: 0, errmsg: 'ok' } }
    : { status: 200, json: { errcode: 43101, errmsg: 'user refuse to accept the msg' } }
}

/** The browser client's wx.requestSubscribeMessage: every template asked for is accepted. */
export function requestSubscribeMessage(
  store: Store,
  openid: string | undefined,
  body: unknown,
): OpenApiReply {
  if (!openid) {
    return {
      status: 401,
      json: { errMsg: 'requestSubscribeMessage:fail no identity (X-WX-OPENID)', errCode: -1 },
    }
  }
  const { tmplIds } = asRecord(body)
  if (
    !Array.isArray(tmplIds) ||
    tmplIds.length === 0 ||
    tmplIds.length > 5 ||
    !tmplIds.every((t) => typeof t === 'string' && t !== '')
  ) {
    return {
      status: 400,
      json: { errMsg: 'requestSubscribeMessage:fail invalid tmplIds (1 to 5 ids)', errCode: 20001 },
    }
  }
  const ids = [...new Set(tmplIds as string[])]
  const now = new Date()
  store.atomically((tx) => {
    for (const templateId of ids) {
      store.modify(
        SUBSCRIPTIONS,
        { _id: `${openid}:${templateId}` },
        { operators: { $inc: { count: 1 }, $set: { openid, templateId, updatedAt: now } } },
        { multi: false, upsert: true },
        tx,
      )
    }
  })
  const reply: Record<string, unknown> = { errMsg: 'requestSubscribeMessage:ok' }
  for (const id of ids) reply[id] = 'accept'
  return { status: 200, json: reply }
}

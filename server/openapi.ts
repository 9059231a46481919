// The one port to WeChat open APIs: cloud.openapi in production, the local cloud's stand-ins
// (outbox collection, real QR PNGs, a word-list check) when running locally.
import { getCloud, isLocal } from './cloud'

export interface SubscribeMessage {
  touser: string
  templateId: string
  page: string
  /** keyword → value; WeChat limits: thing ≤ 20 chars, phrase ≤ 5, name ≤ 10 */
  data: Record<string, { value: string }>
}

export type SendResult = { sent: true } | { sent: false; errcode: number; errmsg: string }
export type CheckVerdict = 'pass' | 'review' | 'risky'

export interface OpenApiPort {
  sendSubscribeMessage(msg: SubscribeMessage): Promise<SendResult>
  /** Text content security check (msgSecCheck v2). */
  checkText(openid: string, content: string): Promise<CheckVerdict>
  /** Photo content security check (imgSecCheck) of a file in cloud storage. */
  checkImage(fileID: string): Promise<CheckVerdict>
  /** A mini-program code (PNG) whose scene is `scene` (≤ 32 chars), opening `page`. */
  miniProgramCode(scene: string, page: string): Promise<Buffer>
}

interface WxError {
  errCode?: number
  errcode?: number
  errMsg?: string
  errmsg?: string
}

function localBase(): string {
  return String(process.env.LOCAL_CLOUD_URL).replace(/\/tcb\/?$/, '')
}

async function localPost(path: string, body: unknown): Promise<Response> {
  const raw = Buffer.isBuffer(body)
  return fetch(`${localBase()}/openapi/${path}`, {
    method: 'POST',
    headers: { 'content-type': raw ? 'application/octet-stream' : 'application/json' },
    body: raw ? new Uint8Array(body) : JSON.stringify(body),
  })
}

/** The bytes of a stored photo, as imgSecCheck wants them (the function fetches them itself). */
async function photoBytes(fileID: string): Promise<Buffer> {
  const storage = getCloud() as unknown as {
    downloadFile(p: { fileID: string }): Promise<{ fileContent: Buffer }>
  }
  return (await storage.downloadFile({ fileID })).fileContent
}

/** WeChat's answer for content that breaks the rules (imgSecCheck). */
const RISKY_CONTENT = 87014

/**
 * A check that could not be made (a network fault, a photo over imgSecCheck's 1 MB) lets the
 * photo through marked 'review' for staff, rather than refusing a resident for our failure.
 */
function imageVerdict(errcode: number, detail: unknown): CheckVerdict {
  if (errcode === 0) return 'pass'
  if (errcode === RISKY_CONTENT) return 'risky'
  console.error('[openapi.imgSecCheck]', errcode, detail)
  return 'review'
}

const local: OpenApiPort = {
  async sendSubscribeMessage(msg) {
    const res = (await (await localPost('subscribeMessage.send', msg)).json()) as WxError
    const errcode = res.errcode ?? 0
    return errcode === 0 ? { sent: true } : { sent: false, errcode, errmsg: res.errmsg ?? '' }
  },
  async checkText(_openid, content) {
    const res = (await (await localPost('security.msgSecCheck', { content })).json()) as {
      result?: { suggest?: CheckVerdict }
    }
    return res.result?.suggest ?? 'pass'
  },
  async checkImage(fileID) {
    try {
      const res = (await (
        await localPost('security.imgSecCheck', await photoBytes(fileID))
      ).json()) as WxError
      return imageVerdict(res.errcode ?? 0, res.errmsg)
    } catch (err) {
      return imageVerdict(-1, err)
    }
  },
  async miniProgramCode(scene, page) {
    const res = await localPost('wxacode.getUnlimited', { scene, page })
    if (!res.ok) throw new Error(`wxacode failed: ${await res.text()}`)
    return Buffer.from(await res.arrayBuffer())
  },
}

// cloud.openapi is typed as Record<string, any> by the SDK; these are the calls we make.
interface WxOpenApi {
  subscribeMessage: { send(p: Record<string, unknown>): Promise<unknown> }
  security: {
    msgSecCheck(p: Record<string, unknown>): Promise<{ result?: { suggest?: string } }>
    imgSecCheck(p: { media: { contentType: string; value: Buffer } }): Promise<unknown>
  }
  wxacode: { getUnlimited(p: Record<string, unknown>): Promise<{ buffer: Buffer }> }
}

const production: OpenApiPort = {
  async sendSubscribeMessage(msg) {
    const api = getCloud().openapi as unknown as WxOpenApi
    try {
      await api.subscribeMessage.send({ ...msg, miniprogramState: 'formal' })
      return { sent: true }
    } catch (err) {
      const e = err as WxError
      return { sent: false, errcode: e.errCode ?? e.errcode ?? -1, errmsg: e.errMsg ?? String(err) }
    }
  },
  async checkText(openid, content) {
    const api = getCloud().openapi as unknown as WxOpenApi
    const res = await api.security.msgSecCheck({ version: 2, openid, scene: 2, content })
    const suggest = res.result?.suggest
    return suggest === 'risky' || suggest === 'review' ? suggest : 'pass'
  },
  async checkImage(fileID) {
    const api = getCloud().openapi as unknown as WxOpenApi
    try {
      const value = await photoBytes(fileID)
      const contentType = value[0] === 0x89 ? 'image/png' : 'image/jpeg'
      await api.security.imgSecCheck({ media: { contentType, value } })
      return 'pass'
    } catch (err) {
      const e = err as WxError
      return imageVerdict(e.errCode ?? e.errcode ?? -1, e.errMsg ?? err)
    }
  },
  async miniProgramCode(scene, page) {
    const api = getCloud().openapi as unknown as WxOpenApi
    const res = await api.wxacode.getUnlimited({ scene, page, checkPath: false })
    return res.buffer
  },
}

export const openapi = (): OpenApiPort => (isLocal() ? local : production)

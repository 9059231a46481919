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
  return fetch(`${localBase()}/openapi/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
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
  async miniProgramCode(scene, page) {
    const res = await localPost('wxacode.getUnlimited', { scene, page })
    if (!res.ok) throw new Error(`wxacode failed: ${await res.text()}`)
    return Buffer.from(await res.arrayBuffer())
  },
}

// cloud.openapi is typed as Record<string, any> by the SDK; these are the calls we make.
interface WxOpenApi {
  subscribeMessage: { send(p: Record<string, unknown>): Promise<unknown> }
  security: { msgSecCheck(p: Record<string, unknown>): Promise<{ result?: { suggest?: string } }> }
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
  async miniProgramCode(scene, page) {
    const api = getCloud().openapi as unknown as WxOpenApi
    const res = await api.wxacode.getUnlimited({ scene, page, checkPath: false })
    return res.buffer
  },
}

export const openapi = (): OpenApiPort => (isLocal() ? local : production)

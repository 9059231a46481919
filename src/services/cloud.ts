// The only caller of cloud functions. weapp: Taro.cloud.callFunction; h5: the local cloud gateway.
// Owns the envelope, error toasts and retries so pages never repeat that boilerplate.
import Taro from '@tarojs/taro'
import type { Envelope, ErrorCode, InputOf, OutputOf } from '@/contract/common'
import { toast } from './feedback'
import { currentPersonaId } from './persona'

/**
 * Every cloud function the app calls, by name. Each service file registers its own function, one
 * way: `declare module './cloud' { interface CloudRegistry { <fn>: <Contract> } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface -- filled in by each service
export interface CloudRegistry {}

export type FunctionName = keyof CloudRegistry
export type ActionName<F extends FunctionName> = keyof CloudRegistry[F] & string

export interface CallOptions {
  /** no toast on failure: the caller shows the error itself */
  silent?: boolean
  /** the call is an idempotent read: retry once on a network failure */
  retry?: boolean
}

export type CloudErrorCode = ErrorCode | 'NETWORK'

export class CloudError extends Error {
  readonly code: CloudErrorCode

  constructor(code: CloudErrorCode, message: string) {
    super(message)
    this.name = 'CloudError'
    this.code = code
  }
}

export const NETWORK_MESSAGE = '网络不好，请稍后再试'

/**
 * The Chinese sentence to show for a failed call: the function's own message (it is written for
 * residents), else `fallback`. Pages never format errors themselves.
 */
export function errorMessage(err: unknown, fallback: string): string {
  return err instanceof CloudError ? err.message : fallback
}

/** Whether a call failed with this code (e.g. CONFLICT: already done). */
export function failedWith(err: unknown, code: CloudErrorCode): boolean {
  return err instanceof CloudError && err.code === code
}

let apiBase = ''

/** h5 only: where the local cloud gateway lives. '' = same origin (tests point it elsewhere). */
export function setApiBase(url: string): void {
  apiBase = url.replace(/\/+$/, '')
}

/** h5: the local cloud URL of `path` (uploads, stored files, the subscription stand-in). */
export function apiUrl(path: string): string {
  return `${apiBase}${path}`
}

let cloudReady = false

/** weapp: `Taro.cloud.init` once, before any cloud call (functions, uploads). */
export function ensureCloud(): void {
  if (cloudReady) return
  // TARO_APP_CLOUD_ENV (from .env or the shell at build time) picks the cloud env;
  // empty leaves the choice to the mini-program's default env.
  const env = process.env.TARO_APP_CLOUD_ENV || undefined
  Taro.cloud.init({ env, traceUser: true })
  cloudReady = true
}

/** Raised for anything that never produced an envelope: offline, timeout, gateway down. */
class NetworkFailure extends Error {}

async function send(fn: string, action: string, data: unknown): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    ensureCloud()
    try {
      const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } })
      return res.result
    } catch (err) {
      throw new NetworkFailure(String(err))
    }
  }
  let res: Response
  try {
    res = await fetch(`${apiBase}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-WX-OPENID': currentPersonaId() },
      body: JSON.stringify({ action, data }),
    })
  } catch (err) {
    throw new NetworkFailure(String(err))
  }
  try {
    return await res.json()
  } catch (err) {
    // A proxy error page or an empty 502: treat as the network, not as our function.
    throw new NetworkFailure(`HTTP ${res.status}: ${String(err)}`)
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const ok = (value as { ok: unknown }).ok
  if (ok === true) return 'data' in value
  if (ok !== false || !('error' in value)) return false
  const error = (value as { error: unknown }).error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}

function fail(err: CloudError, options: CallOptions): never {
  if (!options.silent) {
    toast(err.message)
  }
  throw err
}

/** Call `fn`'s `action` with `data`; resolves to the action's output or throws a CloudError. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  data: InputOf<CloudRegistry[F][A]>,
  options: CallOptions = {},
): Promise<OutputOf<CloudRegistry[F][A]>> {
  const attempts = options.retry ? 2 : 1
  let raw: unknown
  for (let attempt = 1; ; attempt++) {
    try {
      raw = await send(fn, action, data)
      break
    } catch (err) {
      if (!(err instanceof NetworkFailure)) throw err
      if (attempt >= attempts) fail(new CloudError('NETWORK', NETWORK_MESSAGE), options)
    }
  }
  if (!isEnvelope(raw)) {
    fail(new CloudError('INTERNAL', '服务出了点问题，请稍后再试'), options)
  }
  if (!raw.ok) {
    fail(new CloudError(raw.error.code, raw.error.message), options)
  }
  return raw.data as OutputOf<CloudRegistry[F][A]>
}

// The one place a cloud function initialises wx-server-sdk and learns who is calling.
import * as cloud from 'wx-server-sdk'

let initialised = false

/**
 * Production: the function runs in WeChat cloud and uses its own environment.
 * Local: the gateway sets LOCAL_CLOUD_URL and the same SDK talks to the local cloud.
 */
export function getCloud(): typeof cloud {
  if (!initialised) {
    const serviceUrl = process.env.LOCAL_CLOUD_URL
    if (serviceUrl) {
      // serviceUrl/secretId/secretKey are accepted by the SDK but missing from its typings.
      const localInit = cloud.init as (config: Record<string, unknown>) => void
      localInit({ env: 'local', secretId: 'local', secretKey: 'local', serviceUrl })
    } else {
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    }
    initialised = true
  }
  return cloud
}

export const isLocal = (): boolean => Boolean(process.env.LOCAL_CLOUD_URL)

/** Shape of the second argument of main(); `localIdentity` is set only by the local gateway. */
export interface FunctionContext {
  function_name?: string
  request_id?: string
  localIdentity?: { OPENID?: string; APPID?: string; UNIONID?: string }
}

/**
 * The caller's openid. In WeChat cloud it comes from the platform (getWXContext), locally from
 * the gateway's per-request context. Never from the event: a client controls the event.
 */
export function callerOpenid(context: FunctionContext | undefined): string | undefined {
  if (isLocal()) return context?.localIdentity?.OPENID || undefined
  return getCloud().getWXContext().OPENID || undefined
}

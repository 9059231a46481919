import type { Envelope } from '../../src/contract/common'

/** The base URL of the local cloud that test-cloud-global.ts started for this run. */
export function testCloudUrl(): string {
  const url = process.env.MQSD_TEST_CLOUD_URL
  if (!url) throw new Error('MQSD_TEST_CLOUD_URL is not set: run the suite through jest.config.js')
  return url
}

/**
 * Calls `fn.action` as `openid` on the local cloud at `base`, as the person's phone would; resolves
 * to the data or fails the test with the error. End-to-end tests use it against their app.
 */
export async function callAt<T = unknown>(
  base: string,
  fn: string,
  openid: string,
  action: string,
  data?: unknown,
): Promise<T> {
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action, data }),
  })
  const env = (await res.json()) as Envelope<T>
  if (!env.ok)
    throw new Error(`${fn}.${action} as ${openid}: ${env.error.code} ${env.error.message}`)
  return env.data
}

/** `callAt` the cloud test-cloud-global.ts started: page and weapp tests' "what other people do". */
export function api<T = unknown>(
  fn: string,
  openid: string,
  action: string,
  data?: unknown,
): Promise<T> {
  return callAt<T>(testCloudUrl(), fn, openid, action, data)
}

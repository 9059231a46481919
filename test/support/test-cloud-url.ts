import type { Envelope } from '../../src/contract/common'

/** The base URL of the local cloud that test-cloud-global.ts started for this run. */
export function testCloudUrl(): string {
  const url = process.env.MQSD_TEST_CLOUD_URL
  if (!url) throw new Error('MQSD_TEST_CLOUD_URL is not set: run the suite through jest.config.js')
  return url
}

/**
 * Calls `fn.action` as `openid` on that cloud, as the person's phone would; resolves to the data
 * or fails the test with the error. Page and weapp tests use it for what other people do.
 */
export async function api<T = unknown>(
  fn: string,
  openid: string,
  action: string,
  data?: unknown,
): Promise<T> {
  const res = await fetch(`${testCloudUrl()}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify({ action, data }),
  })
  const env = (await res.json()) as Envelope<T>
  if (!env.ok)
    throw new Error(`${fn}.${action} as ${openid}: ${env.error.code} ${env.error.message}`)
  return env.data
}

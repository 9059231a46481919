// jest globalSetup/globalTeardown: one seeded local cloud for the page and weapp suites, started in
// the parent node process (the suites run under jsdom, which is no place for a server) and found
// by the suites through MQSD_TEST_CLOUD_URL (set it yourself to test against a cloud you run).
// Tests keep to their own fresh openids, so sharing one cloud is safe.
import { startTestCloud } from './cloud'

type Running = Awaited<ReturnType<typeof startTestCloud>>
const KEY = '__mqsdTestCloud'
const holder = globalThis as typeof globalThis & { [KEY]?: Running }

export async function setup(): Promise<void> {
  // Already running (another project's setup), or pointed at an outside cloud on purpose.
  if (holder[KEY] || process.env.MQSD_TEST_CLOUD_URL) return
  const cloud = await startTestCloud()
  holder[KEY] = cloud
  process.env.MQSD_TEST_CLOUD_URL = cloud.url
}

export async function teardown(): Promise<void> {
  const cloud = holder[KEY]
  delete holder[KEY]
  if (cloud) await cloud.close()
}

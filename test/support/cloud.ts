// A seeded local cloud on a random port, with the cloud functions freshly built, for tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startLocalCloud, Store, type LocalCloud } from '../../local-cloud/src'
import { mayUpload } from '../../server/uploads'
import { buildFunctions } from '../../scripts/build-functions'
import { seedIfEmpty } from '../../seed'
import type { Envelope } from '../../src/contract/common'

const ROOT = resolve(__dirname, '..', '..')

export interface TestCloud {
  url: string
  cloud: LocalCloud
  dataDir: string
  /** POST /api/<fn> as `openid` (no header when undefined); returns the envelope and round trips. */
  call<T = unknown>(
    fn: string,
    openid: string | undefined,
    action: string,
    data?: unknown,
  ): Promise<Envelope<T>>
  callRaw(
    fn: string,
    openid: string | undefined,
    event: unknown,
  ): Promise<{ status: number; body: Envelope<unknown>; roundTrips: number }>
  close(): Promise<void>
}

let built = false

export async function startTestCloud(
  opts: { seed?: boolean; now?: Date } = {},
): Promise<TestCloud> {
  if (!built) {
    buildFunctions({ quiet: true })
    built = true
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mqsd-test-'))
  const manifestPath = join(ROOT, 'database', 'manifest.json')
  if (opts.seed !== false) {
    const store = Store.open(dataDir, { manifest: manifestPath, fsync: false })
    seedIfEmpty(store, opts.now)
    store.close()
  }
  const cloud = await startLocalCloud({
    dataDir,
    port: 0,
    manifestPath,
    functionsDir: join(ROOT, 'cloudfunctions'),
    fsync: false,
    authorizeUpload: mayUpload,
    log: () => undefined,
  })
  const callRaw: TestCloud['callRaw'] = async (fn, openid, event) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (openid) headers['x-wx-openid'] = openid
    const res = await fetch(`${cloud.url}/api/${fn}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(event),
    })
    return {
      status: res.status,
      body: (await res.json()) as Envelope<unknown>,
      roundTrips: Number(res.headers.get('x-db-round-trips') ?? NaN),
    }
  }
  return {
    url: cloud.url,
    cloud,
    dataDir,
    callRaw,
    async call<T>(fn: string, openid: string | undefined, action: string, data?: unknown) {
      return (await callRaw(fn, openid, { action, data })).body as Envelope<T>
    },
    async close() {
      await cloud.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Unwraps an ok envelope or fails the test with the error it carried. */
export function ok<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`)
  return env.data
}

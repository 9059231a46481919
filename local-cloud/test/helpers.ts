// Test harness: a local cloud on a random port with a fresh data dir, and the REAL wx-server-sdk
// pointed at it (cloud.init is module-global, so one cloud per test file).
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as cloud from 'wx-server-sdk'
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../src'
import type { Doc } from '../src/store'

export { cloud }
export type { Doc }

export const FIXTURES = path.join(__dirname, 'fixtures')
export const MANIFEST = path.join(FIXTURES, 'manifest.json')

export interface Harness {
  lc: LocalCloud
  url: string
  dataDir: string
  logs: string[]
  close(): Promise<void>
}

export function tempDir(prefix = 'local-cloud-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export function initSdk(url: string): void {
  // serviceUrl and the secrets are accepted by the SDK but missing from its typings.
  const init = cloud.init as (config: Record<string, unknown>) => void
  init({ env: 'local', secretId: 'local', secretKey: 'local', serviceUrl: `${url}/tcb` })
}

export async function startCloud(extra: Partial<LocalCloudOptions> = {}): Promise<Harness> {
  process.env.TENCENTCLOUD = 'true'
  const dataDir = tempDir()
  const logs: string[] = []
  const lc = await startLocalCloud({
    dataDir,
    port: 0,
    manifestPath: MANIFEST,
    functionsDir: path.join(FIXTURES, 'functions'),
    // The conformance tests make collections by writing to them; one test checks strict mode.
    strictCollections: false,
    log: (line) => logs.push(line),
    ...extra,
  })
  initSdk(lc.url)
  return {
    lc,
    url: lc.url,
    dataDir,
    logs,
    async close() {
      await lc.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface HttpReply {
  status: number
  headers: Headers
  json: unknown
  bytes: Buffer
}

export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpReply> {
  const raw = Buffer.isBuffer(body) ? new Uint8Array(body) : null
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': raw ? 'application/octet-stream' : 'application/json', ...headers },
    body: raw ?? JSON.stringify(body),
  })
  return reply(res)
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<HttpReply> {
  return reply(await fetch(url, { headers }))
}

async function reply(res: Response): Promise<HttpReply> {
  const bytes = Buffer.from(await res.arrayBuffer())
  let json: unknown = null
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    json = JSON.parse(bytes.toString('utf8'))
  }
  return { status: res.status, headers: res.headers, json, bytes }
}

/** What the SDK rejects with: an Error carrying errCode/errMsg, or a raw `{code, message}`. */
export interface SdkError {
  errCode?: number
  errMsg?: string
  message?: string
  code?: string
}

export async function rejection(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p
  } catch (err) {
    return err as SdkError
  }
  throw new Error('expected the promise to reject')
}

export function errorText(e: SdkError): string {
  return `${e.errMsg ?? ''} ${e.message ?? ''} ${e.code ?? ''}`
}

// The SDK types transactions as `any`; these are the parts the tests use.
export interface TxDoc {
  get(): Promise<{ data: Doc | null }>
  set(o: { data: Doc }): Promise<unknown>
  update(o: { data: Doc }): Promise<unknown>
  remove(): Promise<unknown>
}
export interface TxCollection {
  doc(id: string): TxDoc
  add(o: { data: Doc }): Promise<{ _id: string }>
  where(q: Doc): { get(): Promise<{ data: Doc[] }> }
}
export interface Tx {
  collection(name: string): TxCollection
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

export function runTransaction<T>(fn: (t: Tx) => Promise<T>, retries?: number): Promise<T> {
  return database().runTransaction(fn, retries)
}

export function startTransaction(): Promise<Tx> {
  return database().startTransaction()
}

// wx-server-sdk's own typings mix callback overloads into every result (`string | void | …`) and
// miss options such as throwOnNotFound; this is the promise API the tests actually call.
export interface Cmd {
  and(...conditions: unknown[]): Cmd
  or(...conditions: unknown[]): Cmd
}
type Op = (...args: unknown[]) => Cmd
export interface Command {
  eq: Op
  neq: Op
  gt: Op
  gte: Op
  lt: Op
  lte: Op
  in: Op
  nin: Op
  exists: Op
  and: Op
  or: Op
  set: Op
  inc: Op
  mul: Op
  remove: Op
  push: Op
  pop: Op
  shift: Op
  unshift: Op
  pull: Op
  pullAll: Op
  addToSet: Op
  min: Op
  max: Op
  rename: Op
  aggregate: { sum: Op }
}
export interface Query {
  where(q: Doc | Cmd): Query
  orderBy(field: string, direction: 'asc' | 'desc'): Query
  skip(n: number): Query
  limit(n: number): Query
  field(projection: Doc): Query
  get(): Promise<{ data: Doc[] }>
  count(): Promise<{ total: number }>
  update(o: { data: Doc }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
}
export interface DocRef {
  get(): Promise<{ data: Doc }>
  set(o: { data: Doc }): Promise<{ _id: string; stats: { updated: number; created: number } }>
  update(o: { data: Doc }): Promise<{ stats: { updated: number } }>
  remove(): Promise<{ stats: { removed: number } }>
  field(projection: Doc): DocRef
}
export interface Aggregate {
  match(q: Doc): Aggregate
  group(g: Doc): Aggregate
  sort(s: Doc): Aggregate
  skip(n: number): Aggregate
  limit(n: number): Aggregate
  project(p: Doc): Aggregate
  addFields(p: Doc): Aggregate
  count(field: string): Aggregate
  end(): Promise<{ list: Doc[] }>
}
export interface CollectionRef extends Query {
  doc(id: string): DocRef
  add(o: { data: Doc }): Promise<{ _id: string }>
  aggregate(): Aggregate
}
export interface Db {
  command: Command
  serverDate(opts?: { offset: number }): unknown
  RegExp(opts: { regexp: string; options?: string }): unknown
  collection(name: string): CollectionRef
  createCollection(name: string): Promise<unknown>
  runTransaction<T>(fn: (t: Tx) => Promise<T>, retries?: number): Promise<T>
  startTransaction(): Promise<Tx>
}

export function database(config: { throwOnNotFound?: boolean } = {}): Db {
  return (cloud.database as (c: object) => unknown)(config) as Db
}

export interface FileItem {
  fileID: string
  status: number
  tempFileURL: string
}
export const storage = {
  uploadFile: (p: { cloudPath: string; fileContent: Buffer }) =>
    cloud.uploadFile(p) as Promise<{ fileID: string }>,
  getTempFileURL: (p: { fileList: string[] }) =>
    cloud.getTempFileURL(p) as Promise<{ fileList: FileItem[] }>,
  downloadFile: (p: { fileID: string }) =>
    cloud.downloadFile(p) as Promise<{ fileContent: Buffer }>,
  deleteFile: (p: { fileList: string[] }) =>
    cloud.deleteFile(p) as unknown as Promise<{ fileList: FileItem[] }>,
}

export function callFunction(p: { name: string; data?: object }): Promise<{ result: unknown }> {
  return cloud.callFunction(p) as Promise<{ result: unknown }>
}

// The local cloud: one Node process speaking the CloudBase protocol over HTTP, plus the local
// gateway for cloud functions (/api), storage, WeChat open-API stand-ins and static files.
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as path from 'node:path'
import type { AddressInfo } from 'node:net'
import { FunctionHost } from './functions'
import {
  getUnlimitedCode,
  imgSecCheck,
  msgSecCheck,
  OpenApiReply,
  requestSubscribeMessage,
  sendSubscribeMessage,
} from './openapi'
import { contentTypeFor, encodeCloudPath, FileStorage, sniffAudio, sniffImage } from './storage'
import { Store, type StoreOpenOptions } from './store'
import { handleTcb } from './tcb'

export { Store } from './store'
export type { Doc, FindOptions, StoreOpenOptions, SyncCall } from './store'
export type { Manifest, ManifestCollection, ManifestIndex } from './manifest'
export type { FunctionContext, LocalIdentity } from './functions'

export interface LocalCloudOptions {
  /** Durable files live here (created if missing). */
  dataDir: string
  /** Default 10086; 0 = a random free port. */
  port?: number
  /** Default '127.0.0.1'. */
  host?: string
  /** Database manifest (collections + indexes), default <repo>/database/manifest.json. */
  manifestPath?: string
  /** <functionsDir>/<name>/index.js exports main(event, context); default <repo>/cloudfunctions. */
  functionsDir?: string
  /** If given, GET of any other path serves files from it (SPA: unknown paths → index.html). */
  staticDir?: string
  /** Default true. */
  fsync?: boolean
  /** The store's sync call (see `StoreOpenOptions.sync`): a fault-injection seam for tests. */
  sync?: StoreOpenOptions['sync']
  /**
   * Default true, as in WeChat cloud: reading or writing a collection that neither the manifest
   * lists nor `addCollection` created fails with DATABASE_COLLECTION_NOT_EXIST.
   */
  strictCollections?: boolean
  /**
   * Who may put a file where through the browser's `POST /upload?path=` (the stand-in for the
   * mini-program's `wx.cloud.uploadFile` and the storage rules that guard it). Without it any
   * path is accepted.
   */
  authorizeUpload?: (openid: string | undefined, cloudPath: string) => boolean
  log?: (line: string) => void
}

export interface LocalCloud {
  url: string
  port: number
  store: Store
  close(): Promise<void>
}

const REPO_ROOT = path.resolve(__dirname, '..', '..')
const OPENID = /^[A-Za-z0-9_-]{1,64}$/
const TCB_BODY_LIMIT = 64 * 1024 * 1024
const API_BODY_LIMIT = 4 * 1024 * 1024
const UPLOAD_LIMIT = 10 * 1024 * 1024
const STORAGE_PUT_LIMIT = 64 * 1024 * 1024

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-wx-openid',
  'access-control-expose-headers': 'x-db-round-trips',
  'access-control-max-age': '600',
}

/**
 * The browser client (another origin in development) needs /api, /upload, /openapi and storage
 * reads. The CloudBase endpoint is for the SDK in Node only: no CORS there, so a web page cannot
 * reach into the local database.
 */
const MEDIA_EXTENSIONS = /\.(jpe?g|png|webp|gif|mp3|aac|m4a|webm|ogg|wav)$/i

const BROWSER_PATHS = /^\/(api\/|upload$|openapi\/|storage\/|healthz$)/

type Envelope = { ok: false; error: { code: string; message: string } }
const envelope = (code: string, message: string): Envelope => ({
  ok: false,
  error: { code, message },
})

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = CORS_HEADERS,
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  })
  res.end(text)
}

/** Reads the whole body; past `limit` it keeps draining but answers null (too large). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = Number(req.headers['content-length'] ?? 0) > limit
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      if (!tooLarge) chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function identityOf(req: http.IncomingMessage): { openid?: string; invalid: boolean } {
  const raw = req.headers['x-wx-openid']
  if (raw === undefined || raw === '') return { invalid: false }
  const value = Array.isArray(raw) ? raw[0] : raw
  return OPENID.test(value) ? { openid: value, invalid: false } : { invalid: true }
}

function parseJson(buf: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (buf.length === 0) return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(buf.toString('utf8')) }
  } catch {
    return { ok: false }
  }
}

/** Serves one file from `root`, refusing anything that resolves outside it. */
function serveFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  file: string,
  extraHeaders: Record<string, string> = {},
): void {
  const stat = fs.statSync(file)
  const fd = fs.openSync(file, 'r')
  const head = Buffer.alloc(16)
  fs.readSync(fd, head, 0, 16, 0)
  fs.closeSync(fd)
  res.writeHead(200, {
    ...CORS_HEADERS,
    ...extraHeaders,
    'content-type': contentTypeFor(file, head),
    'content-length': String(stat.size),
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  fs.createReadStream(file).pipe(res)
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`[local-cloud] ${line}\n`))
  const host = opts.host ?? '127.0.0.1'
  const store = Store.open(opts.dataDir, {
    manifest: opts.manifestPath ?? path.join(REPO_ROOT, 'database', 'manifest.json'),
    fsync: opts.fsync,
    sync: opts.sync,
    log,
  })
  const storage = new FileStorage(opts.dataDir)
  const functions = new FunctionHost(
    opts.functionsDir ?? path.join(REPO_ROOT, 'cloudfunctions'),
    log,
  )
  const staticRoot = opts.staticDir ? path.resolve(opts.staticDir) : undefined
  let baseUrl = ''
  let hostPort = ''

  const deps = {
    store,
    storage,
    functions,
    baseUrl: () => baseUrl,
    log,
    strictCollections: opts.strictCollections !== false,
  }

  async function gateway(name: string, req: http.IncomingMessage, res: http.ServerResponse) {
    if (!functions.entry(name)) {
      await readBody(req, API_BODY_LIMIT)
      return sendJson(res, 404, envelope('NOT_FOUND', '没有这个云函数'))
    }
    const identity = identityOf(req)
    const body = await readBody(req, API_BODY_LIMIT)
    if (identity.invalid) return sendJson(res, 400, envelope('INVALID_INPUT', '身份标识格式不对'))
    if (body === null) return sendJson(res, 413, envelope('INVALID_INPUT', '请求内容太大'))
    const parsed = parseJson(body)
    if (!parsed.ok) return sendJson(res, 400, envelope('INVALID_INPUT', '请求格式不对'))
    const context = {
      function_name: name,
      request_id: crypto.randomUUID(),
      // Identity travels beside the event, never inside it: a client controls the event.
      ...(identity.openid
        ? { localIdentity: { OPENID: identity.openid, APPID: 'local-appid', UNIONID: '' } }
        : {}),
    }
    let out: { result: unknown; roundTrips: number } | null
    try {
      out = await functions.invoke(name, parsed.value, context, hostPort)
    } catch (err) {
      log(`fn ${name} threw: ${(err as Error).stack ?? String(err)}`)
      return sendJson(res, 500, envelope('INTERNAL', '服务出错了，请稍后再试'))
    }
    if (!out) return sendJson(res, 404, envelope('NOT_FOUND', '没有这个云函数'))
    let text: string
    try {
      text = JSON.stringify(out.result ?? null)
    } catch (err) {
      log(`fn ${name} returned something JSON cannot carry: ${String(err)}`)
      return sendJson(res, 500, envelope('INTERNAL', '服务出错了，请稍后再试'))
    }
    res.writeHead(200, {
      ...CORS_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'x-db-round-trips': String(out.roundTrips),
    })
    res.end(text)
  }

  async function upload(url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
    const identity = identityOf(req)
    const wanted = url.searchParams.get('path')
    if (opts.authorizeUpload && (!wanted || !opts.authorizeUpload(identity.openid, wanted))) {
      await readBody(req, UPLOAD_LIMIT)
      return sendJson(res, 403, envelope('FORBIDDEN', '不能把照片放到这里'))
    }
    const body = await readBody(req, UPLOAD_LIMIT)
    if (body === null) return sendJson(res, 400, envelope('INVALID_INPUT', '文件不能超过 10MB'))
    // photos, and the voice notes residents record instead of typing
    const kind = sniffImage(body) ?? sniffAudio(body)
    if (!kind) return sendJson(res, 400, envelope('INVALID_INPUT', '只能上传图片或语音'))
    const ext = kind === 'jpeg' ? 'jpg' : kind
    // The name decides the content type it is served with: only a photo's or a recording's.
    if (wanted && !MEDIA_EXTENSIONS.test(wanted)) {
      return sendJson(res, 400, envelope('INVALID_INPUT', '文件类型不对'))
    }
    const cloudPath =
      wanted || `uploads/${new Date().toISOString().slice(0, 10)}/${crypto.randomUUID()}.${ext}`
    try {
      storage.write(cloudPath, body)
    } catch {
      return sendJson(res, 400, envelope('INVALID_INPUT', '文件路径不对'))
    }
    sendJson(res, 200, {
      fileID: storage.fileIdFor(cloudPath),
      url: `${baseUrl}/storage/${encodeCloudPath(cloudPath)}`,
    })
  }

  async function openapi(
    api: string,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    const buf = await readBody(req, API_BODY_LIMIT)
    if (api === 'security.imgSecCheck') {
      // The media itself is the body (the production SDK sends it as multipart form data).
      if (buf === null) return sendJson(res, 200, { errcode: 40006, errmsg: 'invalid media size' })
      const reply = imgSecCheck(store, buf)
      return sendJson(res, reply.status, 'json' in reply ? reply.json : {})
    }
    const parsed = buf === null ? { ok: false as const } : parseJson(buf)
    if (!parsed.ok) return sendJson(res, 400, { errcode: 47001, errmsg: 'data format error' })
    let reply: OpenApiReply
    switch (api) {
      case 'wxacode.getUnlimited':
        reply = getUnlimitedCode(parsed.value)
        break
      case 'security.msgSecCheck':
        reply = msgSecCheck(parsed.value)
        break
      case 'subscribeMessage.send':
        reply = sendSubscribeMessage(store, parsed.value)
        break
      case 'requestSubscribeMessage': {
        const identity = identityOf(req)
        reply = requestSubscribeMessage(store, identity.openid, parsed.value)
        break
      }
      default:
        return sendJson(res, 404, { errcode: 40066, errmsg: `no local stand-in for ${api}` })
    }
    if ('png' in reply) {
      res.writeHead(reply.status, {
        ...CORS_HEADERS,
        'content-type': 'image/png',
        'content-length': String(reply.png.length),
      })
      res.end(reply.png)
      return
    }
    sendJson(res, reply.status, reply.json)
  }

  function serveStatic(pathname: string, req: http.IncomingMessage, res: http.ServerResponse) {
    if (!staticRoot) return sendJson(res, 404, envelope('NOT_FOUND', '没有这个地址'))
    let rel: string
    try {
      rel = decodeURIComponent(pathname)
    } catch {
      return sendJson(res, 400, envelope('INVALID_INPUT', '地址格式不对'))
    }
    const file = path.resolve(staticRoot, '.' + path.posix.normalize('/' + rel))
    if (rel.includes('\0') || (file !== staticRoot && !file.startsWith(staticRoot + path.sep))) {
      return sendJson(res, 404, envelope('NOT_FOUND', '没有这个地址'))
    }
    const candidates = [file, path.join(file, 'index.html')]
    const found = candidates.find(isFile)
    if (found) {
      const cache: Record<string, string> = found.endsWith('.html')
        ? { 'cache-control': 'no-cache' }
        : {}
      return serveFile(req, res, found, cache)
    }
    // SPA: a page route (no extension, or a browser asking for HTML) gets the app shell.
    const index = path.join(staticRoot, 'index.html')
    const wantsPage =
      path.extname(rel) === '' || String(req.headers.accept ?? '').includes('text/html')
    if (wantsPage && isFile(index))
      return serveFile(req, res, index, { 'cache-control': 'no-cache' })
    sendJson(res, 404, envelope('NOT_FOUND', '没有这个地址'))
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local')
    const { pathname } = url
    const method = req.method ?? 'GET'
    if (method === 'OPTIONS') {
      res.writeHead(204, BROWSER_PATHS.test(pathname) ? CORS_HEADERS : {})
      res.end()
      return
    }
    if (pathname === '/tcb' && method === 'POST') {
      // The SDK (in Node) always sends JSON and no Origin. Insisting on both keeps web pages out:
      // a "simple" cross-site post cannot carry application/json, and a browser names its origin.
      const mediaType = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase()
      const fromBrowser =
        req.headers.origin !== undefined || req.headers['sec-fetch-site'] !== undefined
      if (mediaType !== 'application/json' || fromBrowser) {
        await readBody(req, TCB_BODY_LIMIT)
        const message = fromBrowser
          ? 'the CloudBase endpoint serves the server SDK, not web pages'
          : 'content-type must be application/json'
        return sendJson(res, fromBrowser ? 403 : 415, { code: 'INVALID_PARAM', message }, {})
      }
      const buf = await readBody(req, TCB_BODY_LIMIT)
      const parsed = buf === null ? { ok: false as const } : parseJson(buf)
      if (!parsed.ok) {
        const message = 'request body is not JSON'
        return sendJson(res, 200, { code: 'INVALID_PARAM', message }, {})
      }
      return sendJson(res, 200, await handleTcb(parsed.value, deps), {})
    }
    if (pathname.startsWith('/api/') && method === 'POST') {
      return gateway(pathname.slice('/api/'.length), req, res)
    }
    if (pathname.startsWith('/storage/')) {
      let cloudPath: string
      try {
        cloudPath = decodeURIComponent(pathname.slice('/storage/'.length))
      } catch {
        return sendJson(res, 400, envelope('INVALID_INPUT', '文件路径不对'))
      }
      if (method === 'PUT') {
        const body = await readBody(req, STORAGE_PUT_LIMIT)
        if (body === null) return sendJson(res, 413, envelope('INVALID_INPUT', '文件太大'))
        try {
          storage.write(cloudPath, body)
        } catch (err) {
          res.writeHead(400, { 'content-type': 'application/xml' })
          res.end(
            `<?xml version='1.0' encoding='utf-8' ?><Error><Code>InvalidArgument</Code>` +
              `<Message>${String((err as Error).message).replace(/[<&>]/g, '')}</Message>` +
              `<RequestId>local</RequestId><TraceId>local</TraceId></Error>`,
          )
          return
        }
        res.writeHead(200, { 'content-length': '0' })
        res.end()
        return
      }
      if (method === 'GET' || method === 'HEAD') {
        let file: string
        try {
          file = storage.resolve(cloudPath)
        } catch {
          return sendJson(res, 400, envelope('INVALID_INPUT', '文件路径不对'))
        }
        if (!isFile(file)) return sendJson(res, 404, envelope('NOT_FOUND', '文件不存在'))
        return serveFile(req, res, file)
      }
    }
    if (pathname === '/upload' && method === 'POST') return upload(url, req, res)
    if (pathname.startsWith('/openapi/') && method === 'POST') {
      return openapi(pathname.slice('/openapi/'.length), req, res)
    }
    if (pathname === '/healthz' && (method === 'GET' || method === 'HEAD')) {
      return sendJson(res, 200, {
        ok: true,
        collections: store.collectionNames().length,
        documents: store.documentCount(),
      })
    }
    if (method === 'GET' || method === 'HEAD') return serveStatic(pathname, req, res)
    sendJson(res, 404, envelope('NOT_FOUND', '没有这个地址'))
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log(`${req.method} ${req.url} failed: ${(err as Error).stack ?? String(err)}`)
      if (!res.headersSent) sendJson(res, 500, envelope('INTERNAL', '服务出错了，请稍后再试'))
      else res.destroy()
    })
  })
  // The SDK keeps connections alive; a short idle timeout lets close() finish promptly.
  server.keepAliveTimeout = 5000

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(opts.port ?? 10086, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (err) {
    store.close()
    throw err
  }
  const port = (server.address() as AddressInfo).port
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  baseUrl = `http://${urlHost}:${port}`
  hostPort = `${urlHost}:${port}`
  // Read by the functions' bootstrap before its cloud.init; the probe skip saves ~25 ms a call.
  process.env.LOCAL_CLOUD_URL = `${baseUrl}/tcb`
  process.env.TENCENTCLOUD = 'true'
  log(`listening on ${baseUrl} (data ${path.resolve(opts.dataDir)})`)

  let closing: Promise<void> | null = null
  return {
    url: baseUrl,
    port,
    store,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }).then(() => store.close())
      return closing
    },
  }
}

// The CloudBase endpoint (POST /tcb): every action wx-server-sdk 4.0.2 sends, answered in the
// shapes the SDK accepts (see /work/shared/CLOUDBASE-PROTOCOL.md).
import { EJSON } from 'bson'
import { CloudError, invalidParam } from './errors'
import type { FunctionHost } from './functions'
import { encodeCloudPath, FileStorage } from './storage'
import type { Doc, FindOptions, Store } from './store'
import { encode, fromWire, isDocId, isPlainObject, normalize } from './values'

export interface TcbDeps {
  store: Store
  storage: FileStorage
  functions: FunctionHost
  /** `http://host:port` of this local cloud, used in storage URLs. */
  baseUrl: () => string
  log: (line: string) => void
  /**
   * As in WeChat cloud: a collection must exist (listed in the manifest, or made with
   * `addCollection`) before anything reads or writes it; otherwise DATABASE_COLLECTION_NOT_EXIST.
   */
  strictCollections?: boolean
}

type Params = Record<string, unknown>
type Reply = Record<string, unknown>
type Handler = (p: Params, deps: TcbDeps, now: number) => Reply | Promise<Reply>

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

function collectionName(p: Params, deps?: TcbDeps): string {
  if (typeof p.collectionName !== 'string' || p.collectionName === '') {
    throw invalidParam('collectionName is required')
  }
  if (deps?.strictCollections && !deps.store.hasCollection(p.collectionName)) {
    throw new CloudError(
      'DATABASE_COLLECTION_NOT_EXIST',
      `[ResourceNotFound] Db or Table not exist: collection ${p.collectionName} was never created`,
    )
  }
  return p.collectionName
}

/**
 * WeChat cloud transactions operate on single documents (`doc(id)` and `add`): a `where` query,
 * update or removal carrying a transaction id is refused, as it is there.
 */
function singleDocumentInTransaction(p: Params): void {
  if (txId(p) !== undefined && !isDocQuery(p)) {
    throw new CloudError(
      'DATABASE_TRANSACTION_FAIL',
      'a transaction operates on single documents only: use doc(id).get/set/update/remove or add',
    )
  }
}

/** A query/order/projection/data parameter: an EJSON string (or, leniently, an object). */
function ejsonParam(value: unknown, now: number, what: string): Doc {
  if (value === undefined || value === null || value === '') return {}
  let parsed: unknown
  try {
    parsed =
      typeof value === 'string'
        ? fromWire(value, now)
        : normalize(EJSON.parse(JSON.stringify(value), { relaxed: true }), now)
  } catch (err) {
    throw invalidParam(`${what} is not valid EJSON: ${(err as Error).message}`)
  }
  if (!isPlainObject(parsed)) throw invalidParam(`${what} must be an object`)
  return parsed
}

function txId(p: Params): string | undefined {
  return typeof p.transactionId === 'string' && p.transactionId !== '' ? p.transactionId : undefined
}

function nonNegativeInt(value: unknown, what: string): number | undefined {
  if (value === undefined || value === null) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw invalidParam(`${what} must be a non-negative integer`)
  return n
}

function isDocQuery(p: Params): boolean {
  return p.queryType === 'DOC'
}

function multi(p: Params): boolean {
  return typeof p.multi === 'boolean' ? p.multi : !isDocQuery(p)
}

function sortSpec(order: Doc): Record<string, 1 | -1> {
  const out: Record<string, 1 | -1> = {}
  for (const [field, dir] of Object.entries(order)) {
    out[field] = dir === -1 || dir === 'desc' ? -1 : 1
  }
  return out
}

const database: Record<string, Handler> = {
  'database.insertDocument': (p, deps, now) => {
    const { store } = deps
    const c = collectionName(p, deps)
    const raw = Array.isArray(p.data) ? p.data : [p.data]
    const docs = raw.map((d, i) => ejsonParam(d, now, `data[${i}]`))
    return { data: { insertedIds: store.insert(c, docs, txId(p)) } }
  },

  'database.getDocument': (p, deps, now) => {
    const { store } = deps
    const c = collectionName(p, deps)
    singleDocumentInTransaction(p)
    const query = ejsonParam(p.query, now, 'query')
    const opts: FindOptions = {}
    if (isDocQuery(p)) {
      opts.limit = 1
    } else {
      const limit = nonNegativeInt(p.limit, 'limit') ?? DEFAULT_LIMIT
      opts.limit = Math.min(limit === 0 ? DEFAULT_LIMIT : limit, MAX_LIMIT)
      opts.skip = nonNegativeInt(p.offset, 'offset') ?? 0
      const order = ejsonParam(p.order, now, 'order')
      if (Object.keys(order).length > 0) opts.sort = sortSpec(order)
    }
    const projection = ejsonParam(p.projection, now, 'projection')
    if (Object.keys(projection).length > 0) opts.projection = projection
    const list = store.findRaw(c, query, opts, txId(p)).map(encode)
    return { data: { list, limit: opts.limit, offset: opts.skip ?? 0 } }
  },

  'database.modifyDocument': (p, deps, now) => {
    const { store } = deps
    const c = collectionName(p, deps)
    singleDocumentInTransaction(p)
    const query = ejsonParam(p.query, now, 'query')
    if (isDocQuery(p) && !isDocId(query._id)) throw invalidParam('a DOC query needs _id')
    const data = ejsonParam(p.data, now, 'data')
    const merge = p.merge !== false
    const res = store.modify(
      c,
      query,
      merge ? { operators: data } : { replace: data },
      { multi: multi(p), upsert: p.upsert === true },
      txId(p),
    )
    // `set` (a replacement) reports every document it matched, changed or not, as CloudBase does;
    // `update` (operators) only the ones that changed, MongoDB's nModified.
    const data_: Reply = { updated: merge ? res.updated : res.matched }
    if (res.upsertedId !== undefined) data_.upsert_id = res.upsertedId
    return { data: data_ }
  },

  'database.modifyAndReturnDoc': (p, deps, now) => {
    const { store } = deps
    const c = collectionName(p, deps)
    singleDocumentInTransaction(p)
    const query = ejsonParam(p.query, now, 'query')
    const data = ejsonParam(p.data, now, 'data')
    const res = store.modify(
      c,
      query,
      { operators: data },
      { multi: false, upsert: p.upsert === true },
      txId(p),
    )
    // findOneAndUpdate: the matched document counts and comes back even when nothing changed.
    const doc = res.states[0]
    return { data: { updated: res.matched, doc: doc ? encode(doc) : null } }
  },

  'database.removeDocument': (p, deps, now) => {
    const { store } = deps
    const c = collectionName(p, deps)
    singleDocumentInTransaction(p)
    const query = ejsonParam(p.query, now, 'query')
    if (isDocQuery(p) && !isDocId(query._id)) throw invalidParam('a DOC query needs _id')
    return { data: { deleted: store.remove(c, query, { multi: multi(p) }, txId(p)) } }
  },

  'database.calculateDocument': (p, deps, now) => {
    const { store } = deps
    const c = collectionName(p, deps)
    return { data: { total: store.count(c, ejsonParam(p.query, now, 'query'), txId(p)) } }
  },

  'database.aggregateDocuments': (p, deps, now) => {
    const { store } = deps
    const c = collectionName(p, deps)
    if (!Array.isArray(p.stages)) throw invalidParam('stages must be an array')
    const pipeline = (p.stages as unknown[]).map((s, i) => {
      const stage = s as { stageKey?: unknown; stageValue?: unknown }
      if (typeof stage?.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
        throw invalidParam(`stages[${i}].stageKey must be a $-operator`)
      }
      let value: unknown
      try {
        value =
          typeof stage.stageValue === 'string'
            ? fromWire(stage.stageValue, now)
            : normalize(stage.stageValue, now)
      } catch (err) {
        throw invalidParam(`stages[${i}].stageValue is not valid EJSON: ${(err as Error).message}`)
      }
      return { [stage.stageKey]: value }
    })
    return { data: { list: store.aggregateRaw(c, pipeline).map(encode) } }
  },

  'database.addCollection': (p, { store }) => {
    store.createCollection(collectionName(p))
    return {}
  },

  'database.startTransaction': (_p, { store }) => ({ transactionId: store.startTransaction() }),

  'database.commitTransaction': (p, { store }) => {
    const id = txId(p)
    if (!id) throw invalidParam('transactionId is required')
    store.commitTransaction(id)
    return {}
  },

  'database.abortTransaction': (p, { store }) => {
    const id = txId(p)
    if (!id) throw invalidParam('transactionId is required')
    store.abortTransaction(id)
    return {}
  },
}

/** CloudBase's limit on the file IDs of one getTempFileURL / deleteFile call. */
const MAX_FILES_PER_CALL = 50

function fileList(p: Params, key: 'file_list' | 'fileid_list'): unknown[] {
  const list = p[key]
  if (!Array.isArray(list)) throw invalidParam(`${key} must be an array`)
  if (list.length > MAX_FILES_PER_CALL) {
    throw invalidParam(`${key} holds ${list.length} files; at most ${MAX_FILES_PER_CALL} a call`)
  }
  return list
}

const storageActions: Record<string, Handler> = {
  'storage.getUploadMetadata': (p, { storage, baseUrl }) => {
    const cloudPath = p.path
    storage.resolve(cloudPath)
    const fileId = storage.fileIdFor(cloudPath as string)
    return {
      data: {
        url: `${baseUrl()}/storage/${encodeCloudPath(cloudPath as string)}`,
        token: 'local',
        authorization: 'local',
        fileId,
        cosFileId: 'local',
        download_url: `${baseUrl()}/storage/${cloudPath as string}`,
      },
    }
  },

  'storage.batchGetDownloadUrl': (p, { storage, baseUrl }) => {
    const download_list = fileList(p, 'file_list').map((item) => {
      const { fileid, max_age } = (item ?? {}) as { fileid?: unknown; max_age?: unknown }
      const cloudPath = storage.pathOfFileId(fileid)
      const maxAge = typeof max_age === 'number' ? max_age : 86400
      if (cloudPath === null || !safeExists(storage, cloudPath)) {
        return {
          fileID: fileid,
          tempFileURL: '',
          code: 'STORAGE_FILE_NONEXIST',
          message: 'file does not exist',
          maxAge,
        }
      }
      return {
        fileID: fileid,
        tempFileURL: `${baseUrl()}/storage/${cloudPath}`,
        code: 'SUCCESS',
        maxAge,
      }
    })
    return { data: { download_list } }
  },

  'storage.batchDeleteFile': (p, { storage }) => {
    const delete_list = fileList(p, 'fileid_list').map((fileID) => {
      const cloudPath = storage.pathOfFileId(fileID)
      const ok = cloudPath !== null && safeExists(storage, cloudPath) && storage.remove(cloudPath)
      return ok
        ? { fileID, code: 'SUCCESS' }
        : { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'file does not exist' }
    })
    return { data: { delete_list } }
  },
}

function safeExists(storage: FileStorage, cloudPath: string): boolean {
  try {
    return storage.exists(cloudPath)
  } catch {
    return false
  }
}

const functionActions: Record<string, Handler> = {
  'functions.invokeFunction': async (p, { functions, log }) => {
    const name = p.function_name
    if (typeof name !== 'string' || functions.entry(name) === null) {
      throw new CloudError('FUNCTION_NOT_FOUND', `cloud function ${String(name)} does not exist`)
    }
    let event: unknown = {}
    if (typeof p.request_data === 'string' && p.request_data !== '') {
      try {
        event = JSON.parse(p.request_data)
      } catch {
        throw invalidParam('request_data is not JSON')
      }
    }
    try {
      const out = await functions.invoke(name, event, {
        function_name: name,
        request_id: crypto.randomUUID(),
      })
      return { data: { response_data: JSON.stringify(out?.result ?? null) } }
    } catch (err) {
      log(`fn ${name} threw: ${(err as Error).stack ?? String(err)}`)
      throw new CloudError(
        'FUNCTIONS_EXECUTE_FAIL',
        `cloud function ${name} failed: ${String(err)}`,
      )
    }
  },
}

const ACTIONS: Record<string, Handler> = { ...database, ...storageActions, ...functionActions }

export const SUPPORTED_ACTIONS = Object.keys(ACTIONS)

/** Answers one /tcb request body. Errors become `{code, message}`: the SDK wants HTTP 200. */
export async function handleTcb(body: unknown, deps: TcbDeps): Promise<Reply> {
  const requestId = crypto.randomUUID()
  const p = (isPlainObject(body) ? body : {}) as Params
  const action = p.action
  const handler = typeof action === 'string' ? ACTIONS[action] : undefined
  if (!handler) {
    return {
      code: 'INVALID_PARAM',
      message: `unknown action ${JSON.stringify(action)}; the local cloud implements ${SUPPORTED_ACTIONS.join(', ')}`,
      requestId,
    }
  }
  try {
    return { ...(await handler(p, deps, Date.now())), requestId }
  } catch (err) {
    if (err instanceof CloudError) {
      if (err.code === 'DATABASE_TRANSACTION_CONFLICT') {
        // A conflict at commit is retried by the SDK at once (one at a write is not: the caller
        // retries); a little jitter keeps contending retries from colliding again.
        const spread = Math.min(100, 5 * (deps.store.activeTransactions() + 1))
        await new Promise((r) => setTimeout(r, Math.random() * spread))
      }
      return { code: err.code, message: err.message, requestId }
    }
    deps.log(`tcb ${String(action)} failed: ${(err as Error).stack ?? String(err)}`)
    return { code: 'SYS_ERR', message: `local cloud error: ${(err as Error).message}`, requestId }
  }
}

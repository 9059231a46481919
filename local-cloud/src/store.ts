// The embedded, durable document store behind the local cloud: in-memory collections, an
// append-only journal written before every acknowledged write, snapshot compaction, MVCC
// snapshot-isolation transactions and unique indexes from the database manifest.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { randomBytes } from 'node:crypto'
import { CloudError, duplicateKey, invalidParam, transactionConflict } from './errors'
import { loadManifest, Manifest, ManifestIndex, validateManifest } from './manifest'
import { compileMatcher, Matcher } from './matcher'
import { aggregate as mingoAggregate, find as mingoFind, update as mingoUpdate } from './mingo'
import { sortScalars, SortSpec } from './order'
import { OrderedIndex } from './ordered'
import {
  eachCandidate,
  equalityValues,
  HashIndex,
  hashIndexesFor,
  planQuery,
  Scalar,
} from './planner'
import {
  clone,
  decode,
  Doc,
  DocId,
  dollarField,
  encode,
  getPath,
  isDocId,
  isPlainObject,
} from './values'

export type { Doc, DocId } from './values'

export interface StoreOpenOptions {
  /** The manifest itself or the path of its JSON file (created with a starter shape if missing). */
  manifest?: Manifest | string
  /** fdatasync the journal after every write (default true). Off only for throwaway data. */
  fsync?: boolean
  /**
   * Makes written bytes durable: the journal after each append, the snapshot, the data dir
   * after a file is created or renamed in it. Default `fdatasync` for the journal, `fsync` for
   * the rest. A seam for fault injection: tests wrap it to record when each sync happens, or to
   * make it fail. It must not return before the bytes are durable, or acknowledgements lie.
   */
  sync?: (call: SyncCall) => void
  /** Journal size above which `open` folds it into a new snapshot (default 8 MiB). */
  compactAboveBytes?: number
  /** Idle time after which an open transaction is discarded (default 30 s). */
  transactionTimeoutMs?: number
  log?: (line: string) => void
}

/** What `StoreOpenOptions.sync` is asked to make durable. */
export interface SyncCall {
  fd: number
  kind: 'journal' | 'snapshot' | 'dir'
  path: string
}

export function defaultSync(call: SyncCall): void {
  if (call.kind === 'journal') fs.fdatasyncSync(call.fd)
  else fs.fsyncSync(call.fd)
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

/** A replacement document (`set`) or a Mongo update-operator document (`update`). */
export type UpdateSpec = { replace: Doc } | { operators: Doc }

export interface ModifyOptions {
  multi: boolean
  upsert: boolean
}

export interface ModifyResult {
  matched: number
  /** Documents whose content actually changed (Mongo's nModified, which CloudBase reports). */
  updated: number
  upsertedId?: DocId
  /** New states of the changed or upserted documents (stored objects: do not mutate). */
  docs: Doc[]
  /** The state after the write of every matched (changed or not) or upserted document. */
  states: Doc[]
}

// ---------------------------------------------------------------------------------------------

/** A committed document state; `version` is the commit sequence number that wrote it. */
interface Entry {
  doc: Doc
  version: number
}

/** A superseded state kept while some transaction's snapshot may still need it. */
interface OldVersion {
  doc: Doc
  validFrom: number
  validTo: number
}

interface Change {
  c: string
  id: DocId
  doc: Doc | null
}

/** One journal line: a commit sequence number and all its operations (after-images). */
interface JournalRecord {
  s: number
  o: JournalOp[]
}
/** `i` absent: create collection `c`. `d` null: delete document `i`. Otherwise put `d`. */
interface JournalOp {
  c: string
  i?: DocId
  d?: Doc | null
}

interface Transaction {
  id: string
  snapshot: number
  writes: Map<string, Map<DocId, Doc | null>>
  lastActive: number
}

class UniqueIndex {
  readonly fields: string[]
  readonly map = new Map<string, DocId>()
  constructor(
    readonly name: string,
    def: ManifestIndex,
  ) {
    this.fields = Object.keys(def.fields)
    this.sparse = def.sparse === true
  }
  readonly sparse: boolean

  /** Missing fields index as null, as in MongoDB; a sparse index skips docs missing them all. */
  keyOf(doc: Doc): string | null {
    const values = this.fields.map((f) => getPath(doc, f).value)
    if (this.sparse && values.every((v) => v === undefined)) return null
    return encode(values.map((v) => (v === undefined ? null : v)))
  }

  describe(doc: Doc): string {
    const parts = this.fields.map((f) => `${f}: ${encode(getPath(doc, f).value ?? null)}`)
    return `{ ${parts.join(', ')} }`
  }
}

class Collection {
  readonly docs = new Map<DocId, Entry>()
  readonly history = new Map<DocId, OldVersion[]>()
  readonly uniques: UniqueIndex[] = []
  /** Hash indexes of entries (not ids: following an id costs a map lookup, ~10x a scan step). */
  readonly indexes: HashIndex<Entry>[]
  readonly ordered: OrderedIndex<Entry>[]

  constructor(
    readonly name: string,
    indexes: ManifestIndex[],
  ) {
    for (const def of indexes) if (def.unique) this.uniques.push(new UniqueIndex(def.name, def))
    this.indexes = hashIndexesFor<Entry>(indexes)
    // A compound index orders each bucket of its prefix by its last field.
    const ordered = new Map<string, OrderedIndex<Entry>>()
    for (const def of indexes) {
      const fields = Object.keys(def.fields)
      if (fields.length < 2 || fields[0] === '_id') continue
      const prefix = this.indexes.find((ix) => ix.name === fields.slice(0, -1).join(','))
      const field = fields[fields.length - 1]
      const key = `${fields.slice(0, -1).join(',')}|${field}`
      if (prefix && !ordered.has(key)) ordered.set(key, new OrderedIndex(prefix, field))
    }
    this.ordered = [...ordered.values()]
  }

  indexAdd(id: DocId, entry: Entry): void {
    for (const ix of this.uniques) {
      const k = ix.keyOf(entry.doc)
      if (k !== null) ix.map.set(k, id)
    }
    for (const ix of this.indexes) ix.add(entry, entry.doc)
    for (const ix of this.ordered) ix.add(entry)
  }

  indexRemove(id: DocId, entry: Entry): void {
    for (const ix of this.uniques) {
      const k = ix.keyOf(entry.doc)
      if (k !== null && ix.map.get(k) === id) ix.map.delete(k)
    }
    for (const ix of this.indexes) ix.remove(entry, entry.doc)
    for (const ix of this.ordered) ix.remove(entry)
  }

  /** Forgets the sorted buckets of the ordered indexes (rebuilt when next needed). */
  dropOrder(): void {
    for (const ix of this.ordered) ix.clear()
  }

  /** The state of `id` as of commit `seq`, from the current entry or the kept old versions. */
  visibleAt(id: DocId, seq: number): Doc | null {
    const e = this.docs.get(id)
    if (e && e.version <= seq) return e.doc
    return pickVersion(this.history.get(id), seq)
  }

  /** Whether anyone committed a write to `id` after commit `seq`. */
  writtenAfter(id: DocId, seq: number): boolean {
    const e = this.docs.get(id)
    if (e && e.version > seq) return true
    const h = this.history.get(id)
    return h !== undefined && h.some((v) => v.validTo > seq)
  }
}

function pickVersion(versions: OldVersion[] | undefined, seq: number): Doc | null {
  if (!versions) return null
  for (const v of versions) if (v.validFrom <= seq && seq < v.validTo) return v.doc
  return null
}

/** A consistent way to read: the committed state, or a transaction's snapshot plus its writes. */
interface ReadView {
  get(c: string, id: DocId): Doc | null
  /** Calls `visit` with candidates for `query` (a superset of its matches) until it says stop. */
  scan(c: string, query: Doc, visit: (doc: Doc) => boolean): void
}

const COLLECTION_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,127}$/
const UPDATE_OPERATORS = new Set([
  '$set',
  '$inc',
  '$mul',
  '$max',
  '$min',
  '$unset',
  '$push',
  '$pop',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$rename',
  '$currentDate',
  '$bit',
])

export function newId(): string {
  return randomBytes(16).toString('hex')
}

function assertCollectionName(c: unknown): asserts c is string {
  if (typeof c !== 'string' || !COLLECTION_NAME.test(c)) {
    throw invalidParam(`invalid collection name: ${String(c)}`)
  }
}

function setPath(doc: Doc, dotted: string, value: unknown): void {
  const parts = dotted.split('.')
  let cur: Doc = doc
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]]
    if (!isPlainObject(next)) cur[parts[i]] = {}
    cur = cur[parts[i]] as Doc
  }
  cur[parts[parts.length - 1]] = value
}

/** The document an upsert starts from: the query's plain equality conditions. */
function upsertBase(query: Doc): Doc {
  const base: Doc = {}
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || v instanceof RegExp) continue
    if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith('$'))) {
      if (Object.keys(v).length === 1 && '$eq' in v) setPath(base, k, v.$eq)
      continue
    }
    setPath(base, k, v)
  }
  return base
}

/** Plain fields become $set; operators are checked; $addToSet's $each is de-duplicated. */
function normalizeOperators(data: Doc): Doc {
  const ops: Doc = {}
  for (const [k, v] of Object.entries(data)) {
    if (!k.startsWith('$')) {
      ops.$set = { ...((ops.$set as Doc | undefined) ?? {}), [k]: v }
      continue
    }
    if (!UPDATE_OPERATORS.has(k)) {
      // MongoDB's answer; a `$` field name in update data arrives here as such a "modifier".
      throw new CloudError(
        'DATABASE_REQUEST_FAILED',
        `[FailedOperation] Unknown modifier: ${k}. Expected a valid update modifier`,
      )
    }
    if (!isPlainObject(v)) throw invalidParam(`${k} needs an object`)
    ops[k] = k === '$set' ? { ...((ops.$set as Doc | undefined) ?? {}), ...v } : v
  }
  const add = ops.$addToSet
  if (isPlainObject(add)) {
    // mingo 7 keeps duplicates of $each when the array field does not exist yet; Mongo does not.
    for (const [f, spec] of Object.entries(add)) {
      if (isPlainObject(spec) && Array.isArray(spec.$each)) {
        const seen = new Set<string>()
        add[f] = {
          ...spec,
          $each: spec.$each.filter((x) => {
            const key = encode(x)
            if (seen.has(key)) return false
            seen.add(key)
            return true
          }),
        }
      }
    }
  }
  for (const [op, fields] of Object.entries(ops)) {
    for (const f of Object.keys(fields as Doc)) {
      const target = op === '$rename' ? String((fields as Doc)[f]) : ''
      if (f === '_id' || f.startsWith('_id.') || target === '_id') {
        throw invalidParam(
          `Performing an update on the path '_id' would modify the immutable field '_id'`,
        )
      }
    }
  }
  return ops
}

/** Writes in one commit from which ordered buckets are re-sorted rather than kept in order. */
const BULK_WRITE = 1000

/**
 * Pipeline stages that never change the documents they are given (mingo 7, checked against its
 * source): the rest, like $addFields, $project or $unwind, write into copies that share nested
 * objects with their input, so they get copies of stored documents.
 */
const READ_ONLY_STAGES = new Set([
  '$match',
  '$sort',
  '$limit',
  '$skip',
  '$count',
  '$group',
  '$sortByCount',
])

// ---------------------------------------------------------------------------------------------

const openDirs = new Set<string>()

export class Store {
  private readonly collections = new Map<string, Collection>()
  private readonly indexDefs = new Map<string, ManifestIndex[]>()
  private readonly txs = new Map<string, Transaction>()
  private readonly withHistory = new Set<Collection>()
  private readonly journalPath: string
  private readonly snapshotPath: string
  private readonly lockPath: string
  private seq = 0
  private fd: number | null = null
  private journalBytes = 0
  private sweeper: NodeJS.Timeout | null = null
  private closed = false

  private constructor(
    readonly dataDir: string,
    manifest: Manifest,
    private readonly fsync: boolean,
    private readonly syncCall: (call: SyncCall) => void,
    private readonly txTimeoutMs: number,
    private readonly log: (line: string) => void,
  ) {
    this.journalPath = path.join(dataDir, 'journal.jsonl')
    this.snapshotPath = path.join(dataDir, 'snapshot.json')
    this.lockPath = path.join(dataDir, 'LOCK')
    for (const c of manifest.collections) {
      assertCollectionName(c.name)
      this.indexDefs.set(c.name, c.indexes ?? [])
      this.ensureCollection(c.name)
    }
  }

  static open(dataDir: string, opts: StoreOpenOptions = {}): Store {
    const dir = path.resolve(dataDir)
    const made = fs.mkdirSync(dir, { recursive: true })
    const manifest =
      typeof opts.manifest === 'string'
        ? loadManifest(opts.manifest)
        : validateManifest(opts.manifest ?? { collections: [] }, '(object)')
    const store = new Store(
      dir,
      manifest,
      opts.fsync !== false,
      opts.sync ?? defaultSync,
      opts.transactionTimeoutMs ?? 30_000,
      opts.log ?? (() => undefined),
    )
    // A new data dir's entry must reach its parent's disk too, or a crash can lose the whole dir.
    if (made !== undefined && store.fsync) {
      for (let d = path.dirname(dir); ; d = path.dirname(d)) {
        store.syncDir(d)
        if (d === path.dirname(made) || d === path.dirname(d)) break
      }
    }
    store.lock()
    try {
      store.load(opts.compactAboveBytes ?? 8 * 1024 * 1024)
    } catch (err) {
      store.unlock()
      throw err
    }
    store.sweeper = setInterval(() => store.expireTransactions(), 1000)
    store.sweeper.unref()
    return store
  }

  // ----- direct API (seeder, tests) -----------------------------------------------------------

  /** Inserts all docs as ONE journal record; returns their ids (given `_id` or a new 32-hex). */
  insertMany(collection: string, docs: ReadonlyArray<object>): DocId[] {
    // Copies: the caller keeps its objects, and stored documents must never change under us.
    return this.insert(collection, docs.map(clone))
  }

  /** Matching documents as copies (no default limit). */
  find(collection: string, query: Doc = {}, opts: FindOptions = {}): Doc[] {
    return this.findRaw(collection, query, opts).map(clone)
  }

  count(collection: string, query: Doc = {}, txId?: string): number {
    this.assertOpen()
    const view = this.view(txId)
    if (Object.keys(query).length === 0 && !txId) {
      return this.collections.get(collection)?.docs.size ?? 0
    }
    return this.match(view, collection, query).length
  }

  get(collection: string, id: DocId): Doc | null {
    this.assertOpen()
    const doc = this.collections.get(collection)?.docs.get(id)?.doc
    return doc ? clone(doc) : null
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort()
  }

  documentCount(): number {
    let n = 0
    for (const c of this.collections.values()) n += c.docs.size
    return n
  }

  isEmpty(): boolean {
    return this.documentCount() === 0
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    if (this.sweeper) clearInterval(this.sweeper)
    if (this.fd !== null) {
      if (this.fsync) this.syncCall({ fd: this.fd, kind: 'journal', path: this.journalPath })
      fs.closeSync(this.fd)
      this.fd = null
    }
    this.txs.clear()
    this.unlock()
  }

  // ----- operations used by the CloudBase protocol (optionally inside a transaction) ----------

  insert(collection: string, docs: ReadonlyArray<object>, txId?: string): DocId[] {
    this.assertOpen()
    assertCollectionName(collection)
    const tx = this.tx(txId)
    const view = this.view(txId)
    const ids: DocId[] = []
    const changes: Change[] = []
    const seen = new Set<DocId>()
    for (const input of docs) {
      if (!isPlainObject(input)) throw invalidParam('a document must be an object')
      const { _id: given, ...rest } = input
      const id = given === undefined || given === null ? newId() : given
      if (!isDocId(id)) throw invalidParam('_id must be a non-empty string or a number')
      if (seen.has(id) || view.get(collection, id) !== null) {
        throw duplicateKey(collection, '_id_', `{ _id: ${JSON.stringify(id)} }`)
      }
      seen.add(id)
      ids.push(id)
      changes.push({ c: collection, id, doc: { _id: id, ...rest } })
    }
    if (changes.length > 0) this.write(collection, changes, tx)
    return ids
  }

  /** Matching documents, sorted/skipped/limited/projected. Stored objects: never mutate them. */
  findRaw(collection: string, query: Doc, opts: FindOptions = {}, txId?: string): Doc[] {
    this.assertOpen()
    const view = this.view(txId)
    const skip = Math.max(0, opts.skip ?? 0)
    // As in Mongo, a limit of 0 (or none) means no limit.
    const limit = opts.limit !== undefined && opts.limit > 0 ? opts.limit : Infinity
    const sort = opts.sort ?? {}
    const sorted = Object.keys(sort).length > 0
    const projected = opts.projection !== undefined && Object.keys(opts.projection).length > 0
    const test = compileMatcher(query)
    // With a sort and a limit, an ordered index may give the first skip+limit matches (and their
    // ties) without testing every document; without a sort, the first skip+limit are the answer.
    const ordered =
      sorted && Number.isFinite(limit) && this.tx(txId) === undefined
        ? this.orderedMatches(collection, query, test, sort, skip + limit)
        : null
    const matches =
      ordered ?? this.match(view, collection, query, sorted ? undefined : skip + limit, test)
    if (!sorted) {
      const page = matches.slice(skip, skip + limit)
      return projected ? this.project(page, opts.projection as Doc) : page
    }
    // Only the first skip+limit of the order are needed: a bounded selection, not a full sort.
    let page = sortScalars(matches, sort, skip + limit)?.slice(skip)
    if (!page) {
      try {
        let cursor = mingoFind(matches, {}).sort(sort).skip(skip)
        if (Number.isFinite(limit)) cursor = cursor.limit(limit)
        page = cursor.all() as Doc[]
      } catch (err) {
        throw invalidParam(`invalid order: ${(err as Error).message}`)
      }
    }
    return projected ? this.project(page, opts.projection as Doc) : page
  }

  modify(
    collection: string,
    query: Doc,
    spec: UpdateSpec,
    opts: ModifyOptions,
    txId?: string,
  ): ModifyResult {
    this.assertOpen()
    assertCollectionName(collection)
    const tx = this.tx(txId)
    const view = this.view(txId)
    const operators = 'operators' in spec ? normalizeOperators(spec.operators) : null
    const replacement = 'replace' in spec ? spec.replace : null
    if (replacement && !isPlainObject(replacement)) throw invalidParam('data must be an object')
    const next = (current: Doc): Doc | null => {
      if (replacement) {
        const { _id: _ignored, ...rest } = replacement
        const doc = { _id: current._id, ...rest }
        return encode(doc) === encode(current) ? null : doc
      }
      const doc = clone(current)
      let changed: string[]
      try {
        changed = mingoUpdate(doc, operators as Doc)
      } catch (err) {
        throw invalidParam(`invalid update: ${(err as Error).message}`)
      }
      return changed.length === 0 ? null : doc
    }
    const targets = this.match(view, collection, query, opts.multi ? undefined : 1)
    const changes: Change[] = []
    const docs: Doc[] = []
    const states: Doc[] = []
    for (const t of targets) {
      const doc = next(t)
      states.push(doc ?? t)
      if (doc === null) continue
      changes.push({ c: collection, id: t._id as DocId, doc })
      docs.push(doc)
    }
    let upsertedId: DocId | undefined
    if (targets.length === 0 && opts.upsert) {
      const base = upsertBase(query)
      const id = isDocId(base._id) ? base._id : newId()
      const doc = next({ ...base, _id: id }) ?? { ...base, _id: id }
      const ordered = { _id: id, ...doc }
      changes.push({ c: collection, id, doc: ordered })
      docs.push(ordered)
      states.push(ordered)
      upsertedId = id
    }
    if (changes.length > 0) this.write(collection, changes, tx)
    return {
      matched: targets.length,
      updated: upsertedId ? changes.length - 1 : changes.length,
      upsertedId,
      docs,
      states,
    }
  }

  remove(collection: string, query: Doc, opts: { multi: boolean }, txId?: string): number {
    this.assertOpen()
    const tx = this.tx(txId)
    const targets = this.match(this.view(txId), collection, query, opts.multi ? undefined : 1)
    const changes = targets.map((t) => ({ c: collection, id: t._id as DocId, doc: null }))
    if (changes.length > 0) this.write(collection, changes, tx)
    return changes.length
  }

  /** Runs an aggregation pipeline; the result is the caller's to keep. */
  aggregate(collection: string, pipeline: Doc[]): Doc[] {
    return this.aggregateRaw(collection, pipeline).map(clone)
  }

  /**
   * Runs an aggregation pipeline. A leading `$match` selects through the indexes and mingo's
   * compiled query, and mingo runs the rest: on the stored objects themselves when every
   * remaining stage only reads its input, else on copies. The result may share objects with stored documents: encode it, never mutate it.
   */
  aggregateRaw(collection: string, pipeline: Doc[]): Doc[] {
    this.assertOpen()
    let rest = pipeline
    const stage = (i: number): [string, unknown] | null => {
      const s = rest[i]
      const keys = isPlainObject(s) ? Object.keys(s) : []
      return keys.length === 1 ? [keys[0], s[keys[0]]] : null
    }
    // The input, streamed: the leading $match's matches, or the whole collection.
    let feed: (visit: (doc: Doc) => void) => void
    const first = stage(0)
    if (first && first[0] === '$match' && isPlainObject(first[1])) {
      const query = first[1]
      const test = compileMatcher(query)
      const view = this.view()
      feed = (visit) =>
        view.scan(collection, query, (doc) => {
          if (test(doc)) visit(doc)
          return true
        })
      rest = rest.slice(1)
    } else {
      feed = (visit) => {
        for (const e of this.collections.get(collection)?.docs.values() ?? []) visit(e.doc)
      }
    }
    const docs: Doc[] = []
    feed((doc) => docs.push(doc))
    if (rest.length === 0) return docs
    const readOnly = rest.every((_, i) => {
      const s = stage(i)
      return s !== null && READ_ONLY_STAGES.has(s[0])
    })
    try {
      return mingoAggregate(readOnly ? docs : docs.map(clone), rest, {
        collectionResolver: (name: string) =>
          [...(this.collections.get(name)?.docs.values() ?? [])].map((e) => clone(e.doc)),
      }) as Doc[]
    } catch (err) {
      throw invalidParam(`invalid aggregation: ${(err as Error).message}`)
    }
  }

  /** Registers a collection (journaled). Existing collections are left alone. */
  createCollection(collection: string): boolean {
    this.assertOpen()
    assertCollectionName(collection)
    if (this.collections.has(collection)) return false
    this.appendJournal({ s: this.seq + 1, o: [{ c: collection }] })
    this.seq += 1
    this.ensureCollection(collection)
    return true
  }

  // ----- transactions ---------------------------------------------------------------------------

  startTransaction(): string {
    this.assertOpen()
    const id = newId()
    this.txs.set(id, { id, snapshot: this.seq, writes: new Map(), lastActive: Date.now() })
    return id
  }

  /**
   * First committer wins: if anyone committed a write to a document this transaction writes
   * after it started, nothing is written and the conflict error (which the SDK retries) is
   * thrown. Otherwise all its writes become ONE journal line, then memory. Either way the
   * transaction is over.
   */
  commitTransaction(txId: string): void {
    this.assertOpen()
    const tx = this.tx(txId)
    if (!tx) throw invalidParam('transactionId is required')
    this.txs.delete(tx.id)
    try {
      const changes: Change[] = []
      for (const [c, writes] of tx.writes) {
        const coll = this.collections.get(c)
        for (const [id, doc] of writes) {
          if (coll && coll.writtenAfter(id, tx.snapshot)) throw transactionConflict(tx.id)
          changes.push({ c, id, doc })
        }
      }
      for (const [c, writes] of tx.writes) this.checkUnique(c, writes)
      if (changes.length > 0) this.commitChanges(changes)
    } finally {
      this.pruneHistory()
    }
  }

  /** Discards a transaction; unknown or already finished ids are fine (the SDK aborts late). */
  abortTransaction(txId: string): void {
    if (this.txs.delete(txId)) this.pruneHistory()
  }

  /** Runs `fn` in a transaction and commits it synchronously: several writes, one journal line. */
  atomically<T>(fn: (txId: string) => T): T {
    const id = this.startTransaction()
    try {
      const out = fn(id)
      this.commitTransaction(id)
      return out
    } catch (err) {
      this.abortTransaction(id)
      throw err
    }
  }

  activeTransactions(): number {
    return this.txs.size
  }

  /** Writes the current state as a new snapshot and empties the journal. */
  compact(): void {
    this.assertOpen()
    const tmp = this.snapshotPath + '.tmp'
    const fd = fs.openSync(tmp, 'w')
    try {
      const write = (s: string): void => writeFully(fd, Buffer.from(s, 'utf8'))
      write(`{"seq":${this.seq},"collections":{`)
      let firstColl = true
      for (const [name, coll] of this.collections) {
        write(`${firstColl ? '' : ','}${JSON.stringify(name)}:[`)
        firstColl = false
        let batch: string[] = []
        let first = true
        for (const e of coll.docs.values()) {
          batch.push(encode(e.doc))
          if (batch.length >= 1000) {
            write((first ? '' : ',') + batch.join(','))
            first = false
            batch = []
          }
        }
        if (batch.length > 0) write((first ? '' : ',') + batch.join(','))
        write(']')
      }
      write('}}\n')
      this.syncCall({ fd, kind: 'snapshot', path: tmp })
    } finally {
      fs.closeSync(fd)
    }
    fs.renameSync(tmp, this.snapshotPath)
    this.syncDir(this.dataDir)
    // A crash before this truncation is harmless: replay skips records the snapshot contains.
    const journal = { kind: 'journal', path: this.journalPath } as const
    if (this.fd !== null) {
      fs.ftruncateSync(this.fd, 0)
      this.syncCall({ fd: this.fd, ...journal })
    } else {
      fs.writeFileSync(this.journalPath, '')
      const jfd = fs.openSync(this.journalPath, 'r+')
      this.syncCall({ fd: jfd, ...journal })
      fs.closeSync(jfd)
      this.syncDir(this.dataDir)
    }
    this.journalBytes = 0
  }

  // ----- internals ------------------------------------------------------------------------------

  private assertOpen(): void {
    if (this.closed) throw new CloudError('SYS_ERR', 'the store is closed')
  }

  private tx(txId: string | undefined): Transaction | undefined {
    if (txId === undefined || txId === null || txId === '') return undefined
    const tx = this.txs.get(txId)
    if (!tx) {
      throw new CloudError(
        'DATABASE_TRANSACTION_FAIL',
        `transaction ${txId} is over: it was committed, aborted or expired`,
      )
    }
    tx.lastActive = Date.now()
    return tx
  }

  private view(txId?: string): ReadView {
    const tx = this.tx(txId)
    if (!tx) {
      return {
        get: (c, id) => this.collections.get(c)?.docs.get(id)?.doc ?? null,
        scan: (c, query, visit) => this.plannedScan(c, query, visit),
      }
    }
    return {
      get: (c, id) => {
        const own = tx.writes.get(c)
        if (own?.has(id)) return own.get(id) ?? null
        return this.collections.get(c)?.visibleAt(id, tx.snapshot) ?? null
      },
      scan: (c, query, visit) => this.snapshotScan(c, query, tx, visit),
    }
  }

  /** The matching documents (stored objects), in scan order; at most `limit` of them. */
  private match(
    view: ReadView,
    c: string,
    query: Doc,
    limit?: number,
    test: Matcher = compileMatcher(query),
  ): Doc[] {
    const out: Doc[] = []
    if (limit !== undefined && limit <= 0) return out
    view.scan(c, query, (doc) => {
      if (test(doc)) out.push(doc)
      return limit === undefined || out.length < limit
    })
    return out
  }

  /**
   * A superset of the first `k` matches in `sort` order (with their ties), from an ordered index
   * on the first sort field whose prefix the query pins down; null when there is none or when
   * walking it would cost more than the hash plan's candidates.
   */
  private orderedMatches(
    c: string,
    query: Doc,
    test: Matcher,
    sort: SortSpec,
    k: number,
  ): Doc[] | null {
    const coll = this.collections.get(c)
    if (!coll || coll.ordered.length === 0) return null
    const first = Object.keys(sort)[0]
    const eq = equalityValues(query)
    let best: { index: OrderedIndex<Entry>; keys: string[]; size: number } | null = null
    for (const index of coll.ordered) {
      if (index.field !== first) continue
      const values = index.prefix.fields.map((f) => eq.get(f))
      if (!values.every((v) => v !== undefined)) continue
      const keys = index.prefix.keysFor(values as Scalar[][])
      if (keys === null) continue
      const size = keys.reduce((n, key) => n + (index.prefix.map.get(key)?.size ?? 0), 0)
      if (best === null || size < best.size) best = { index, keys, size }
    }
    if (best === null) return null
    const plan = planQuery(query, coll.indexes, (id) => coll.docs.get(id))
    const dir = sort[first] === -1 ? -1 : 1
    return best.index.firstMatches(best.keys, dir, k, test, plan ? plan.size : Infinity)
  }

  /** Applies a projection to copies: mingo's exclusions delete from the objects it is given. */
  private project(docs: Doc[], projection: Doc): Doc[] {
    try {
      return mingoFind(docs.map(clone), {}, projection).all() as Doc[]
    } catch (err) {
      throw invalidParam(`invalid projection: ${(err as Error).message}`)
    }
  }

  private plannedScan(c: string, query: Doc, visit: (doc: Doc) => boolean): void {
    const coll = this.collections.get(c)
    if (!coll) return
    const plan = planQuery(query, coll.indexes, (id) => coll.docs.get(id))
    if (plan === null) {
      for (const e of coll.docs.values()) if (!visit(e.doc)) return
      return
    }
    eachCandidate(plan, (e) => visit(e.doc))
  }

  /** The collection as of the transaction's snapshot, overlaid with its own writes. */
  private snapshotScan(c: string, query: Doc, tx: Transaction, visit: (doc: Doc) => boolean): void {
    const coll = this.collections.get(c)
    const own = tx.writes.get(c)
    // Indexes describe the current state, not the snapshot: only `_id` may narrow here.
    const plan = coll ? planQuery<DocId>(query, null, (id) => id) : null
    if (plan !== null) {
      eachCandidate(plan, (id) => {
        const doc = own?.has(id) ? own.get(id) : coll?.visibleAt(id, tx.snapshot)
        return !doc || visit(doc)
      })
      return
    }
    if (coll) {
      for (const [id, e] of coll.docs) {
        if (own?.has(id)) continue
        const doc =
          e.version <= tx.snapshot ? e.doc : pickVersion(coll.history.get(id), tx.snapshot)
        if (doc && !visit(doc)) return
      }
      for (const [id, versions] of coll.history) {
        if (coll.docs.has(id) || own?.has(id)) continue
        const doc = pickVersion(versions, tx.snapshot)
        if (doc && !visit(doc)) return
      }
    }
    if (own) for (const doc of own.values()) if (doc && !visit(doc)) return
  }

  /** Outside a transaction: check and commit now. Inside: check and buffer until commit. */
  private write(c: string, changes: Change[], tx: Transaction | undefined): void {
    for (const ch of changes) {
      const field = dollarField(ch.doc)
      if (field !== null) {
        // MongoDB's refusal, before anything is written or buffered.
        throw new CloudError(
          'DATABASE_REQUEST_FAILED',
          `[FailedOperation] Document can't have $ prefixed field names: ${field}`,
        )
      }
    }
    if (!tx) {
      this.checkUnique(c, new Map(changes.map((ch) => [ch.id, ch.doc])))
      this.commitChanges(changes)
      return
    }
    // As in WeChat cloud (MongoDB underneath), a transaction's write takes the document's lock:
    // it fails at once if another open transaction holds that lock, or if someone committed a
    // newer state than this transaction's snapshot. The SDK does not retry that failure.
    // The failed transaction is aborted there too: nothing it did can still be committed.
    const coll = this.collections.get(c)
    for (const ch of changes) {
      const locked =
        coll?.writtenAfter(ch.id, tx.snapshot) ||
        [...this.txs.values()].some((other) => other !== tx && other.writes.get(c)?.has(ch.id))
      if (locked) {
        this.abortTransaction(tx.id)
        throw transactionConflict(tx.id)
      }
    }
    const merged = new Map(tx.writes.get(c) ?? [])
    for (const ch of changes) merged.set(ch.id, ch.doc)
    this.checkUnique(c, merged)
    tx.writes.set(c, merged)
  }

  /**
   * `finalStates` holds every document of `c` that the write changes (null = deleted), judged
   * against the committed state: a key is a duplicate if another new state has it, or if a
   * committed document keeps it and is not itself being changed.
   */
  private checkUnique(c: string, finalStates: Map<DocId, Doc | null>): void {
    const coll = this.collections.get(c)
    if (!coll) return
    for (const ix of coll.uniques) {
      const seen = new Map<string, DocId>()
      for (const [id, doc] of finalStates) {
        if (!doc) continue
        const key = ix.keyOf(doc)
        if (key === null) continue
        const other = seen.get(key)
        const owner = ix.map.get(key)
        if (
          (other !== undefined && other !== id) ||
          (owner !== undefined && owner !== id && !finalStates.has(owner))
        ) {
          throw duplicateKey(c, ix.name, ix.describe(doc))
        }
        seen.set(key, id)
      }
    }
  }

  /** Journal first (durable), then memory. Runs synchronously, so commits never interleave. */
  private commitChanges(changes: Change[]): void {
    const seq = this.seq + 1
    this.appendJournal({
      s: seq,
      o: changes.map((ch) => ({ c: ch.c, i: ch.id, d: ch.doc })),
    })
    this.seq = seq
    if (changes.length >= BULK_WRITE) {
      // Cheaper to sort the ordered buckets again on their next use than to keep them in order.
      for (const c of new Set(changes.map((ch) => ch.c))) this.collections.get(c)?.dropOrder()
    }
    for (const ch of changes) this.apply(ch.c, ch.id, ch.doc, seq)
  }

  private appendJournal(rec: JournalRecord): void {
    if (this.fd === null) throw new CloudError('SYS_ERR', 'the journal is not open')
    const buf = Buffer.from(encode(rec) + '\n', 'utf8')
    try {
      writeFully(this.fd, buf)
      // Durable before the caller acknowledges anything: the answer goes out after this returns.
      if (this.fsync) this.syncCall({ fd: this.fd, kind: 'journal', path: this.journalPath })
    } catch (err) {
      // Cut off whatever part got written, or the next record would follow a torn line.
      try {
        fs.ftruncateSync(this.fd, this.journalBytes)
      } catch {
        // The original error is the one worth reporting.
      }
      throw new CloudError('SYS_ERR', `journal write failed: ${(err as Error).message}`)
    }
    this.journalBytes += buf.length
  }

  private syncDir(dir: string): void {
    const fd = fs.openSync(dir, 'r')
    try {
      this.syncCall({ fd, kind: 'dir', path: dir })
    } finally {
      fs.closeSync(fd)
    }
  }

  private ensureCollection(name: string): Collection {
    let coll = this.collections.get(name)
    if (!coll) {
      coll = new Collection(name, this.indexDefs.get(name) ?? [])
      this.collections.set(name, coll)
    }
    return coll
  }

  private apply(c: string, id: DocId, doc: Doc | null, seq: number): void {
    const coll = this.ensureCollection(c)
    const old = coll.docs.get(id)
    if (old) {
      if (this.txs.size > 0) {
        // Some open transaction may have a snapshot older than this commit: keep the old state.
        let versions = coll.history.get(id)
        if (!versions) coll.history.set(id, (versions = []))
        versions.push({ doc: old.doc, validFrom: old.version, validTo: seq })
        this.withHistory.add(coll)
      }
      coll.indexRemove(id, old)
    }
    if (doc) {
      const entry = { doc, version: seq }
      coll.docs.set(id, entry)
      coll.indexAdd(id, entry)
    } else {
      coll.docs.delete(id)
    }
  }

  private pruneHistory(): void {
    if (this.txs.size === 0) {
      for (const coll of this.withHistory) coll.history.clear()
      this.withHistory.clear()
      return
    }
    let oldest = Infinity
    for (const tx of this.txs.values()) oldest = Math.min(oldest, tx.snapshot)
    for (const coll of this.withHistory) {
      for (const [id, versions] of coll.history) {
        const kept = versions.filter((v) => v.validTo > oldest)
        if (kept.length === 0) coll.history.delete(id)
        else if (kept.length !== versions.length) coll.history.set(id, kept)
      }
      if (coll.history.size === 0) this.withHistory.delete(coll)
    }
  }

  private expireTransactions(): void {
    const now = Date.now()
    let expired = 0
    for (const tx of this.txs.values()) {
      if (now - tx.lastActive > this.txTimeoutMs) {
        this.txs.delete(tx.id)
        expired++
      }
    }
    if (expired > 0) {
      this.log(`store: discarded ${expired} transaction(s) idle for ${this.txTimeoutMs} ms`)
      this.pruneHistory()
    }
  }

  private lock(): void {
    if (openDirs.has(this.dataDir)) {
      throw new Error(`data dir ${this.dataDir} is already open in this process`)
    }
    if (fs.existsSync(this.lockPath)) {
      const pid = Number(fs.readFileSync(this.lockPath, 'utf8').trim())
      if (pid && pid !== process.pid && processAlive(pid)) {
        throw new Error(`data dir ${this.dataDir} is in use by process ${pid}`)
      }
    }
    fs.writeFileSync(this.lockPath, String(process.pid))
    openDirs.add(this.dataDir)
  }

  private unlock(): void {
    openDirs.delete(this.dataDir)
    try {
      fs.unlinkSync(this.lockPath)
    } catch {
      // Already gone: nothing to release.
    }
  }

  /** Snapshot, then journal; a torn final journal line is an unfinished write and is dropped. */
  private load(compactAboveBytes: number): void {
    fs.rmSync(this.snapshotPath + '.tmp', { force: true })
    if (fs.existsSync(this.snapshotPath)) {
      const snap = decode(fs.readFileSync(this.snapshotPath, 'utf8')) as {
        seq: number
        collections: Record<string, Doc[]>
      }
      for (const [name, docs] of Object.entries(snap.collections)) {
        this.ensureCollection(name)
        for (const doc of docs) this.apply(name, doc._id as DocId, doc, snap.seq)
      }
      this.seq = snap.seq
    }
    const buf = fs.existsSync(this.journalPath)
      ? fs.readFileSync(this.journalPath)
      : Buffer.alloc(0)
    let pos = 0
    let goodEnd = 0
    let replayed = 0
    while (pos < buf.length) {
      const nl = buf.indexOf(10, pos)
      const end = nl === -1 ? buf.length : nl
      const text = buf.toString('utf8', pos, end).trim()
      const next = nl === -1 ? buf.length : nl + 1
      if (text !== '') {
        let rec: JournalRecord | null = null
        try {
          const parsed = decode(text) as JournalRecord
          if (typeof parsed.s === 'number' && Array.isArray(parsed.o)) rec = parsed
        } catch {
          rec = null
        }
        if (!rec) {
          if (buf.subarray(next).toString('utf8').trim() !== '') {
            throw new Error(`journal ${this.journalPath} is corrupt at byte ${pos} (not its end)`)
          }
          this.log(`store: dropped an unfinished journal record at byte ${pos}`)
          break
        }
        if (rec.s > this.seq) {
          for (const op of rec.o) {
            if (op.i === undefined) this.ensureCollection(op.c)
            else this.apply(op.c, op.i, op.d ?? null, rec.s)
          }
          this.seq = rec.s
          replayed++
        }
      }
      pos = next
      goodEnd = nl === -1 ? buf.length : next
    }
    if (goodEnd < buf.length || (goodEnd > 0 && buf[goodEnd - 1] !== 10)) {
      // Drop the torn tail (or terminate a complete last line) so appends start on a fresh line.
      fs.truncateSync(this.journalPath, goodEnd)
      if (goodEnd > 0 && buf[goodEnd - 1] !== 10) fs.appendFileSync(this.journalPath, '\n')
    }
    const created = !fs.existsSync(this.journalPath)
    this.fd = fs.openSync(this.journalPath, 'a')
    // A new file's name lives in the directory: without this, a crash could lose the whole
    // journal, every fdatasync'ed line in it included.
    if (created && this.fsync) this.syncDir(this.dataDir)
    this.journalBytes = fs.fstatSync(this.fd).size
    if (replayed > 0) this.log(`store: replayed ${replayed} journal record(s)`)
    this.warnAboutDuplicates()
    if (this.journalBytes > compactAboveBytes) {
      this.compact()
      this.log(`store: compacted into ${this.snapshotPath}`)
    }
  }

  private warnAboutDuplicates(): void {
    for (const coll of this.collections.values()) {
      for (const ix of coll.uniques) {
        // Fewer keys than keyed documents: data older than the index has duplicates.
        let keyed = 0
        for (const e of coll.docs.values()) if (ix.keyOf(e.doc) !== null) keyed++
        if (keyed > ix.map.size) {
          this.log(
            `store: WARNING ${coll.name} holds ${keyed - ix.map.size} duplicate key(s) for ` +
              `unique index ${ix.name}, which joined the manifest after the data. Fix the data.`,
          )
        }
      }
    }
  }
}

function writeFully(fd: number, buf: Buffer): void {
  let off = 0
  while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off)
}

/**
 * Whether the process that wrote a LOCK file still runs. A process that is dead, or a zombie (it
 * exited, e.g. after `kill -9`, and its parent has not reaped it yet), holds nothing: a zombie still
 * answers `kill(pid, 0)`, so on Linux its state in /proc/<pid>/stat decides.
 */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (process.platform !== 'linux') return true
  let stat: string
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch (err) {
    // gone since kill(): dead; any other failure (no /proc mounted): trust kill()
    return (err as NodeJS.ErrnoException).code !== 'ENOENT'
  }
  // "<pid> (<comm>) <state> …": comm may hold spaces and parentheses, so read after the last ')'
  const state = stat.charAt(stat.lastIndexOf(')') + 2)
  return state !== 'Z' && state !== 'X' && state !== 'x'
}

// Typed reads, writes and transactions over wx-server-sdk, whose typings union promises with
// callback-style returns. Every domain uses these; none keeps its own.
import { AppError, conflict, isNotFound } from './errors'
import type { Database } from './router'

interface Gettable {
  get(): unknown
}

/** The documents a query returns (at most its limit: 100 by default, 1000 at most). */
export async function rows<T>(query: Gettable): Promise<T[]> {
  const res = (await query.get()) as { data: T[] }
  return res.data
}

/** The first document a query returns, or null. */
export async function first<T>(query: Gettable): Promise<T | null> {
  return (await rows<T>(query))[0] ?? null
}

export type Collection = ReturnType<Database['collection']>
export type Command = Database['command']

/** The part of a transaction we use: collections whose reads and writes carry its id. */
export interface Tx {
  collection(name: string): Collection
}

/** How many documents an update changed. */
export async function updated(pending: unknown): Promise<number> {
  const res = (await pending) as { stats?: { updated?: number } }
  return res.stats?.updated ?? 0
}

/** The documents an aggregation returned. */
export async function aggregated<T>(pending: unknown): Promise<T[]> {
  const res = (await pending) as { list: T[] }
  return res.list
}

/** One document by id, or null (a where on _id: unlike doc(id).get(), a miss does not throw). */
export async function getById<T>(db: Database, collection: string, id: string): Promise<T | null> {
  return first<T>(db.collection(collection).where({ _id: id }).limit(1))
}

export async function counted(pending: unknown): Promise<number> {
  const res = (await pending) as { total: number }
  return res.total
}

/**
 * A document read inside a transaction, or null. WeChat cloud transactions allow single-document
 * operations only (`doc(id)`, `add`), and `doc(id).get()` throws when the document is missing.
 */
export async function readInTransaction<T>(
  t: Tx,
  collection: string,
  id: string,
): Promise<T | null> {
  try {
    const res = (await t.collection(collection).doc(id).get()) as unknown as { data: T | null }
    return res.data ?? null
  } catch (err) {
    if (isNotFound(err)) return null
    throw err
  }
}

const TRANSACTION_ATTEMPTS = 5

/**
 * runTransaction with its result typed, retried on a conflict. The SDK reruns the callback only
 * when the commit conflicts; WeChat cloud refuses a write to a document another transaction has
 * locked at once, which the SDK does not retry. Those are retried here, after a short random
 * pause so that contenders do not collide again. The callback must be safe to rerun.
 */
export async function inTransaction<T>(db: Database, run: (t: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(run)) as T
    } catch (err) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isTransactionConflict(err)) throw err
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt))
    }
  }
}

export interface ContendedOptions {
  /** how many transactions to try before giving up (default 30) */
  attempts?: number
  /** given up: the CONFLICT answer's sentence */
  busy?: string
  /** a cheap read outside any transaction between attempts; throws the answer when there is no point in trying again (out of stock) */
  stillPossible?: () => Promise<void>
}

/**
 * A transaction on a document many callers want at once (a reward's stock, a point's day counter,
 * an activity's places). WeChat cloud refuses a write to a document another transaction holds, so
 * the loser retries — after a pause drawn at random up to a bound that doubles each time (full
 * jitter), so a crowd spreads out instead of colliding again — until it wins, is refused, or gives
 * up.
 */
export async function inContendedTransaction<T>(
  db: Database,
  run: (t: Tx) => Promise<T>,
  options: ContendedOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 30
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, run)
    } catch (err) {
      if (!isTransactionConflict(err)) throw err
      if (attempt >= attempts) throw conflict(options.busy ?? '现在办理的人太多了，请稍后再试')
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(2000, 40 * 2 ** attempt)))
      if (options.stillPossible) await options.stillPossible()
    }
  }
}

/** A write-write conflict between transactions (retries exhausted, or refused mid-transaction). */
export function isTransactionConflict(err: unknown): boolean {
  // Our own errors (a CONFLICT refusal thrown by the callback) are answers, not conflicts.
  if (err instanceof AppError) return false
  const e = err as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown }
  const text = `${String(e?.code ?? '')} ${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`
  return /TRANSACTION_CONFLICT|TransactionConflict|WriteConflict/i.test(text)
}

/** The name of the unique index a duplicate-key error names (`_id_`, `no_unique` …), if any. */
export function duplicateIndex(err: unknown): string | null {
  const e = err as { message?: unknown; errMsg?: unknown }
  const text = `${String(e?.message ?? err)} ${String(e?.errMsg ?? '')}`
  if (!/E11000|duplicate key/i.test(text)) return null
  const m = /index:\s*([A-Za-z0-9_.$-]+)/.exec(text)
  return m ? m[1] : ''
}

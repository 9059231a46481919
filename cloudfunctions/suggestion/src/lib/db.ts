// Typed writes and transactions over wx-server-sdk (its typings union promises with void).
import type { Database } from '../../../../server/router'

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

export async function counted(pending: unknown): Promise<number> {
  const res = (await pending) as { total: number }
  return res.total
}

/** runTransaction with its result typed; the SDK retries on commit conflicts (3 times). */
export async function inTransaction<T>(db: Database, run: (t: Tx) => Promise<T>): Promise<T> {
  return (await db.runTransaction(run)) as T
}

/** A write-write conflict between transactions (retries exhausted, or refused mid-transaction). */
export function isTransactionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown }
  const text = `${String(e?.code ?? '')} ${String(e?.message ?? '')} ${String(e?.errMsg ?? '')}`
  return /TRANSACTION_CONFLICT|TransactionConflict|conflict/i.test(text)
}

/** The name of the unique index a duplicate-key error names (`_id_`, `no_unique` …), if any. */
export function duplicateIndex(err: unknown): string | null {
  const e = err as { message?: unknown; errMsg?: unknown }
  const text = `${String(e?.message ?? err)} ${String(e?.errMsg ?? '')}`
  if (!/E11000|duplicate key/i.test(text)) return null
  const m = /index:\s*([A-Za-z0-9_.$-]+)/.exec(text)
  return m ? m[1] : ''
}

// Keyset paging, once for every domain: opaque cursors (the last item's sort key and id,
// base64url-encoded) and the newest-first page most lists are.
import { rows } from './db'
import { invalid } from './errors'
import type { Database } from './router'

export type CursorKey = [number, string]

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** null for the first page; INVALID_INPUT for anything we did not hand out. */
export function decodeCursor(cursor: string | null | undefined): CursorKey | null {
  if (!cursor) return null
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      typeof key[0] === 'number' &&
      Number.isFinite(key[0]) &&
      typeof key[1] === 'string' &&
      /^[A-Za-z0-9_-]{1,64}$/.test(key[1])
    ) {
      return [key[0], key[1]]
    }
  } catch {
    // fall through
  }
  throw invalid('翻页参数不对，请刷新后再试')
}

/**
 * A page of `collection` in descending order of `field` (a Date, or a number such as a count;
 * ties by _id), after `cursor`: one query of limit + 1, never a skip.
 */
export async function descending<D extends { _id: string }>(
  db: Database,
  collection: string,
  where: object,
  field: keyof D & string,
  kind: 'date' | 'number',
  page: { cursor?: string | null; limit: number },
): Promise<{ docs: D[]; cursor: string | null }> {
  const _ = db.command
  const after = decodeCursor(page.cursor)
  const at = after ? (kind === 'date' ? new Date(after[0]) : after[0]) : null
  const query = after
    ? _.and(where, _.or({ [field]: _.lt(at) }, { [field]: at, _id: _.lt(after[1]) }))
    : where
  const docs = await rows<D>(
    db
      .collection(collection)
      .where(query)
      .orderBy(field, 'desc')
      .orderBy('_id', 'desc')
      .limit(page.limit + 1),
  )
  const more = docs.length > page.limit
  const shown = more ? docs.slice(0, page.limit) : docs
  const last = shown[shown.length - 1]
  const keyOf = (d: D): number => {
    const value = d[field] as unknown
    return value instanceof Date ? value.getTime() : Number(value)
  }
  return { docs: shown, cursor: more && last ? encodeCursor([keyOf(last), last._id]) : null }
}

/** A page newest first by the Date field `field` (ties by _id), after `cursor`. */
export function newestFirst<D extends { _id: string }>(
  db: Database,
  collection: string,
  where: object,
  field: keyof D & string,
  page: { cursor?: string | null; limit: number },
): Promise<{ docs: D[]; cursor: string | null }> {
  return descending(db, collection, where, field, 'date', page)
}

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

/** Items of a page fetched with limit + 1, and the cursor after them. */
export function pageOf<D, T>(
  docs: D[],
  limit: number,
  key: (d: D) => CursorKey,
  view: (d: D) => T,
): { items: T[]; cursor: string | null } {
  const more = docs.length > limit
  const shown = more ? docs.slice(0, limit) : docs
  const last = shown[shown.length - 1]
  return { items: shown.map(view), cursor: more && last ? encodeCursor(key(last)) : null }
}

/**
 * A page of `collection` newest first by the Date field `field` (ties by _id), after `cursor`:
 * one query of limit + 1, never a skip.
 */
export async function newestFirst<D extends { _id: string }>(
  db: Database,
  collection: string,
  where: object,
  field: keyof D & string,
  page: { cursor?: string | null; limit: number },
): Promise<{ docs: D[]; cursor: string | null }> {
  const _ = db.command
  const after = decodeCursor(page.cursor)
  const query = after
    ? _.and(
        where,
        _.or(
          { [field]: _.lt(new Date(after[0])) },
          { [field]: new Date(after[0]), _id: _.lt(after[1]) },
        ),
      )
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
  const at = (d: D) => (d[field] as unknown as Date).getTime()
  return { docs: shown, cursor: more && last ? encodeCursor([at(last), last._id]) : null }
}

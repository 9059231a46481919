// Opaque cursors for keyset paging: the last item's sort key and id, base64url-encoded.
import { invalid } from '../../../../server/errors'

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

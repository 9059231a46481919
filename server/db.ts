// Typed reads over wx-server-sdk, whose typings union the promise with callback-style returns.

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

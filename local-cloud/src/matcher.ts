// Query predicates: mingo's compiled `Query` (with the local cloud's operators, see mingo.ts),
// built once per request and run on the stored documents themselves (mingo only reads them),
// never on copies.
import { invalidParam } from './errors'
import { compileQuery, type Query } from './mingo'
import type { Doc } from './values'

export type Matcher = (doc: Doc) => boolean

/** mingo's `new Query(query).test`; an invalid query throws invalidParam. */
export function compileMatcher(query: Doc): Matcher {
  let q: Query
  try {
    q = compileQuery(query)
  } catch (err) {
    throw invalidParam(`invalid query: ${(err as Error).message}`)
  }
  return (doc) => q.test(doc)
}

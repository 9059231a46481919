// Query predicates: mingo's compiled `Query`, built once per request and run on the stored
// documents themselves (mingo only reads them), never on copies.
import { Query } from 'mingo'
import { invalidParam } from './errors'
import type { Doc } from './values'

export type Matcher = (doc: Doc) => boolean

/** mingo's `new Query(query).test`; an invalid query throws invalidParam. */
export function compileMatcher(query: Doc): Matcher {
  let q: Query
  try {
    q = new Query(query)
  } catch (err) {
    throw invalidParam(`invalid query: ${(err as Error).message}`)
  }
  return (doc) => q.test(doc)
}

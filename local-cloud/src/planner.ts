// Candidate selection: which documents a query could match, from `_id` conditions and hash indexes
// on the equality prefixes of the manifest's indexes. Candidates are a superset; every one is
// still tested against the whole query, so an index only ever saves work.
import type { ManifestIndex } from './manifest'
import { Doc, DocId, getPath, isPlainObject } from './values'

export type Scalar = string | number | boolean | Date

/** A type-tagged key for the scalars an index serves; undefined for anything else. */
export function scalarKey(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return 's' + v
    case 'number':
      return 'n' + String(v)
    case 'boolean':
      return v ? 'bt' : 'bf'
    default:
      return v instanceof Date ? 'd' + String(v.getTime()) : undefined
  }
}

/** Joins the keys of a compound index unambiguously (a string key may hold any character). */
const joinKeys = (keys: string[]): string =>
  keys.length === 1 ? keys[0] : keys.map((k) => `${k.length}:${k}`).join('')

/**
 * A hash index on one or more fields, used to narrow equality (and `$in`) queries. A document
 * with an array on an indexed path goes to `unindexable` (always a candidate), except that a
 * single-field index keys an array of scalars under each element, as MongoDB's multikey indexes
 * do. A document whose field is missing, null or an object is in no bucket: no scalar equals it.
 */
export class HashIndex<T> {
  readonly map = new Map<string, Set<T>>()
  readonly unindexable = new Set<T>()
  /** Indexed documents keyed under several values: buckets may overlap while this is > 0. */
  private multikey = 0

  constructor(readonly fields: string[]) {}

  get name(): string {
    return this.fields.join(',')
  }

  /** The bucket keys of a document, or 'unindexable' (an array on a path: always a candidate). */
  keysOf(doc: Doc): string[] | 'unindexable' {
    if (this.fields.length === 1) {
      const { value, throughArray } = getPath(doc, this.fields[0])
      if (throughArray) return 'unindexable'
      if (!Array.isArray(value)) {
        const k = scalarKey(value)
        return k === undefined ? [] : [k]
      }
      // mingo matches a dotted path against the elements of nested arrays too: scan those.
      if (value.some((el) => Array.isArray(el))) return 'unindexable'
      const keys = new Set<string>()
      for (const el of value) {
        const k = scalarKey(el)
        if (k !== undefined) keys.add(k)
      }
      return [...keys]
    }
    const parts: string[] = []
    for (const f of this.fields) {
      const { value, throughArray } = getPath(doc, f)
      if (throughArray || Array.isArray(value)) return 'unindexable'
      const k = scalarKey(value)
      if (k === undefined) return []
      parts.push(k)
    }
    return [joinKeys(parts)]
  }

  /** Indexes `item` (what lookups give back: the store's entry) under the keys of `doc`. */
  add(item: T, doc: Doc): void {
    const keys = this.keysOf(doc)
    if (keys === 'unindexable') {
      this.unindexable.add(item)
      return
    }
    if (keys.length > 1) this.multikey++
    for (const k of keys) {
      let set = this.map.get(k)
      if (!set) this.map.set(k, (set = new Set()))
      set.add(item)
    }
  }

  /** Removes `item`, indexed under the keys of `doc`. */
  remove(item: T, doc: Doc): void {
    const keys = this.keysOf(doc)
    if (keys === 'unindexable') {
      this.unindexable.delete(item)
      return
    }
    if (keys.length > 1) this.multikey--
    for (const k of keys) {
      const set = this.map.get(k)
      if (!set) continue
      set.delete(item)
      if (set.size === 0) this.map.delete(k)
    }
  }

  /** Whether a document can sit in several buckets (a single-field index over arrays). */
  get overlapping(): boolean {
    return this.multikey > 0
  }

  /** The bucket keys for these values of the fields (one list per field), or null if too many. */
  keysFor(values: Scalar[][]): string[] | null {
    let combos: string[][] = [[]]
    for (const list of values) {
      const keys = [...new Set(list.map((v) => scalarKey(v) as string))]
      if (combos.length * keys.length > MAX_COMBINATIONS) return null
      combos = combos.flatMap((c) => keys.map((k) => [...c, k]))
    }
    return combos.map(joinKeys)
  }

  /** The buckets for these values of the fields (one list per field), or null if too many. */
  lookup(values: Scalar[][]): Plan<T> | null {
    const keys = this.keysFor(values)
    if (keys === null) return null
    const sources: Array<Iterable<T>> = []
    let size = this.unindexable.size
    for (const key of keys) {
      const set = this.map.get(key)
      if (set) {
        sources.push(set)
        size += set.size
      }
    }
    if (this.unindexable.size > 0) sources.push(this.unindexable)
    return { size, sources, disjoint: this.multikey === 0 || keys.length === 1 }
  }
}

const MAX_COMBINATIONS = 256

/**
 * The hash indexes a collection's manifest indexes give: every proper prefix of a compound index
 * (its last field serves ranges and ordering, which a hash cannot), a single-field index whole.
 */
export function hashIndexesFor<T>(defs: ManifestIndex[]): HashIndex<T>[] {
  const out = new Map<string, HashIndex<T>>()
  for (const def of defs) {
    const fields = Object.keys(def.fields)
    if (fields.length === 0 || fields[0] === '_id') continue
    const longest = fields.length === 1 ? 1 : fields.length - 1
    for (let n = 1; n <= longest; n++) {
      const ix = new HashIndex<T>(fields.slice(0, n))
      if (!out.has(ix.name)) out.set(ix.name, ix)
    }
  }
  return [...out.values()]
}

/** Candidates: `size` of them at most, from `sources`, which may overlap unless `disjoint`. */
export interface Plan<T> {
  size: number
  sources: Array<Iterable<T>>
  disjoint: boolean
}

/** Calls `visit` with each candidate of a plan once, until it returns false. */
export function eachCandidate<T>(plan: Plan<T>, visit: (item: T) => boolean): void {
  const seen = plan.disjoint ? null : new Set<T>()
  for (const source of plan.sources) {
    for (const item of source) {
      if (seen) {
        if (seen.has(item)) continue
        seen.add(item)
      }
      if (!visit(item)) return
    }
  }
}

/**
 * The cheapest way to find a superset of the documents `query` matches, or null (scan all).
 * Considers `_id` equality/`$in`, every index whose fields all have equality conditions in the
 * query's conjunction, and a union over the branches of an `$or` when each branch has a plan.
 * Without `indexes` only `_id` conditions count (a transaction's snapshot predates the indexes).
 * `byId` gives the candidate for an `_id` (undefined: no such document).
 */
export function planQuery<T>(
  query: Doc,
  indexes: HashIndex<T>[] | null,
  byId: (id: DocId) => T | undefined,
): Plan<T> | null {
  const { equalities, ors } = conjunction(query)
  let best: Plan<T> | null = null
  // Overlapping sources pay for de-duplication: a set insertion costs about a scan step more.
  const cost = (p: Plan<T>): number => (p.disjoint ? p.size : 2 * p.size)
  const consider = (p: Plan<T> | null): void => {
    if (p && (best === null || cost(p) < cost(best))) best = p
  }
  const ids = equalities.get('_id')
  // An `_id` is a string or a number; a condition on any other value matches no document.
  if (ids) {
    const found: T[] = []
    for (const id of new Set(ids)) {
      if (typeof id !== 'string' && typeof id !== 'number') continue
      const item = byId(id)
      if (item !== undefined) found.push(item)
    }
    consider({ size: found.length, sources: [found], disjoint: true })
  }
  for (const ix of indexes ?? []) {
    const values = ix.fields.map((f) => equalities.get(f))
    if (values.every((v): v is Scalar[] => v !== undefined)) consider(ix.lookup(values))
  }
  for (const branches of ors) {
    const plans = branches.map((b) => planQuery(b, indexes, byId))
    if (plans.some((p) => p === null)) continue
    const parts = plans as Array<Plan<T>>
    consider({
      size: parts.reduce((n, p) => n + p.size, 0),
      sources: parts.flatMap((p) => p.sources),
      disjoint: false,
    })
  }
  return best
}

/** The scalar equality (or `$in`) values a query's top-level conjunction requires, by field. */
export function equalityValues(query: Doc): Map<string, Scalar[]> {
  return conjunction(query).equalities
}

/**
 * The scalar equality (or `$in`) conditions of a query's top-level conjunction (through `$and`),
 * the smallest value list per field, and its `$or` clauses.
 */
function conjunction(query: Doc): { equalities: Map<string, Scalar[]>; ors: Doc[][] } {
  const equalities = new Map<string, Scalar[]>()
  const ors: Doc[][] = []
  const note = (field: string, values: Scalar[]): void => {
    const known = equalities.get(field)
    if (!known || values.length < known.length) equalities.set(field, values)
  }
  const visit = (q: Doc): void => {
    for (const [field, cond] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(cond)) {
        for (const sub of cond) if (isPlainObject(sub)) visit(sub)
        continue
      }
      if (field === '$or' && Array.isArray(cond)) {
        if (cond.length > 0 && cond.every(isPlainObject)) ors.push(cond as Doc[])
        continue
      }
      if (field.startsWith('$')) continue
      if (scalarKey(cond) !== undefined) {
        note(field, [cond as Scalar])
      } else if (isPlainObject(cond)) {
        const keys = Object.keys(cond)
        if (keys.length === 1 && keys[0] === '$eq' && scalarKey(cond.$eq) !== undefined) {
          note(field, [cond.$eq as Scalar])
        } else if (
          keys.length === 1 &&
          keys[0] === '$in' &&
          Array.isArray(cond.$in) &&
          cond.$in.every((v) => scalarKey(v) !== undefined)
        ) {
          note(field, cond.$in as Scalar[])
        }
      }
    }
  }
  visit(query)
  return { equalities, ors }
}

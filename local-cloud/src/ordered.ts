// Ordered access for `orderBy(x).limit(n)`: a compound index {a: 1, …, x: -1} keeps, for each
// equality bucket of its prefix (a, …), the bucket's documents sorted by x. A page then walks the
// bucket in order and stops after n matches (and the ties of the n-th), where the unordered path
// tests and ranks every match. Buckets are sorted on first use and kept in order on every write.
import type { HashIndex } from './planner'
import { readPath, typeRank } from './order'
import type { Doc, DocId } from './values'

interface Item {
  doc: Doc
}

/** A bucket member and its sort key: MongoDB's type rank, then the value, then `_id`. */
interface Slot<T> {
  item: T
  rank: number
  value: unknown
  id: DocId
}

interface Bucket<T> {
  slots: Array<Slot<T>>
  /** Members whose field is not a sortable scalar (an array, an object…): no order for them. */
  unsortable: Set<T>
}

function compareSlots<T>(a: Slot<T>, b: Slot<T>): number {
  if (a.rank !== b.rank) return a.rank - b.rank
  const x = a.value as number
  const y = b.value as number
  if (x !== y && x !== null && x !== undefined) {
    if (x < y) return -1
    if (x > y) return 1
  }
  return compareIds(a.id, b.id)
}

/** Numbers before strings, as MongoDB orders them; a total order either way. */
function compareIds(a: DocId, b: DocId): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** Same first sort key: the ties of a page's last document, which must all be considered. */
export function sameKey<T>(a: Slot<T>, b: Slot<T>): boolean {
  if (a.rank !== b.rank) return false
  const x = a.value as number
  const y = b.value as number
  return x === y || x === null || x === undefined || !(x < y || x > y)
}

export class OrderedIndex<T extends Item> {
  private readonly path: string[]
  private readonly built = new Map<string, Bucket<T>>()

  constructor(
    readonly prefix: HashIndex<T>,
    readonly field: string,
  ) {
    this.path = field.split('.')
  }

  private slotOf(item: T): Slot<T> | null {
    const value = readPath(item.doc, this.path)
    const rank = typeRank(value)
    if (rank < 0) return null
    const id = item.doc._id as DocId
    return { item, rank, value: value instanceof Date ? value.getTime() : value, id }
  }

  /** The position where `slot` sorts in `slots` (binary search). */
  private position(slots: Array<Slot<T>>, slot: Slot<T>): number {
    let lo = 0
    let hi = slots.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (compareSlots(slots[mid], slot) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The built buckets `item` belongs in, with its slot (null: its sort value is unsortable). */
  private *placesOf(item: T): Generator<[Bucket<T>, Slot<T> | null]> {
    if (this.built.size === 0) return
    const keys = this.prefix.keysOf(item.doc)
    if (keys === 'unindexable') return
    for (const key of keys) {
      const bucket = this.built.get(key)
      if (bucket) yield [bucket, this.slotOf(item)]
    }
  }

  add(item: T): void {
    for (const [bucket, slot] of this.placesOf(item)) {
      if (!slot) bucket.unsortable.add(item)
      else bucket.slots.splice(this.position(bucket.slots, slot), 0, slot)
    }
  }

  remove(item: T): void {
    for (const [bucket, slot] of this.placesOf(item)) {
      if (!slot) {
        bucket.unsortable.delete(item)
        continue
      }
      const { slots } = bucket
      for (let i = this.position(slots, slot); i < slots.length; i++) {
        if (slots[i].item === item) {
          slots.splice(i, 1)
          break
        }
        if (compareSlots(slots[i], slot) > 0) break
      }
    }
  }

  /** Drops every sorted bucket; each is sorted again on its next use. */
  clear(): void {
    this.built.clear()
  }

  private bucket(key: string): Bucket<T> {
    let bucket = this.built.get(key)
    if (!bucket) {
      const slots: Array<Slot<T>> = []
      const unsortable = new Set<T>()
      for (const item of this.prefix.map.get(key) ?? []) {
        const slot = this.slotOf(item)
        if (slot) slots.push(slot)
        else unsortable.add(item)
      }
      bucket = { slots: slots.sort(compareSlots), unsortable }
      this.built.set(key, bucket)
    }
    return bucket
  }

  /**
   * Per bucket of `keys`, the first `k` documents `test` accepts in `dir` order of the field,
   * plus those tying with the k-th: the union holds the first k of any order that sorts by this
   * field first. Null when that cannot be told from the index (unindexable or unsortable
   * documents) or when more than `budget` documents had to be tested (another plan is cheaper).
   */
  firstMatches(
    keys: string[],
    dir: 1 | -1,
    k: number,
    test: (doc: Doc) => boolean,
    budget: number,
  ): Doc[] | null {
    if (this.prefix.unindexable.size > 0) return null
    const out: Doc[] = []
    const seen = keys.length > 1 && this.prefix.overlapping ? new Set<T>() : null
    let tested = 0
    for (const key of keys) {
      const { slots, unsortable } = this.bucket(key)
      if (unsortable.size > 0) return null
      let found = 0
      let last: Slot<T> | null = null
      for (let n = 0; n < slots.length; n++) {
        const slot = slots[dir === 1 ? n : slots.length - 1 - n]
        if (last !== null && !sameKey(slot, last)) break
        if (++tested > budget) return null
        if (seen) {
          if (seen.has(slot.item)) continue
          seen.add(slot.item)
        }
        if (!test(slot.item.doc)) continue
        out.push(slot.item.doc)
        if (++found === k) last = slot
      }
    }
    return out
  }
}

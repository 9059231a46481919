// Document values: the one place that converts between the wire's EJSON, the journal's text and
// the plain JS values the store keeps in memory.
import { EJSON } from 'bson'

/**
 * A stored value is deliberately narrow: null, boolean, number, string, Date, RegExp, arrays and
 * plain objects. Anything richer that arrives as EJSON (ObjectId, Long, Decimal128, Binary) is
 * turned into one of these by `fromWire`, so the journal codec and mingo never meet BSON classes.
 */
export type Doc = Record<string, unknown>

/**
 * A document's `_id`: a non-empty string (ours are 32-hex) or a finite number, as CloudBase
 * (MongoDB) accepts both. The number 5 and the string '5' are different ids, as they are there
 * (and as Map keys).
 */
export type DocId = string | number

export function isDocId(v: unknown): v is DocId {
  return (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v))
}

/**
 * The first field name starting with `$` in a document to be stored, at any depth (through
 * arrays too), or null. MongoDB refuses to store such a document; mingo could not query it.
 */
export function dollarField(value: unknown, depth = 0): string | null {
  if (value === null || typeof value !== 'object' || depth > 200) return null
  if (Array.isArray(value)) {
    for (const el of value) {
      const found = dollarField(el, depth + 1)
      if (found !== null) return found
    }
    return null
  }
  if (!isPlainObject(value)) return null
  for (const k of Object.keys(value)) {
    if (k.startsWith('$')) return k
    const found = dollarField(value[k], depth + 1)
    if (found !== null) return found
  }
  return null
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** Duck-typed BSON values (wx-server-sdk bundles bson 4, we use bson 6: instanceof is useless). */
interface BsonLike {
  _bsontype: string
}
function bsonType(v: object): string | undefined {
  const t = (v as Partial<BsonLike>)._bsontype
  return typeof t === 'string' ? t : undefined
}

const JS_REGEX_FLAGS = new Set(['i', 'm', 's', 'u'])

function toRegExp(pattern: string, options: string): RegExp {
  // Mongo's `x` (extended) flag has no JS equivalent; dropping it is closer than failing.
  const flags = [...new Set(options.split(''))].filter((f) => JS_REGEX_FLAGS.has(f)).join('')
  return new RegExp(pattern, flags)
}

/**
 * Normalises a freshly parsed EJSON value in place (it is ours, nobody else holds it):
 * BSON classes become plain values and `{$tcb_server_date:{offset}}` becomes a Date relative to
 * `now`, which is fixed per request so every server date in one write is identical.
 */
export function normalize(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date || value instanceof RegExp) return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalize(value[i], now)
    return value
  }
  const t = bsonType(value)
  if (t !== undefined) return fromBson(t, value)
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  if (keys.length === 1 && keys[0] === '$tcb_server_date') {
    const spec = obj.$tcb_server_date
    const offset = isPlainObject(spec) ? Number(normalize(spec.offset, now) ?? 0) : 0
    return new Date(now + (Number.isFinite(offset) ? offset : 0))
  }
  for (const k of keys) {
    const v = obj[k]
    if (v === undefined) delete obj[k]
    else obj[k] = normalize(v, now)
  }
  return obj
}

function fromBson(type: string, v: object): unknown {
  // Reading the public fields of bson's classes; typed loosely because two bson majors meet here.
  const o = v as Record<string, unknown> & { toString(): string; toHexString?: () => string }
  switch (type) {
    case 'BSONRegExp':
      return toRegExp(String(o.pattern), String(o.options ?? ''))
    case 'ObjectId':
    case 'ObjectID':
      return typeof o.toHexString === 'function' ? o.toHexString() : o.toString()
    case 'Long':
    case 'Int32':
    case 'Double':
    case 'Decimal128':
      return Number(o.toString())
    case 'Binary':
      return Buffer.from((o as unknown as { buffer: Uint8Array }).buffer).toString('base64')
    default:
      return o.toString()
  }
}

/** Parses an EJSON string from the SDK (canonical or relaxed) into a normalised value. */
export function fromWire(text: unknown, now: number): unknown {
  if (typeof text !== 'string') {
    throw new TypeError('expected an EJSON string')
  }
  return normalize(EJSON.parse(text, { relaxed: true }), now)
}

/**
 * Fast codec for stored values, used for the journal, the snapshot and responses. Its output is
 * valid relaxed EJSON (Dates as {$date: ISO}, RegExps as {$regularExpression}, non-finite numbers
 * as {$numberDouble}), so the SDK's EJSON.parse reads it, but it costs one JSON.stringify.
 */
export function encode(value: unknown): string {
  const out = new Writer()
  // Like JSON.stringify, an undefined value (or a function) gives undefined.
  if (!write(value, out)) return JSON.stringify(value, replacer) as string
  return out.text()
}

/**
 * Text in pieces, joined a few thousand at a time: nested string concatenation would copy the
 * same text again and again, and one array of a million pieces keeps them all alive (the garbage
 * collector then pays for each of them, more so next to a large store).
 */
class Writer {
  private parts: string[] = []
  private readonly chunks: string[] = []

  put(s: string): void {
    this.parts.push(s)
    if (this.parts.length >= 4096) {
      this.chunks.push(this.parts.join(''))
      this.parts = []
    }
  }

  text(): string {
    if (this.chunks.length === 0)
      return this.parts.length === 1 ? this.parts[0] : this.parts.join('')
    this.chunks.push(this.parts.join(''))
    return this.chunks.join('')
  }
}

const quotedKeys = new Map<string, string>()

/** `"key":`, cached: documents repeat the same few keys thousands of times. */
function quotedKey(k: string): string {
  let q = quotedKeys.get(k)
  if (q === undefined) {
    q = JSON.stringify(k) + ':'
    if (quotedKeys.size < 10_000) quotedKeys.set(k, q)
  }
  return q
}

/**
 * Appends what JSON.stringify(v, replacer) writes, without calling a replacer for every key:
 * several times faster on a large response. Other objects (class instances, toJSON methods) go
 * to JSON.stringify whole. Returns false, writing nothing, for an undefined value or a function,
 * which an object skips and an array writes as null.
 */
function write(v: unknown, out: Writer): boolean {
  switch (typeof v) {
    case 'string':
      out.put(JSON.stringify(v))
      return true
    case 'number':
      out.put(Number.isFinite(v) ? String(v) : `{"$numberDouble":"${String(v)}"}`)
      return true
    case 'boolean':
      out.put(v ? 'true' : 'false')
      return true
    case 'undefined':
    case 'function':
    case 'symbol':
      return false
    case 'object':
      break
    default:
      out.put(JSON.stringify(v, replacer))
      return true
  }
  if (v === null) {
    out.put('null')
  } else if (Array.isArray(v)) {
    out.put('[')
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.put(',')
      if (!write(v[i], out)) out.put('null')
    }
    out.put(']')
  } else if (v instanceof Date) {
    const ms = v.getTime()
    out.put(Number.isNaN(ms) ? 'null' : `{"$date":"${isoString(ms)}"}`)
  } else if (v instanceof RegExp) {
    const pattern = JSON.stringify(v.source)
    out.put(`{"$regularExpression":{"pattern":${pattern},"options":${JSON.stringify(v.flags)}}}`)
  } else if (!isPlainObject(v) || typeof v.toJSON === 'function') {
    out.put(JSON.stringify(v, replacer))
  } else {
    let open = '{'
    for (const k of Object.keys(v)) {
      const value = v[k]
      const t = typeof value
      if (t === 'undefined' || t === 'function' || t === 'symbol') continue
      out.put(open + quotedKey(k))
      open = ','
      write(value, out)
    }
    out.put(open === '{' ? '{}' : '}')
  }
  return true
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n))

/**
 * Date#toISOString for 1970-01-01 to 9999-12-31 in plain arithmetic (days to civil date, H.
 * Hinnant's algorithm): a few times faster, and a large response holds hundreds of thousands.
 */
export function isoString(ms: number): string {
  if (!(ms >= 0 && ms < 253402300800000)) return new Date(ms).toISOString()
  const days = Math.floor(ms / 86400000)
  let rest = ms - days * 86400000
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  const h = Math.floor(rest / 3600000)
  rest -= h * 3600000
  const mi = Math.floor(rest / 60000)
  rest -= mi * 60000
  const sec = Math.floor(rest / 1000)
  const milli = rest - sec * 1000
  const msText = milli < 10 ? '00' + milli : milli < 100 ? '0' + milli : String(milli)
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(mi)}:${pad2(sec)}.${msText}Z`
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  // JSON.stringify has already called Date#toJSON on `value`; the holder still has the Date.
  const raw = (this as Record<string, unknown>)[key]
  if (raw instanceof Date) {
    const ms = raw.getTime()
    return Number.isNaN(ms) ? null : { $date: raw.toISOString() }
  }
  if (value instanceof RegExp) {
    return { $regularExpression: { pattern: value.source, options: value.flags } }
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { $numberDouble: String(value) }
  }
  return value
}

export function decode(text: string): unknown {
  return JSON.parse(text, reviver)
}

function reviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const obj = value as Record<string, unknown>
  if ('$date' in obj && typeof obj.$date === 'string' && Object.keys(obj).length === 1) {
    return new Date(obj.$date)
  }
  if ('$regularExpression' in obj && Object.keys(obj).length === 1) {
    const r = obj.$regularExpression as { pattern: string; options: string }
    return toRegExp(r.pattern, r.options)
  }
  if ('$numberDouble' in obj && Object.keys(obj).length === 1) {
    return Number(obj.$numberDouble)
  }
  return value
}

/** Deep copy of a stored value; stored documents are immutable, callers get copies. */
export function clone<T>(value: T): T {
  return cloneAny(value) as T
}

function cloneAny(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(cloneAny)
  if (v instanceof Date) return new Date(v.getTime())
  if (v instanceof RegExp) return new RegExp(v.source, v.flags)
  if (!isPlainObject(v)) return v
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v)) out[k] = cloneAny(v[k])
  return out
}

/** Reads a dotted path without traversing arrays; `undefined` when missing or through an array. */
export function getPath(doc: Doc, path: string): { value: unknown; throughArray: boolean } {
  let cur: unknown = doc
  const parts = path.split('.')
  for (let i = 0; i < parts.length; i++) {
    if (Array.isArray(cur)) return { value: undefined, throughArray: true }
    if (cur === null || typeof cur !== 'object') return { value: undefined, throughArray: false }
    cur = (cur as Record<string, unknown>)[parts[i]]
  }
  return { value: cur, throughArray: false }
}

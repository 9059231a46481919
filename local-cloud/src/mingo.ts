// mingo as the local cloud runs it: every query, projection, sort, aggregation and update goes
// through this module. It uses mingo's core classes with a context of its own, which puts right
// what mingo 7.2.6 does differently from MongoDB, adds the operators it lacks, and a `$jsonSchema`
// validator (ajv). (mingo's top-level `Query`/`aggregate`/`update` merge a given context UNDER
// their default one, so they cannot replace a built-in operator.)
import Ajv, { type ValidateFunction } from 'ajv'
import { Aggregator } from 'mingo/aggregator'
import { Context, evalExpr } from 'mingo/core'
import * as accumulatorOperators from 'mingo/operators/accumulator'
import * as expressionOperators from 'mingo/operators/expression'
import * as pipelineOperators from 'mingo/operators/pipeline'
import * as projectionOperators from 'mingo/operators/projection'
import * as queryOperators from 'mingo/operators/query'
import * as windowOperators from 'mingo/operators/window'
import { Query } from 'mingo/query'
import type { AnyObject, Options } from 'mingo/types/types'
import { update as mingoUpdate } from 'mingo/updater'
import { resolve } from 'mingo/util'
import { encode, isPlainObject } from './values'

const { $dateToString, $dayOfWeek, $dayOfYear } = expressionOperators

type ExpressionOperator = (obj: AnyObject, expr: unknown, options: Options) => unknown
type QueryOperator = (
  selector: string,
  value: unknown,
  options: Options,
) => (obj: AnyObject) => boolean

const fail = (message: string): never => {
  throw new Error(message)
}

// ----- query operators ------------------------------------------------------------------------

const LOGICAL = new Set(['$and', '$or', '$nor'])

/**
 * MongoDB's `$elemMatch`. A spec of operators only (`{$gt: 0}`) tests each element itself; any
 * other spec (`{value: {$gt: 0}}`, `{$or: [...]}`, `{}`) is a query on elements that are
 * documents, and a plain value never matches it. mingo 7.2.6 runs such a query on plain values
 * too (its path lookup answers a scalar itself for any path), so `{tags: {$elemMatch: {value:
 * {$exists: true}}}}` matched `{tags: ['Go']}`.
 */
const $elemMatch: QueryOperator = (selector, value, options) => {
  if (!isPlainObject(value)) fail('$elemMatch needs an object')
  const spec = value as AnyObject
  const keys = Object.keys(spec)
  const onValues = keys.length > 0 && keys.every((k) => k.startsWith('$') && !LOGICAL.has(k))
  const query = new Query(onValues ? { v: spec } : spec, options)
  const test = onValues
    ? (el: unknown) => query.test({ v: el })
    : (el: unknown) => (isPlainObject(el) || Array.isArray(el)) && query.test(el as AnyObject)
  return (obj) => {
    const arr = resolve(obj, selector, { unwrapArray: true })
    return Array.isArray(arr) && arr.some(test)
  }
}

// ----- expression operators -------------------------------------------------------------------

function args(obj: AnyObject, expr: unknown, options: Options, op: string, min: number, max = min) {
  if (!Array.isArray(expr) || expr.length < min || expr.length > max) {
    fail(`${op} takes ${min === max ? min : `${min} to ${max}`} arguments`)
  }
  return evalExpr(obj, expr, options) as unknown[]
}

function nonNegativeInt(v: unknown, what: string): number {
  if (v === undefined || v === null) return fail(`${what} must be a non-negative integer`)
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    fail(`${what} must be a non-negative integer, got ${String(v)}`)
  }
  return v as number
}

/** `$indexOfCP` (missing from mingo) and `$indexOfBytes`: [string, substring, start?, end?]. */
function indexOf(unit: 'CP' | 'Bytes'): ExpressionOperator {
  const op = `$indexOf${unit}`
  return (obj, expr, options) => {
    const [str, search, start, end] = args(obj, expr, options, op, 2, 4)
    if (str === undefined || str === null) return null
    if (typeof str !== 'string') return fail(`${op} needs a string as its first argument`)
    if (typeof search !== 'string') return fail(`${op} needs a string as its second argument`)
    const units: ArrayLike<unknown> = unit === 'CP' ? [...str] : Buffer.from(str, 'utf8')
    const needle: ArrayLike<unknown> = unit === 'CP' ? [...search] : Buffer.from(search, 'utf8')
    const from = start === undefined ? 0 : nonNegativeInt(start, `${op} start`)
    const to = Math.min(
      end === undefined ? units.length : nonNegativeInt(end, `${op} end`),
      units.length,
    )
    for (let i = from; i + needle.length <= to; i++) {
      let j = 0
      while (j < needle.length && units[i + j] === needle[j]) j++
      if (j === needle.length) return i
    }
    return -1
  }
}

/** What MongoDB's `$substr` takes as its string: numbers and dates become their text. */
function coerceToString(v: unknown, op: string): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  if (v instanceof Date) return v.toISOString()
  return fail(`${op} needs a string, a number or a date`)
}

/**
 * MongoDB's `$substrBytes` (and `$substr`, its old name): a negative length means the rest of
 * the string, a start past the end gives '', a range beyond the end is cut there; a start or an
 * end inside a UTF-8 character is an error. mingo refuses a negative length.
 */
function substrBytes(op: string): ExpressionOperator {
  return (obj, expr, options) => {
    const [s, index, count] = args(obj, expr, options, op, 3)
    const bytes = Buffer.from(coerceToString(s, op), 'utf8')
    if (typeof index !== 'number' || typeof count !== 'number') {
      return fail(`${op}: the starting index and the length must be numbers`)
    }
    const start = Math.trunc(index)
    if (start < 0) return fail(`${op}: the starting index must be non-negative (got ${start})`)
    const length = Math.trunc(count) < 0 ? bytes.length : Math.trunc(count)
    const continuation = (i: number): boolean => i < bytes.length && (bytes[i] & 0xc0) === 0x80
    if (continuation(start)) return fail(`${op}: the starting index is a UTF-8 continuation byte`)
    if (continuation(start + length)) {
      return fail(`${op}: the ending index is in the middle of a UTF-8 character`)
    }
    if (start >= bytes.length) return ''
    return bytes.toString('utf8', start, Math.min(bytes.length, start + length))
  }
}

/**
 * MongoDB's `$week` (strftime's %U): weeks start on Sunday, the days before the year's first
 * Sunday are week 0. mingo's is one too high on every day but Sundays.
 */
const $week: ExpressionOperator = (obj, expr, options) => {
  const dayOfYear = $dayOfYear(obj, expr, options) // 1-366
  const dayOfWeek = $dayOfWeek(obj, expr, options) // 1 (Sunday) - 7
  return Math.floor((dayOfYear - dayOfWeek + 7) / 7)
}

const literal = (v: unknown): AnyObject => ({ $literal: v })

/** mingo's `$dateToString` with its `%U` (the week, as `$week`) put right. */
const dateToString: ExpressionOperator = (obj, expr, options) => {
  const spec = isPlainObject(expr) ? (evalExpr(obj, expr, options) as unknown) : null
  if (!isPlainObject(spec) || typeof spec.format !== 'string' || !spec.format.includes('%U')) {
    return $dateToString(obj, expr, options)
  }
  if (spec.date === undefined || spec.date === null) return $dateToString(obj, expr, options)
  const week = $week(obj, { date: literal(spec.date), timezone: literal(spec.timezone) }, options)
  const padded = String(week).padStart(2, '0')
  const format = spec.format.replace(/%%|%U/g, (m) => (m === '%U' ? padded : m))
  const literals: AnyObject = {}
  for (const [k, v] of Object.entries(spec)) if (v !== undefined) literals[k] = literal(v)
  return $dateToString(obj, { ...literals, format: literal(format) }, options)
}

// ----- $jsonSchema ----------------------------------------------------------------------------

/** MongoDB's `bsonType` names, for the values the store keeps (see values.ts). */
const BSON_TYPES: Record<string, (v: unknown) => boolean> = {
  double: (v) => typeof v === 'number' && !isInt32(v),
  int: (v) => typeof v === 'number' && isInt32(v),
  long: (v) => typeof v === 'number' && Number.isInteger(v) && !isInt32(v),
  decimal: () => false,
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  bool: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  date: (v) => v instanceof Date,
  regex: (v) => v instanceof RegExp,
  // ObjectIds are carried as their 24-hex text.
  objectId: (v) => typeof v === 'string' && /^[0-9a-f]{24}$/i.test(v),
}

function isInt32(v: number): boolean {
  return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647
}

// Lenient as MongoDB is not: unknown keywords and formats are ignored, and not logged.
const ajv = new Ajv({ strict: false, allErrors: false, logger: false })
ajv.addKeyword({
  keyword: 'bsonType',
  schemaType: ['string', 'array'],
  errors: false,
  compile: (schema: string | string[]) => {
    const checks = (Array.isArray(schema) ? schema : [schema]).map((name) => {
      const check = BSON_TYPES[name]
      if (!check) throw new Error(`$jsonSchema: unknown bsonType ${name}`)
      return check
    })
    return (data: unknown) => checks.some((check) => check(data))
  },
})

const validators = new Map<string, ValidateFunction>()

/** ajv's compiled validator for a `$jsonSchema`, kept for the next request with the same one. */
function jsonSchemaValidator(schema: AnyObject): (obj: unknown) => boolean {
  const key = encode(schema)
  let validate = validators.get(key)
  if (!validate) {
    validate = ajv.compile(schema)
    // ajv keeps every schema object it compiled; this cache is the one that should hold them.
    ajv.removeSchema(schema)
    if (validators.size >= 200) validators.delete(validators.keys().next().value as string)
    validators.set(key, validate)
  }
  const v = validate
  return (obj) => v(obj) === true
}

// ----- the options and the calls ------------------------------------------------------------

/** Mingo's operators with the ones above in place of its own. */
const context = Context.init({
  accumulator: accumulatorOperators,
  expression: {
    ...expressionOperators,
    $indexOfCP: indexOf('CP'),
    $indexOfBytes: indexOf('Bytes'),
    $substr: substrBytes('$substr'),
    $substrBytes: substrBytes('$substrBytes'),
    $week,
    $dateToString: dateToString,
  },
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: { ...queryOperators, $elemMatch },
  window: windowOperators,
})

export const MINGO_OPTIONS: Partial<Options> = { context, jsonSchemaValidator }

export type { Query }

/** A compiled query (throws on an invalid one). */
export function compileQuery(criteria: AnyObject): Query {
  return new Query(criteria, MINGO_OPTIONS)
}

/** `find(docs, criteria, projection)`: a cursor over the matches. */
export function find(docs: AnyObject[], criteria: AnyObject, projection?: AnyObject) {
  return compileQuery(criteria).find(docs, projection)
}

export function aggregate(
  docs: AnyObject[],
  pipeline: AnyObject[],
  options: Partial<Options> = {},
): AnyObject[] {
  return new Aggregator(pipeline, { ...MINGO_OPTIONS, ...options }).run(docs)
}

/** Applies update operators to `doc` in place; the changed paths (none: nothing changed). */
export function update(doc: AnyObject, operators: AnyObject): string[] {
  return mingoUpdate(doc, operators, undefined, undefined, { queryOptions: MINGO_OPTIONS })
}

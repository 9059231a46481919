// The envelope every cloud function returns, and the schema helpers both ends share.
import * as v from 'valibot'

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'UNKNOWN_ACTION',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorBody {
  code: ErrorCode
  message: string
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody }

/** What the mini-program sends as `wx.cloud.callFunction({ name, data })`. */
export interface CallEvent<I = unknown> {
  action: string
  data?: I
}

/**
 * One action of a domain: its input schema and (type-only) output.
 * `defineAction<Output>()(inputSchema)` keeps the output type without a runtime value.
 */
export interface ActionSpec<I extends v.GenericSchema, O> {
  input: I
  /** Type carrier only; always undefined at run time. */
  readonly output?: O
}
export const defineAction =
  <O>() =>
  <I extends v.GenericSchema>(input: I): ActionSpec<I, O> => ({ input })

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a contract maps names to specs of any schema
export type Contract = Record<string, ActionSpec<any, unknown>>
export type InputOf<S> = S extends ActionSpec<infer I, unknown> ? v.InferInput<I> : never
export type ParsedInputOf<S> = S extends ActionSpec<infer I, unknown> ? v.InferOutput<I> : never
/**
 * One valid input per action, kept beside the contract. The safety harness
 * (test/functions/harness.test.ts) calls every action with it as every persona and mutates it
 * into hundreds of bad ones; an action without an example fails the harness.
 */
export type Examples<C extends Contract> = { [K in keyof C]: InputOf<C[K]> }
export type OutputOf<S> = S extends ActionSpec<v.GenericSchema, infer O> ? O : never

/** A page of a cursor-paged list. `cursor` is opaque; null when there is no more. */
export interface Page<T> {
  items: T[]
  cursor: string | null
}

// ---- shared schema pieces -------------------------------------------------

export const Id = v.pipe(
  v.string('编号必须是文字'),
  v.trim(),
  v.minLength(1, '编号不能为空'),
  v.maxLength(64, '编号太长'),
  v.regex(/^[A-Za-z0-9_-]+$/, '编号格式不对'),
)
export const Cursor = v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200, '游标太长'))))
export const PageSize = v.optional(
  v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100, '每页最多 100 条')),
  20,
)
export const Empty = v.optional(v.strictObject({}), {})

/** Mainland mobile number, the only contact format residents use here. */
/** An 11-digit mobile number, or a landline with its area code (0371-68925010, 037168925010). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/
export const Phone = v.pipe(
  v.string(),
  v.trim(),
  v.regex(PHONE_PATTERN, '请填写 11 位手机号，或带区号的座机号（如 0371-68925010）'),
)

/**
 * Every domain's photos are uploaded under `suggestions/<the caller's own folder>/`
 * (`Profile.uploadDir`, a pseudonym of the openid; the folder name predates the other domains and
 * is kept so stored paths stay valid); photos from anywhere else are refused.
 */
export const UPLOAD_DIR = 'suggestions'

// Errors an action may throw on purpose; the router turns them into the envelope.
import type { AppErrorBody, ErrorCode } from '../src/contract/common'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
  toBody(): AppErrorBody {
    return { code: this.code, message: this.message }
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `没有找到${what}`)
export const forbidden = (why = '您没有权限做这件事') => new AppError('FORBIDDEN', why)
export const invalid = (why: string) => new AppError('INVALID_INPUT', why)
export const conflict = (why: string) => new AppError('CONFLICT', why)

/** The database reports a unique-index violation as E11000 (CloudBase and the local cloud alike). */
export function isDuplicateKey(err: unknown): boolean {
  const text =
    err instanceof Error
      ? `${err.message} ${String((err as { errMsg?: string }).errMsg ?? '')}`
      : String(err)
  return /E11000|duplicate key/i.test(text)
}

/** The SDK throws "document with _id X does not exist" for a missing doc().get(). */
export function isNotFound(err: unknown): boolean {
  const e = err as { message?: unknown; errMsg?: unknown } | null
  const text = `${String(e?.message ?? err)} ${String(e?.errMsg ?? '')}`
  return /document with _id .* does not exist/i.test(text)
}

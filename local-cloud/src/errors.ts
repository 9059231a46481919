// Errors that travel to the SDK as `{code, message}` (HTTP 200), with the codes CloudBase uses.

export type CloudErrorCode =
  | 'INVALID_PARAM'
  | 'SYS_ERR'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'STORAGE_REQUEST_FAIL'
  | 'FUNCTIONS_EXECUTE_FAIL'
  | 'FUNCTION_NOT_FOUND'

export class CloudError extends Error {
  constructor(
    readonly code: CloudErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'CloudError'
  }
}

export const invalidParam = (message: string): CloudError =>
  new CloudError('INVALID_PARAM', message)

/** The text real CloudBase (MongoDB underneath) gives; functions match /E11000|duplicate key/. */
export function duplicateKey(collection: string, index: string, key: string): CloudError {
  return new CloudError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
  )
}

export function transactionConflict(id: string): CloudError {
  return new CloudError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[ResourceUnavailable.TransactionConflict] Transaction ${id} conflicts with a write committed after it started. Please retry.`,
  )
}

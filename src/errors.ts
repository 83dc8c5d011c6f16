/**
 * Domain errors. They carry a stable `code` and a human message, never an HTTP status:
 * `http/error-handler.ts` maps codes to statuses in one table.
 */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'ARTICLE_NOT_FOUND'
  | 'CATEGORY_NOT_FOUND'
  | 'TAG_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'PAGE_NOT_FOUND'
  | 'SLUG_TAKEN'
  | 'EMAIL_TAKEN'
  | 'VALIDATION_FAILED'
  | 'INVALID_TRANSITION'
  | 'VERSION_CONFLICT'
  | 'CONFIG_INVALID'
  | 'DATABASE_UNAVAILABLE'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'SECOND_FACTOR_REQUIRED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'TOKEN_INVALID'
  | 'SETUP_DONE'
  | 'DEMO_FAILED'
  /** The disk (or quota) is full: nothing was saved. */
  | 'STORAGE_FULL'
  /** The data folder or database file is read-only: nothing can be saved. */
  | 'STORAGE_READ_ONLY'

export class AppError extends Error {
  readonly code: ErrorCode
  readonly property: string | undefined

  constructor(
    code: ErrorCode,
    message: string,
    options: { property?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.property = options.property
  }
}

/** Shorthand for the most common domain error: invalid input, naming the field. */
export function validationError(property: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, { property })
}

/**
 * @module ghost-errors
 * Ghost's error envelope, `{errors: [{message, context, type, …}]}`, for both platform APIs.
 * Domain codes map to Ghost's error types here; anything unknown is a 500 whose message is
 * never echoed.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type ErrorCode } from '../../errors.js'
import { isDatabaseUnreachable, RETRY_AFTER_SECONDS } from '../../http/error-handler.js'

export type GhostErrorType =
  | 'BadRequestError'
  | 'ValidationError'
  | 'UnauthorizedError'
  | 'NoPermissionError'
  | 'NotFoundError'
  | 'UpdateCollisionError'
  | 'TooManyRequestsError'
  | 'RequestEntityTooLargeError'
  | 'UnsupportedMediaTypeError'
  | 'InternalServerError'
  | 'ServiceUnavailableError'

const STATUS: Record<GhostErrorType, number> = {
  BadRequestError: 400,
  ValidationError: 422,
  UnauthorizedError: 401,
  NoPermissionError: 403,
  NotFoundError: 404,
  UpdateCollisionError: 409,
  TooManyRequestsError: 429,
  RequestEntityTooLargeError: 413,
  UnsupportedMediaTypeError: 415,
  InternalServerError: 500,
  ServiceUnavailableError: 503,
}

/** A Ghost-typed error an API route throws; the API's error handler sends it. */
export class GhostError extends Error {
  readonly type: GhostErrorType
  readonly status: number
  readonly context: string | null
  readonly property: string | null

  constructor(
    type: GhostErrorType,
    message: string,
    options: { context?: string; property?: string; status?: number } = {},
  ) {
    super(message)
    this.type = type
    this.status = options.status ?? STATUS[type]
    this.context = options.context ?? null
    this.property = options.property ?? null
  }
}

/** A bad parameter: 400, as Ghost answers a filter or option it cannot read. */
export function badParameter(message: string, property?: string): GhostError {
  return new GhostError('ValidationError', message, { status: 400, property })
}

const FROM_CODE: Partial<Record<ErrorCode, GhostErrorType>> = {
  NOT_FOUND: 'NotFoundError',
  ARTICLE_NOT_FOUND: 'NotFoundError',
  CATEGORY_NOT_FOUND: 'NotFoundError',
  TAG_NOT_FOUND: 'NotFoundError',
  USER_NOT_FOUND: 'NotFoundError',
  PAGE_NOT_FOUND: 'NotFoundError',
  VALIDATION_FAILED: 'ValidationError',
  SLUG_TAKEN: 'ValidationError',
  INVALID_TRANSITION: 'ValidationError',
  VERSION_CONFLICT: 'UpdateCollisionError',
  UNAUTHENTICATED: 'UnauthorizedError',
  INVALID_CREDENTIALS: 'UnauthorizedError',
  TOKEN_INVALID: 'UnauthorizedError',
  FORBIDDEN: 'NoPermissionError',
  CSRF_FAILED: 'NoPermissionError',
  TOO_MANY_ATTEMPTS: 'TooManyRequestsError',
  DATABASE_UNAVAILABLE: 'ServiceUnavailableError',
}

/** The Ghost error for anything thrown inside an API route. */
export function toGhostError(error: unknown): GhostError {
  if (error instanceof GhostError) return error
  // The database is away (a restart, a failover): 503 with Retry-After, so clients try again.
  if (!(error instanceof AppError) && isDatabaseUnreachable(error))
    return new GhostError(
      'ServiceUnavailableError',
      'The site is briefly unavailable. Try again in a few seconds.',
    )
  if (error instanceof AppError) {
    const type = FROM_CODE[error.code]
    if (type) return new GhostError(type, error.message, { property: error.property })
    return new GhostError('InternalServerError', 'An unexpected error occurred.')
  }
  const fastifyError = error as FastifyError
  const status = fastifyError.statusCode
  if (fastifyError.validation)
    return new GhostError('ValidationError', `Validation error: ${fastifyError.message}`, {
      status: 400,
    })
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type =
      status === 413
        ? 'RequestEntityTooLargeError'
        : status === 415
          ? 'UnsupportedMediaTypeError'
          : status === 429
            ? 'TooManyRequestsError'
            : 'BadRequestError'
    return new GhostError(type, fastifyError.message, { status })
  }
  return new GhostError('InternalServerError', 'An unexpected error occurred.')
}

/** Send `error` in Ghost's envelope. */
export function sendGhostError(reply: FastifyReply, error: GhostError): FastifyReply {
  if (error.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS))
  return reply
    .status(error.status)
    .header(
      'cache-control',
      'no-cache, private, no-store, must-revalidate, max-stale=0, post-check=0, pre-check=0',
    )
    .type('application/json; charset=utf-8')
    .send({
      errors: [
        {
          message: error.message,
          context: error.context,
          type: error.type,
          details: null,
          property: error.property,
          help: null,
          code: null,
          id: randomUUID(),
          ghostErrorCode: null,
        },
      ],
    })
}

/** Under the Ghost API paths, a malformed URL or over-long parameter in Ghost's envelope. */
export function ghostFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  if (!request.url.startsWith('/ghost/api/')) return false
  const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400
  const message =
    status === 414 ? 'A parameter in the address is too long.' : 'The address is not valid.'
  void sendGhostError(reply, new GhostError('BadRequestError', message, { status }))
  return true
}

/** Answer every error and unknown path under this plugin's prefix in Ghost's envelope. */
export function useGhostErrors(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    let ghost = toGhostError(error)
    // A read with a bad parameter is a bad request; 422 is for write bodies, as in Ghost.
    if (ghost.status === 422 && (request.method === 'GET' || request.method === 'HEAD'))
      ghost = new GhostError(ghost.type, ghost.message, {
        status: 400,
        property: ghost.property ?? undefined,
      })
    if (ghost.status >= 500)
      request.log.error({ err: error, reqId: request.id }, 'API request failed')
    return sendGhostError(reply, ghost)
  })
  app.setNotFoundHandler(async (_request, reply) =>
    sendGhostError(reply, new GhostError('NotFoundError', 'Resource not found')),
  )
}

/**
 * The one place domain errors become HTTP responses. Codes map to statuses through ERROR_STATUS;
 * anything unknown is a 500 whose message is never echoed.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError, type ErrorCode } from '../errors.js'

export const ERROR_STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  ARTICLE_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  TAG_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  PAGE_NOT_FOUND: 404,
  SLUG_TAKEN: 409,
  EMAIL_TAKEN: 409,
  VALIDATION_FAILED: 400,
  INVALID_TRANSITION: 409,
  VERSION_CONFLICT: 409,
  CONFIG_INVALID: 500,
  DATABASE_UNAVAILABLE: 503,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  SECOND_FACTOR_REQUIRED: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  TOKEN_INVALID: 400,
  SETUP_DONE: 409,
  DEMO_FAILED: 500,
  STORAGE_FULL: 507,
  STORAGE_READ_ONLY: 503,
}

/** Server-side failures whose message helps the person who sent the request (nothing leaks). */
const PUBLIC_5XX = new Set<ErrorCode>(['STORAGE_FULL', 'STORAGE_READ_ONLY'])

const STORAGE_FULL_MESSAGE =
  'The server has no room left to save this, so nothing was saved. Please try again later and tell the site’s administrator.'
const READ_ONLY_MESSAGE =
  'The site cannot save changes right now (its storage is read-only), so nothing was saved. Reading goes on; please tell the site’s administrator.'

/** A full disk or quota (files) or database file (SQLite), found in an error or its causes. */
export function storageProblem(error: unknown, depth = 0): 'full' | 'read-only' | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined
  if (error instanceof AppError) {
    if (error.code === 'STORAGE_FULL') return 'full'
    if (error.code === 'STORAGE_READ_ONLY') return 'read-only'
  }
  const code = (error as { code?: unknown }).code
  // node:sqlite (Node 24) reports SQLite's result code as a number: 13 full, 8 read-only.
  const errcode = (error as { errcode?: unknown }).errcode
  if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') {
    if ((errcode & 0xff) === 13) return 'full'
    if ((errcode & 0xff) === 8) return 'read-only'
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return 'full'
  if (code === 'EROFS' || code === 'SQLITE_READONLY' || code === 'SQLITE_READONLY_DBMOVED')
    return 'read-only'
  return storageProblem((error as { cause?: unknown }).cause, depth + 1)
}

export interface ErrorBody {
  errors: { code: string; message: string; property?: string }[]
}

/** Seconds a client is asked to wait when the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5

/** Error codes that mean "the database cannot be reached right now", not "this request is wrong". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  // PostgreSQL: admin/crash shutdown, cannot connect now, too many connections.
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
])
// (node-postgres says "not queryable" of a connection that broke mid-transaction, as it rolls
// back.)
const UNREACHABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not currently accepting connections|the database system is (starting up|shutting down)|connection error and is not queryable/i

/** Whether an error (or what it wraps) says the database is out of reach. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false
  if (error instanceof AppError) return error.code === 'DATABASE_UNAVAILABLE'
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
  if (typeof e.code === 'string' && (UNREACHABLE.has(e.code) || e.code.startsWith('08')))
    return true
  if (typeof e.message === 'string' && UNREACHABLE_MESSAGE.test(e.message)) return true
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnreachable(inner, depth + 1)))
    return true
  return isDatabaseUnreachable(e.cause, depth + 1)
}

const HEADER_VALUE_ERRORS = new Set([
  'ERR_INVALID_CHAR',
  'ERR_HTTP_INVALID_HEADER_VALUE',
  'ERR_INVALID_HTTP_TOKEN',
])
const GENERIC_4XX = 'The request could not be understood. Check the address or the form.'

/** Status and public body for any thrown value. */
export function describeError(error: unknown): { status: number; body: ErrorBody } {
  if (!(error instanceof AppError) && isDatabaseUnreachable(error))
    return describeError(new AppError('DATABASE_UNAVAILABLE', 'database unreachable'))
  const storage = error instanceof AppError ? undefined : storageProblem(error)
  if (storage === 'full') return describeError(new AppError('STORAGE_FULL', STORAGE_FULL_MESSAGE))
  if (storage === 'read-only')
    return describeError(new AppError('STORAGE_READ_ONLY', READ_ONLY_MESSAGE))
  if (error instanceof AppError) {
    const status = ERROR_STATUS[error.code]
    const message =
      status >= 500 && !PUBLIC_5XX.has(error.code)
        ? 'The service is temporarily unavailable.'
        : error.message
    return {
      status,
      body: {
        errors: [
          { code: error.code, message, ...(error.property ? { property: error.property } : {}) },
        ],
      },
    }
  }
  const fastifyError = error as FastifyError
  // Node refuses a header value built from the request (`%0d%0a` in a path): the request is bad.
  if (HEADER_VALUE_ERRORS.has(fastifyError.code)) {
    return { status: 400, body: { errors: [{ code: 'BAD_REQUEST', message: GENERIC_4XX }] } }
  }
  const status = fastifyError.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (fastifyError.validation) {
      const message = fastifyError.message
      return { status, body: { errors: [{ code: 'VALIDATION_FAILED', message }] } }
    }
    // Framework messages may quote the request (a content type, a URL): never echo them.
    const code = fastifyError.code ?? 'BAD_REQUEST'
    return { status, body: { errors: [{ code, message: GENERIC_4XX }] } }
  }
  return {
    status: 500,
    body: { errors: [{ code: 'INTERNAL', message: 'Something went wrong on our side.' }] },
  }
}

/** A renderer for HTML error pages; the site registers one. JSON is the fallback. */
export type ErrorPageRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: string,
) => Promise<unknown>

export function registerErrorHandler(app: FastifyInstance, renderPage?: ErrorPageRenderer): void {
  app.setErrorHandler(async (error, request, reply) => {
    const { status, body } = describeError(error)
    if (status >= 500) request.log.error({ err: error, reqId: request.id }, 'request failed')
    reply.status(status)
    // Fail fast and say when to come back, so clients and the load balancer retry, not hang.
    if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS))
    const wantsHtml =
      !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html')
    if (wantsHtml && renderPage)
      return renderPage(request, reply, status, body.errors[0]?.message ?? '')
    return reply.type('application/json; charset=utf-8').send(body)
  })
}

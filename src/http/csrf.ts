/**
 * CSRF protection for state-changing requests (synchronizer token + origin check).
 *
 * The token is derived from a secret only the browser's HttpOnly cookies hold: the session
 * token when signed in, otherwise a random pre-session `bs_csrf` cookie (so the login, setup
 * and reset forms are covered too). Another site can neither read those cookies nor compute
 * the token. On top, a request whose Origin (or, failing that, Referer) names another host is
 * refused outright.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { newToken, safeEqual } from '../auth/index.js'
import { AppError } from '../errors.js'
import { cookieName, isHttps, sessionToken } from './session.js'

export const CSRF_COOKIE = 'bs_csrf'
export const CSRF_FIELD = '_csrf'
export const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The token to embed in forms for this request (sets the pre-session cookie when needed). */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const session = sessionToken(request)
  if (session && request.user) return derive(session)
  const name = cookieName(request, CSRF_COOKIE, 'path')
  let secret = request.cookies[name]
  if (!secret) {
    secret = newToken()
    // Later forms in the same response cycle must see the same secret.
    request.cookies[name] = secret
    reply.setCookie(name, secret, {
      httpOnly: true,
      sameSite: 'lax',
      secure: isHttps(request),
      path: '/admin',
    })
  }
  return derive(secret)
}

/** Refuse state-changing requests in this scope without a valid token or from another origin. */
export function registerCsrfProtection(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method)) return
    assertSameOrigin(request)
    const sent = submittedToken(request)
    const secrets = [
      request.user ? sessionToken(request) : '',
      request.cookies[cookieName(request, CSRF_COOKIE, 'path')] ?? '',
    ]
    const ok = sent !== '' && secrets.some((secret) => secret && safeEqual(sent, derive(secret)))
    if (!ok)
      throw new AppError(
        'CSRF_FAILED',
        'This form has expired or did not come from this site. Go back, reload and try again.',
      )
  })
}

function derive(secret: string): string {
  return createHash('sha256').update(`broadsheet-csrf:${secret}`).digest('base64url')
}

function submittedToken(request: FastifyRequest): string {
  const header = request.headers[CSRF_HEADER]
  if (typeof header === 'string' && header) return header
  const body = request.body
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const value = (body as Record<string, unknown>)[CSRF_FIELD]
    if (typeof value === 'string') return value
  }
  return ''
}

function assertSameOrigin(request: FastifyRequest): void {
  const expected = `${request.protocol}://${request.host}`
  const origin = request.headers.origin
  const referer = request.headers.referer
  let claimed: string | undefined
  if (origin && origin !== 'null') claimed = origin
  else if (referer) {
    try {
      claimed = new URL(referer).origin
    } catch {
      claimed = 'invalid'
    }
  } else if (origin === 'null') claimed = 'null'
  if (claimed !== undefined && claimed !== expected)
    throw new AppError('CSRF_FAILED', 'This request came from another site and was refused.')
}

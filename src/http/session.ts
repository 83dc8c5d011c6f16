/**
 * Session plumbing for the newsroom: the `bs_session` cookie and `request.user`.
 * The cookie is HttpOnly and SameSite=Lax, and Secure whenever the request came over HTTPS
 * (behind a proxy only when TRUST_PROXY lets Fastify believe `X-Forwarded-Proto`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Session, SessionDeps, User } from '../auth/index.js'
import { validateSession } from '../auth/index.js'

export const SESSION_COOKIE = 'bs_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in newsroom user, or null. Set by `registerSessions`. */
    user: User | null
    /** The session behind `user`, or null. */
    session: Session | null
  }
}

/** Decorate requests in this scope with `user` and `session`, read from the session cookie. */
export function registerSessions(app: FastifyInstance, deps: SessionDeps): void {
  app.decorateRequest('user', null)
  app.decorateRequest('session', null)
  app.addHook('onRequest', async (request) => {
    const token = sessionToken(request)
    if (!token) return
    const found = await validateSession(deps, token)
    if (!found) return
    request.user = found.user
    request.session = found.session
  })
}

/** The raw token from the cookie ('' when absent). */
export function sessionToken(request: FastifyRequest): string {
  return request.cookies[SESSION_COOKIE] ?? ''
}

export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https'
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
    expires: expiresAt,
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
  })
}

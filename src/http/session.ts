/**
 * Session plumbing for the newsroom: the session cookie and `request.user`.
 * The cookie is HttpOnly and SameSite=Lax, and Secure whenever PUBLIC_URL is https or the
 * request came over HTTPS (behind a proxy only when TRUST_PROXY lets Fastify believe
 * `X-Forwarded-Proto`). Over https it is named `__Host-bs_session`: browsers then refuse it
 * unless it is Secure, Path=/ and host-only, so a sibling subdomain or a plain-http page
 * cannot plant a session (fixation). Over plain http (local set-ups) it is `bs_session`.
 * The cache bypass rules (`SESSION_COOKIE_PATTERN`, nginx's map in `deploy/`) match both.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Session, SessionDeps, User } from '../auth/index.js'
import { validateSession } from '../auth/index.js'

export const SESSION_COOKIE = 'bs_session'
/** Matches a Cookie header that carries a session cookie, under either name. */
export const SESSION_COOKIE_PATTERN = /(?:^|;)\s*(?:__Host-)?bs_session=/

/**
 * A cookie's name for this request: over https, `__Host-` for cookies on Path=/ and
 * `__Secure-` for narrower ones, so the browser enforces Secure (and host-only) itself.
 */
export function cookieName(
  request: FastifyRequest,
  name: string,
  scope: 'host' | 'path' = 'host',
): string {
  if (!isHttps(request)) return name
  return `${scope === 'host' ? '__Host-' : '__Secure-'}${name}`
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in newsroom user, or null. Set by `registerSessions`. */
    user: User | null
    /** The session behind `user`, or null. */
    session: Session | null
    /** The site is served over https (PUBLIC_URL): its cookies are always Secure. */
    httpsSite: boolean
  }
}

/** Decorate requests in this scope with `user` and `session`, read from the session cookie. */
export function registerSessions(
  app: FastifyInstance,
  deps: SessionDeps,
  options: { publicUrl?: string } = {},
): void {
  const httpsSite = options.publicUrl?.startsWith('https:') ?? false
  app.decorateRequest('user', null)
  app.decorateRequest('session', null)
  app.decorateRequest('httpsSite', false)
  app.addHook('onRequest', async (request) => {
    request.httpsSite = httpsSite
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
  return request.cookies[cookieName(request, SESSION_COOKIE)] ?? ''
}

/** Cookies set on this request must be Secure: the site is https, whatever the proxy says. */
export function isHttps(request: FastifyRequest): boolean {
  return request.httpsSite || request.protocol === 'https'
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(cookieName(request, SESSION_COOKIE), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
    expires: expiresAt,
  })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(cookieName(request, SESSION_COOKIE), {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(request),
    path: '/',
  })
}

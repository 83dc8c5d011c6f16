/** What every newsroom route module shares: the services, config, the actor and rendering. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { h, type VNode } from 'preact'
import { render } from 'preact-render-to-string'
import { userActor, type Actor, type User } from '../auth/index.js'
import type { RateLimits } from '../comments/index.js'
import type { Config } from '../config.js'
import { AppError } from '../errors.js'
import { csrfToken } from '../http/csrf.js'
import type { Services } from '../services.js'
import { ChromeContext, type Chrome } from './views/chrome.js'

export { requirePermission } from '../auth/index.js'

export interface AdminOptions {
  services: Services
  config: Config
  /** Rate-limit counters keyed with `secret`: shared through Redis, or this process's memory. */
  limiterFor?: ((secret: string) => RateLimits) | undefined
}

export interface AdminContext {
  /** What use cases and read models take. Routes pass it on and never look inside. */
  deps: Services
  config: Config
  limiterFor?: ((secret: string) => RateLimits) | undefined
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The site's name and formats for newsroom pages (set by the admin scope's hook). */
    adminChrome?: Chrome
  }
}

/** Send a rendered page; newsroom pages are never stored by any cache. */
export function sendPage(reply: FastifyReply, page: VNode<any>, status = 200): FastifyReply {
  const chrome = reply.request.adminChrome
  const tree = chrome ? h(ChromeContext.Provider, { value: chrome }, page) : page
  return reply
    .code(status)
    .header('cache-control', 'private, no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>\n${render(tree)}`)
}

/** A redirect after a successful POST (303: the browser follows with GET). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).send()
}

/** The signed-in user, or UNAUTHENTICATED (GETs are redirected to the sign-in page). */
export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.')
  return request.user
}

/** The signed-in user as the actor of a use case. */
export function actorOf(request: FastifyRequest): Actor {
  return userActor(requireUser(request))
}

/** The token for this request's forms. */
export function formToken(request: FastifyRequest, reply: FastifyReply): string {
  return csrfToken(request, reply)
}

/** A string field of a url-encoded form body ('' when absent). */
export function field(request: FastifyRequest, name: string): string {
  const body = request.body
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return ''
  const value = (body as Record<string, unknown>)[name]
  return typeof value === 'string' ? value : ''
}

export function clientInfo(request: FastifyRequest): { ip: string; userAgent: string } {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' }
}

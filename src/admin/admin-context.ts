/** What every newsroom route module shares: services' deps, config, mailer and rendering. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { VNode } from 'preact'
import { render } from 'preact-render-to-string'
import { can, type Action, type ArticleSubject, type User } from '../auth/index.js'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database } from '../db/database.js'
import { AppError } from '../errors.js'
import type { EventSink } from '../events.js'
import { csrfToken } from '../http/csrf.js'
import type { Mailer } from '../mail/index.js'
import type { MediaStorage } from '../media/index.js'

export interface AdminOptions {
  db: Kysely<Database>
  clock: Clock
  config: Config
  mailer: Mailer
  /** Where uploaded media goes (disk under DATA_DIR/media by default). */
  storage: MediaStorage
  events?: EventSink | undefined
}

export interface AdminContext {
  deps: { db: Kysely<Database>; clock: Clock; events?: EventSink | undefined }
  config: Config
  mailer: Mailer
}

/** Send a rendered page; newsroom pages are never stored by any cache. */
export function sendPage(reply: FastifyReply, page: VNode<any>, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'private, no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>\n${render(page)}`)
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

const REFUSALS: Record<Action, string> = {
  'article.write': 'You cannot edit this article.',
  'article.submit': 'You cannot submit this article for review.',
  'article.publish': 'Your role cannot publish, schedule, unpublish or archive this article.',
  'media.upload': 'Your role cannot upload media; pick an existing image instead.',
  'comments.moderate': 'You can only moderate comments on your own articles.',
  'taxonomy.manage': 'Only editors and administrators manage sections, tags and menus.',
  'readers.manage': 'Only editors and administrators work with reader data.',
  'users.manage': 'Only administrators manage users.',
  'settings.manage': 'Only administrators change site settings.',
  'adSlots.manage': 'Only administrators manage ad slots.',
  'outbox.view': 'Only administrators can read the outbox.',
  'audit.view': 'Only administrators can read the audit log.',
}

/** Throw FORBIDDEN (a 403 page naming the rule) unless `can` allows it. */
export function requirePermission(user: User, action: Action, subject?: ArticleSubject): void {
  if (!can(user, action, subject)) throw new AppError('FORBIDDEN', REFUSALS[action])
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

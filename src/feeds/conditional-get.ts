/**
 * @module conditional-get
 * Send a generated document with a strong ETag and Last-Modified, answering 304 Not Modified
 * when the client's copy is current (RFC 9110 §13: If-None-Match wins over If-Modified-Since).
 */
import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

const CACHE_CONTROL = 'public, max-age=300'

/** Reply with `body`, or 304 when the request's validators match it. */
export function sendWithValidators(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  options: { contentType: string; lastModified?: Date | null },
): FastifyReply {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL)
  if (options.lastModified) reply.header('last-modified', options.lastModified.toUTCString())
  if (isNotModified(request.headers, etag, options.lastModified ?? null)) {
    return reply.code(304).send()
  }
  return reply.type(options.contentType).send(body)
}

/** True when the request's If-None-Match or If-Modified-Since says its copy is current. */
export function isNotModified(
  headers: { 'if-none-match'?: string; 'if-modified-since'?: string },
  etag: string,
  lastModified: Date | null,
): boolean {
  const ifNoneMatch = headers['if-none-match']
  if (ifNoneMatch !== undefined) {
    // Weak comparison, as RFC 9110 §13.1.2 asks for If-None-Match.
    const bare = etag.replace(/^W\//, '')
    return ifNoneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === bare)
  }
  const ifModifiedSince = headers['if-modified-since']
  if (ifModifiedSince === undefined || lastModified === null) return false
  const since = Date.parse(ifModifiedSince)
  if (Number.isNaN(since)) return false
  // HTTP dates have whole seconds.
  return Math.floor(lastModified.getTime() / 1000) * 1000 <= since
}

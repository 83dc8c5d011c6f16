/**
 * @module fast-path
 * Fresh cache hits answered straight from `node:http`, before Fastify parses or routes the
 * request: the same bytes and headers the plugin's hooks send, at a fraction of the cost.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyBaseLogger } from 'fastify'
import { cacheAnswer } from './cache-answer.js'
import { bypasses } from './cache-policy.js'
import type { PageCache } from './page-cache.js'

/** Answers a plain anonymous hit and returns true; returns false (touching nothing) otherwise. */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean

/** Levels at which Fastify logs every request; the fast path logs its answers then too. */
const LOGS_REQUESTS = new Set(['info', 'debug', 'trace'])

export function fastPathFor(cache: PageCache, log: FastifyBaseLogger): FastPath {
  return (request, response) => {
    const method = request.method ?? 'GET'
    const url = request.url ?? '/'
    if (bypasses(method, url, request.headers.cookie)) return false
    const found = cache.lookup(url)
    if (!found || found.stale) return false
    const { entry } = found
    const result = cacheAnswer(request.headers, entry, 'HIT')
    const status = result.notModified ? 304 : entry.status
    const headers: Record<string, string | number> = { ...entry.headers, ...result.headers }
    if (!result.notModified) headers['content-length'] = result.body?.length ?? 0
    response.writeHead(status, headers)
    if (method === 'HEAD' || result.body === null) response.end()
    else response.end(result.body)
    if (LOGS_REQUESTS.has(log.level))
      log.info(
        { req: { method, url }, res: { statusCode: status }, cache: 'HIT' },
        'request completed',
      )
    return true
  }
}

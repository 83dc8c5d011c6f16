/**
 * @module fast-path
 * Fresh cache hits answered straight from `node:http`, before Fastify parses or routes the
 * request: the same bytes and headers the plugin's hooks send, at the cost of a bare `node:http`
 * server. Each hit's status line and headers are prebuilt per entry and encoding
 * (`PreparedHits`); `Date`, `Connection` and `Keep-Alive` come from `node:http` itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyBaseLogger } from 'fastify'
import { PreparedHits } from './cache-answer.js'
import { bypasses } from './cache-policy.js'
import type { PageCache } from './page-cache.js'

/** Answers a plain anonymous hit and returns true; returns false (touching nothing) otherwise. */
export type FastPath = (request: IncomingMessage, response: ServerResponse) => boolean

const LOGS_HITS = new Set(['debug', 'trace'])

/**
 * Hits are logged at `debug`, not `info`: a log line per hit costs a third to a half of the
 * server's throughput. Routed requests (misses, the newsroom, the API) are logged as usual.
 */
export function fastPathFor(
  cache: PageCache,
  log: FastifyBaseLogger,
  options: { tagHeaders?: boolean } = {},
): FastPath {
  const hits = new PreparedHits(options.tagHeaders)
  return (request, response) => {
    const method = request.method ?? 'GET'
    const url = request.url ?? '/'
    if (bypasses(method, url, request.headers.cookie)) return false
    const found = cache.lookup(url)
    if (!found || found.stale) return false
    const answer = hits.answer(request.headers, found.entry)
    response.writeHead(answer.status, answer.headers as string[])
    if (method === 'HEAD' || answer.body === null) response.end()
    else response.end(answer.body)
    if (LOGS_HITS.has(log.level))
      log.debug(
        { req: { method, url }, res: { statusCode: answer.status }, cache: 'HIT' },
        'request completed',
      )
    return true
  }
}

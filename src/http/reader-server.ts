/**
 * The HTTP server Fastify listens on. A fresh page-cache hit is answered by the cache's fast
 * path straight from `node:http` (no routing, hooks or reply objects: the same bytes and headers
 * as through Fastify); everything else goes to Fastify's handler.
 */
import http from 'node:http'
import type { FastifyServerFactory } from 'fastify'
import type { FastPath } from '../cache/fast-path.js'

/** Fastify's defaults for what it would set on a server it made itself. */
const KEEP_ALIVE_TIMEOUT_MS = 72_000

export function readerServerFactory(fastPath: () => FastPath | null): FastifyServerFactory {
  return (handler, fastifyOptions) => {
    const options = fastifyOptions as {
      keepAliveTimeout?: number
      requestTimeout?: number
      connectionTimeout?: number
    }
    const server = http.createServer((request, response) => {
      const fast = fastPath()
      if (fast) {
        try {
          if (fast(request, response)) return
        } catch {
          // Half-written answer: drop the connection; untouched: let Fastify answer.
          if (response.headersSent) return void response.destroy()
        }
      }
      handler(request, response)
    })
    server.keepAliveTimeout = options.keepAliveTimeout ?? KEEP_ALIVE_TIMEOUT_MS
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout
    server.setTimeout(options.connectionTimeout ?? 0)
    return server
  }
}

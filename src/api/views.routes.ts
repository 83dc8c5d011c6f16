import type { FastifyPluginAsync } from 'fastify'
import { isBot, ViewGate, type ViewBuffer, type ViewVerdict } from '../analytics/index.js'
import type { Clock } from '../clock.js'
import { MAX_ID } from '../http/form-schema.js'

export interface ViewRoutesOptions {
  views: ViewBuffer
  clock: Clock
  /** Who has been counted today; a fresh one per app when omitted (Redis-backed in a cluster). */
  gate?: Pick<ViewGate, 'check'> | { check: (input: ViewInput) => Promise<ViewVerdict> }
}

type ViewInput = Parameters<ViewGate['check']>[0]

/**
 * `POST /api/views/:id`: the reader page's beacon. Article pages stay fully cacheable because
 * counting happens here, in a separate request that carries no cookie and stores no IP. A reader
 * counts once per story and day, and a client sending bursts is answered 429 (`view-gate.ts`).
 */
export const viewRoutes: FastifyPluginAsync<ViewRoutesOptions> = async (app, options) => {
  const { views, clock } = options
  const gate = options.gate ?? new ViewGate()
  app.post<{ Params: { id: number } }>(
    '/api/views/:id',
    {
      schema: {
        params: {
          type: 'object',
          properties: { id: { type: 'integer', minimum: 1, maximum: MAX_ID } },
          required: ['id'],
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      const userAgent = request.headers['user-agent']
      if (isBot(userAgent)) return reply.status(204).send()
      const at = clock.now().getTime()
      const articleId = request.params.id
      const verdict = await gate.check({
        articleId,
        ip: request.ip,
        userAgent: userAgent ?? '',
        at,
      })
      if (verdict === 'too-many') return reply.header('retry-after', '60').status(429).send()
      if (verdict === 'count') views.add(articleId, at)
      return reply.status(204).send()
    },
  )
}

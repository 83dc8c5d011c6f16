import type { FastifyPluginAsync } from 'fastify'
import { isBot, type ViewBuffer } from '../analytics/index.js'
import type { Clock } from '../clock.js'
import { MAX_ID } from '../http/form-schema.js'

export interface ViewRoutesOptions {
  views: ViewBuffer
  clock: Clock
}

/**
 * `POST /api/views/:id`: the reader page's beacon. Article pages stay fully cacheable because
 * counting happens here, in a separate request that carries no cookie and stores no IP.
 */
export const viewRoutes: FastifyPluginAsync<ViewRoutesOptions> = async (app, { views, clock }) => {
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
      if (!isBot(request.headers['user-agent'])) views.add(request.params.id, clock.now().getTime())
      return reply.header('cache-control', 'no-store').status(204).send()
    },
  )
}

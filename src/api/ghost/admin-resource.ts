/**
 * @module admin-resource
 * What every Admin API resource's routes share: the services, the site's serializing context
 * and the integration a request acts as (set by the token check on the Admin API's prefix).
 */
import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../auth/index.js'
import type { Services } from '../../services.js'
import type { SerializeContext } from './ghost-serializers.js'

export interface AdminResourceOptions {
  services: Services
  /** Where the site lives and its time zone, for URLs and dates. */
  context: () => Promise<SerializeContext>
  /** The integration the request acts as; a 401 UnauthorizedError without one. */
  actorOf: (request: FastifyRequest) => Actor
}

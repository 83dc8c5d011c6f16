/**
 * Build the Fastify application from its dependencies. Never listens: `main.ts` does, and tests
 * call `app.inject()`.
 */
import path from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { pageCache } from './cache/page-cache.plugin.js'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import type { Database } from './db/database.js'
import { EventBus } from './events.js'
import { feedRoutes } from './feeds/index.js'
import { registerErrorHandler } from './http/error-handler.js'
import { createSite } from './site/site.js'

export interface AppDeps {
  db: Kysely<Database>
  clock: Clock
  config: Config
  /** Domain events: services emit on it, the page cache purges from it. Made here if omitted. */
  events?: EventBus
}

export async function buildApp(appDeps: AppDeps): Promise<FastifyInstance> {
  const deps = { ...appDeps, events: appDeps.events ?? new EventBus() }
  const app = Fastify({
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: false },
    bodyLimit: 1_048_576,
    requestTimeout: 30_000,
  })
  const site = await createSite(deps)
  registerErrorHandler(app, site.renderError)
  app.setNotFoundHandler(site.notFound)
  await app.register(fastifyCookie)
  await app.register(fastifyFormbody)
  // Before every route: its hooks answer cached pages before they render.
  await app.register(pageCache, { config: deps.config, events: deps.events })
  await app.register(fastifyStatic, {
    root: path.join(deps.config.dataDir, 'media'),
    prefix: '/media/',
    decorateReply: false,
    maxAge: '30d',
    immutable: false,
  })
  await app.register(site.routes)
  await app.register(feedRoutes, { db: deps.db, clock: deps.clock, config: deps.config })
  return app
}

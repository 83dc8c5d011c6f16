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
import { adminRoutes } from './admin/admin.routes.js'
import type { PurgeChannelFactory } from './cache/cache-purger.js'
import type { FastPath } from './cache/fast-path.js'
import { pageCache } from './cache/page-cache.plugin.js'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import type { Database } from './db/database.js'
import { EventBus } from './events.js'
import { feedRoutes } from './feeds/index.js'
import { registerErrorHandler } from './http/error-handler.js'
import { readerServerFactory } from './http/reader-server.js'
import { createOutboxMailer, createSmtpMailer, type Mailer } from './mail/index.js'
import { diskStorage } from './media/index.js'
import { createSite } from './site/site.js'
import { ViewBuffer } from './analytics/index.js'
import { viewRoutes } from './api/views.routes.js'
import { createSearchIndex, searchIndexListener, type SearchIndex } from './search/index.js'

export interface AppDeps {
  db: Kysely<Database>
  clock: Clock
  config: Config
  /** Domain events: services emit on it, the page cache purges from it. Made here if omitted. */
  events?: EventBus
  /** Outgoing mail; by default SMTP when SMTP_URL is set, else `.eml` files in DATA_DIR/outbox. */
  mailer?: Mailer
  /** Carries page-cache purges between processes (see `main.ts`); none by default. */
  purgeChannel?: PurgeChannelFactory
}

const VIEW_FLUSH_MS = 10_000

export async function buildApp(appDeps: AppDeps): Promise<FastifyInstance> {
  const events = appDeps.events ?? new EventBus()
  const search: SearchIndex = createSearchIndex(appDeps.db, appDeps.config.database.dialect)
  const mailer = appDeps.mailer ?? createMailer(appDeps.config, appDeps.clock)
  const deps = { ...appDeps, events, search, mailer }
  events.on(searchIndexListener({ db: deps.db, clock: deps.clock, index: search }))
  // Filled in once the page cache is registered; until then every request goes to Fastify.
  let fastPath: FastPath | null = null
  const app = Fastify({
    serverFactory: readerServerFactory(() => fastPath),
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
  await app.register(pageCache, {
    config: deps.config,
    events: deps.events,
    purgeChannel: deps.purgeChannel,
    onPurge: () => site.chrome?.clear(),
  })
  fastPath = app.pageCacheFastPath
  await app.register(fastifyStatic, {
    root: path.join(deps.config.dataDir, 'media'),
    prefix: '/media/',
    decorateReply: false,
    maxAge: '30d',
    immutable: false,
  })
  await app.register(site.routes)
  await app.register(feedRoutes, { db: deps.db, clock: deps.clock, config: deps.config })
  await app.register(adminRoutes, {
    prefix: '/admin',
    db: deps.db,
    clock: deps.clock,
    config: deps.config,
    events: deps.events,
    mailer,
    storage: diskStorage(path.join(deps.config.dataDir, 'media')),
  })
  await registerViewCounting(app, deps)
  return app
}

/** The reading beacon, with views flushed to the database every few seconds and on close. */
async function registerViewCounting(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock },
): Promise<void> {
  const views = new ViewBuffer()
  const flush = () =>
    views
      .flush(deps.db)
      .catch((error: unknown) => app.log.error({ err: error }, 'saving page views failed'))
  const timer = setInterval(() => void flush(), VIEW_FLUSH_MS)
  timer.unref()
  app.addHook('onClose', async () => {
    clearInterval(timer)
    await flush()
  })
  await app.register(viewRoutes, { views, clock: deps.clock })
}

function createMailer(config: Config, clock: Clock): Mailer {
  if (config.smtpUrl) return createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
  return createOutboxMailer({
    dir: path.join(config.dataDir, 'outbox'),
    from: config.mailFrom,
    clock,
  })
}

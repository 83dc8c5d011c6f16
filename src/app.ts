/**
 * Build the Fastify application from its dependencies. Never listens: `main.ts` does, and tests
 * call `app.inject()`.
 */
import path from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { adminRoutes } from './admin/admin.routes.js'
import { ViewBuffer } from './analytics/index.js'
import { platformApis } from './api/ghost/openapi.js'
import { PostJsonMemo } from './api/ghost/post-json-memo.js'
import { ghostFrameworkError } from './api/ghost/ghost-errors.js'
import { webhookOutbox } from './api/ghost/webhook-payloads.js'
import { viewRoutes } from './api/views.routes.js'
import type { PurgeChannelFactory } from './cache/cache-purger.js'
import type { FastPath } from './cache/fast-path.js'
import { pageCache } from './cache/page-cache.plugin.js'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import type { Dialect } from './db/database.js'
import type { EventBus } from './events.js'
import { feedRoutes } from './feeds/index.js'
import { databaseReadiness } from './db/health.js'
import { runAsReader } from './db/read-scope.js'
import { registerErrorHandler } from './http/error-handler.js'
import { registerSecurityHeaders } from './http/security-headers.js'
import { bucketMediaRoutes } from './http/bucket-media.routes.js'
import { healthRoutes, redisReadiness } from './http/health.routes.js'
import { warnAboutUntrustedProxy } from './http/proxy-warning.js'
import { readerServerFactory } from './http/reader-server.js'
import { RedisLink } from './http/redis-link.js'
import { SharedRateLimiter, sharedRateLimitStore } from './http/shared-rate-limiter.js'
import { SharedViewGate } from './http/shared-view-gate.js'
import { siteSecret } from './settings/index.js'
import { SESSION_COOKIE } from './http/session.js'
import type { Kernel } from './kernel.js'
import type { Mailer } from './mail/index.js'
import { createServices, type Services } from './services.js'
import { createSite } from './site/site.js'
import { CHROME_TTL_MS } from './site/site-kit.js'

/** The app over ready-made services, or over a database from which they are made. */
export type AppDeps = (
  | { services: Services }
  | {
      db: Kernel['db']
      clock: Clock
      /** The database engine; by default the configured one. */
      dialect?: Dialect
      /** Domain events: services emit on it, the page cache purges from it. Made if omitted. */
      events?: EventBus
      /** Outgoing mail; by default SMTP when SMTP_URL is set, else `.eml` files in DATA_DIR/outbox. */
      mailer?: Mailer
    }
) & {
  config: Config
  /** Carries page-cache purges between processes (see `startup.ts`); none by default. */
  purgeChannel?: PurgeChannelFactory
  /** With `DATABASE_READ_URL` (see `db/dialects/read-replica.ts`): told of every purge. */
  readReplica?: { fence(): void } | undefined
}

const VIEW_FLUSH_MS = 10_000

export async function buildApp(appDeps: AppDeps): Promise<FastifyInstance> {
  const { config } = appDeps
  const services =
    'services' in appDeps
      ? appDeps.services
      : createServices({
          db: appDeps.db,
          dialect: appDeps.dialect ?? config.database.dialect,
          clock: appDeps.clock,
          config,
          events: appDeps.events,
          mailer: appDeps.mailer,
        })
  const deps = { ...services, config }
  // Shared state between nodes (rate limits) through Redis, when configured; made once the
  // app's logger exists (below), and used by routes only at request time.
  let redisLink: RedisLink | undefined
  const limiterFor = config.redisUrl
    ? (secret: string) => new SharedRateLimiter(redisLink!, secret)
    : undefined
  // Filled in once the page cache is registered; until then every request goes to Fastify.
  let fastPath: FastPath | null = null
  const app = Fastify({
    serverFactory: readerServerFactory(() => fastPath),
    logger: deps.config.logLevel === 'silent' ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: false },
    bodyLimit: 1_048_576,
    requestTimeout: 30_000,
    // A malformed URL (`/author/%ff/`) gets the site's own 400 page, not Fastify's JSON.
    // Under the Ghost API paths, Ghost's JSON envelope instead.
    frameworkErrors: (error, request, reply) => {
      if (!ghostFrameworkError(error, request, reply)) site.frameworkError(error, request, reply)
    },
  })
  if (config.redisUrl) {
    const link = new RedisLink(config.redisUrl, app.log)
    redisLink = link
    app.addHook('onClose', () => link.close())
  }
  const site = await createSite({ ...deps, limiterFor })
  registerErrorHandler(app, site.renderError)
  if (!deps.config.trustProxy) warnAboutUntrustedProxy(app)
  app.setNotFoundHandler(site.notFound)
  await app.register(fastifyCookie)
  await app.register(fastifyFormbody)
  // Before the page cache: a miss's headers (its CSP included) are stored with the page.
  registerSecurityHeaders(app, deps.config)
  const { readReplica } = appDeps
  if (readReplica) markReaderRequests(app)
  // Content API posts as JSON, kept where the chrome is (where every write is heard).
  const postJson =
    site.chrome && config.apiPostMemo > 0
      ? new PostJsonMemo(services.clock, CHROME_TTL_MS, config.apiPostMemo)
      : undefined
  // Before every route: its hooks answer cached pages before they render.
  await app.register(pageCache, {
    config: deps.config,
    events: deps.events,
    purgeChannel: appDeps.purgeChannel,
    onPurge: (tags) => {
      site.chrome?.clear()
      postJson?.purge(tags)
      readReplica?.fence()
    },
  })
  fastPath = app.pageCacheFastPath
  if (config.media.store === 's3') await app.register(bucketMediaRoutes, { services, config })
  else
    await app.register(fastifyStatic, {
      root: path.join(deps.config.dataDir, 'media'),
      prefix: '/media/',
      decorateReply: false,
      maxAge: '30d',
      immutable: false,
    })
  await registerHealth(app, services, config)
  await app.register(site.routes)
  await app.register(feedRoutes, { services, config })
  await app.register(adminRoutes, { prefix: '/admin', services, config, limiterFor })
  const chrome = site.chrome
  await app.register(platformApis, {
    services,
    config,
    rateLimitStore: redisLink && sharedRateLimitStore(redisLink),
    remember: chrome ? (key, load) => chrome.get(`api:${key}`, load) : undefined,
    postJson,
  })
  // Webhooks follow every write this process makes (newsroom, APIs, the scheduler's jobs).
  const stopWebhooks = services.events.onCommitting(
    webhookOutbox(services, config.publicUrl, (error, event) =>
      app.log.error({ err: error, event: event.type }, 'building a webhook payload failed'),
    ),
  )
  app.addHook('onClose', async () => stopWebhooks())
  await registerViewCounting(app, services, redisLink)
  return app
}

/**
 * An anonymous reader's GET (no session cookie, no API credentials, not the newsroom) may read
 * from the replica; everything else reads the primary, so a newsroom session sees its writes.
 */
const NEWSROOM_PATH = /^\/(admin|ghost\/api\/(v\d\/)?admin)(\/|$|\?)/

function markReaderRequests(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const anonymous =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.headers.cookie?.includes(`${SESSION_COOKIE}=`) &&
      request.headers.authorization === undefined &&
      !NEWSROOM_PATH.test(request.url)
    if (anonymous) runAsReader(done)
    else done()
  })
}

/**
 * `/healthz` and `/readyz`: the database always (unreachable: not ready), Redis when `REDIS_URL`
 * is set (unreachable: degraded but ready, as every node falls back to its own memory).
 */
async function registerHealth(app: FastifyInstance, services: Services, config: Config) {
  const redis = config.redisUrl ? redisReadiness(config.redisUrl) : undefined
  if (redis) app.addHook('onClose', () => redis.close())
  await app.register(healthRoutes, {
    checks: [databaseReadiness(services.db)],
    degradedBy: redis ? [redis] : [],
  })
}

/** The reading beacon, with views flushed to the database every few seconds and on close. */
async function registerViewCounting(
  app: FastifyInstance,
  deps: Services,
  redisLink: RedisLink | undefined,
): Promise<void> {
  const views = new ViewBuffer()
  const flush = () =>
    views
      .flush(deps)
      .catch((error: unknown) => app.log.error({ err: error }, 'saving page views failed'))
  const timer = setInterval(() => void flush(), VIEW_FLUSH_MS)
  timer.unref()
  app.addHook('onClose', async () => {
    clearInterval(timer)
    await flush()
  })
  // In a cluster the gate lives in Redis, keyed with the site secret every node shares.
  const gate = redisLink ? new SharedViewGate(redisLink, await siteSecret(deps)) : undefined
  await app.register(viewRoutes, { views, clock: deps.clock, ...(gate && { gate }) })
}

/**
 * Start-up, shared by `npm start` (`main.ts`) and the `broadsheet` commands: read `.env`, open
 * and migrate the database (filling an empty one with the demo newsroom), start the server and
 * the job runner, and stop them gracefully.
 */
import cluster from 'node:cluster'
import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app.js'
import type { PurgeChannelFactory } from './cache/cache-purger.js'
import { ClusterPurgeChannel } from './cache/cluster-purge-channel.js'
import { RedisPurgeChannel } from './cache/redis-purge-channel.js'
import { systemClock, type Clock } from './clock.js'
import type { Config } from './config.js'
import { connectDatabase, type DatabaseHandle } from './db/connect.js'
import { migrateToLatest, pendingMigrations } from './db/migrate.js'
import { fillDemo, isDemoNeeded } from './demo/index.js'
import { AppError } from './errors.js'
import { EventBus } from './events.js'
import { PublishTimer, startJobs, type JobRunner } from './jobs/index.js'
import { createServices, type Services } from './services.js'

/** Read `.env` from the working directory when present (environment variables win). */
export function loadEnvFile(file = '.env'): void {
  if (fs.existsSync(file)) process.loadEnvFile(file)
}

/** Apply pending migrations; returns the names applied. */
export async function applyMigrations(handle: DatabaseHandle): Promise<string[]> {
  return (await migrateToLatest(handle.db)).applied
}

/** The names of the migrations not applied yet. */
export function migrationsPending(handle: DatabaseHandle): Promise<string[]> {
  return pendingMigrations(handle.db)
}

/** The services over an open database, for commands that work without a server. */
export function servicesFor(handle: DatabaseHandle, config: Config, clock: Clock = systemClock) {
  return createServices({ db: handle.db, dialect: handle.dialect, clock, config })
}

/** Open the database, migrate it and, when empty and allowed, fill it with the demo newsroom. */
export async function prepareDatabase(
  config: Config,
  clock: Clock,
  log: (line: string) => void,
): Promise<DatabaseHandle> {
  const handle = await connectDatabase(config.database, config.dataDir)
  try {
    const { applied } = await migrateToLatest(handle.db)
    if (applied.length > 0) log(`applied ${applied.length} migration(s): ${applied.join(', ')}`)
    if (config.demoContent && (await isDemoNeeded(servicesFor(handle, config, clock)))) {
      const { articles } = await fillDemo(servicesFor(handle, config, clock))
      log(`filled the empty database with demo content (${articles} articles)`)
    }
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

/** Start Broadsheet and keep it running until a signal asks it to stop. */
export async function startServer(config: Config, clock: Clock = systemClock): Promise<void> {
  const handle = await prepareDatabase(config, clock, (line) => console.log(`broadsheet: ${line}`))
  // One bus for the process: services announce writes, the page cache purges what they touched.
  const events = new EventBus((error, event) =>
    console.error(`broadsheet: ${event.type} listener failed:`, error),
  )
  const services: Services = createServices({
    db: handle.db,
    dialect: handle.dialect,
    clock,
    config,
    events,
  })
  const app = await buildApp({
    services,
    config,
    purgeChannel: purgeChannelFor(config),
    readReplica: handle.readReplica,
  })
  const jobs = startJobs(services, (error, context) =>
    app.log.error({ err: error }, `${context} failed`),
  )
  // Someone is watching a queued import's page: start it now, not at the next poll.
  events.on((event) => {
    if (event.type === 'job.queued') void jobs.tick()
  })
  // Overdue scheduled stories go out at start (the server may have been down at their minute).
  await jobs.tick()
  jobs.start()
  // Stories scheduled from now on go out within a second of their time (see publish-timer.ts).
  const publisher = new PublishTimer(services, {
    onError: (error, context) => app.log.error({ err: error }, `${context} failed`),
    onPublished: (ids) => app.log.info({ articles: ids }, 'published scheduled stories'),
  })
  publisher.start()

  let closing = false
  const close = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'draining: no new connections, finishing requests in flight')
    const force = setTimeout(() => {
      app.log.error(`requests still in flight after ${DRAIN_MS / 1000} s: exiting anyway`)
      process.exit(1)
    }, DRAIN_MS)
    force.unref()
    void drain(app, [jobs, publisher], handle).then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutting down failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => close('SIGINT'))
  process.once('SIGTERM', () => close('SIGTERM'))
  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (error) {
    await handle.close()
    const code = (error as { code?: string }).code
    if (code === 'EADDRINUSE')
      throw new AppError('CONFIG_INVALID', `port ${config.port} is already in use (set PORT)`)
    throw error
  }
  console.log(
    `broadsheet: serving ${config.publicUrl} (listening on ${config.host}:${config.port})`,
  )
}

/** The longest a stopping server waits for requests in flight. */
const DRAIN_MS = 10_000

/**
 * Stop gracefully: the listener closes and requests in flight finish (new requests on open
 * connections get 503, so a load balancer retries elsewhere) while the job runner finishes the
 * job in hand and hands back the rest of its claims; then the pools close.
 */
async function drain(
  app: FastifyInstance,
  [jobs, publisher]: [JobRunner, PublishTimer],
  handle: DatabaseHandle,
) {
  const [released] = await Promise.all([jobs.stop(), publisher.stop(), app.close()])
  if (released > 0) app.log.info({ released }, 'handed back claimed jobs')
  await handle.close()
}

/**
 * How page-cache purges travel between processes: Redis between machines (`REDIS_URL`), the
 * cluster primary between `--workers`, or not at all for one process.
 */
function purgeChannelFor(config: Config): PurgeChannelFactory | undefined {
  const { redisUrl } = config
  if (redisUrl) return (log) => new RedisPurgeChannel({ url: redisUrl, log })
  if (cluster.isWorker) return () => new ClusterPurgeChannel()
  return undefined
}

/** Print one line for a failure and exit non-zero: no stack traces for expected problems. */
export function exitWithError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`broadsheet: ${error instanceof AppError ? '' : 'unexpected error: '}${message}`)
  process.exit(1)
}

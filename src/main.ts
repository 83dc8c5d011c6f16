/**
 * Process entry: config → database → migrations (→ demo content) → app → listen, with a
 * graceful close on SIGINT/SIGTERM. `node dist/main.js` runs it; so does `broadsheet serve`.
 */
import cluster from 'node:cluster'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildApp } from './app.js'
import type { PurgeChannelFactory } from './cache/cache-purger.js'
import { ClusterPurgeChannel } from './cache/cluster-purge-channel.js'
import { RedisPurgeChannel } from './cache/redis-purge-channel.js'
import { systemClock, type Clock } from './clock.js'
import { parseConfig, type Config } from './config.js'
import { publishDueArticles } from './content/index.js'
import { connectDatabase, type DatabaseHandle } from './db/connect.js'
import { migrateToLatest } from './db/migrate.js'
import { isDatabaseEmpty, seedDemo } from './db/seed/seed-demo.js'
import { AppError } from './errors.js'
import { JobRunner } from './jobs/job-runner.js'
import { EventBus } from './events.js'
import { createSearchIndex, reindexAll } from './search/index.js'
import { newsletterJobs } from './jobs/newsletter-jobs.js'

/** Read `.env` from the working directory when present (environment variables win). */
export function loadEnvFile(file = '.env'): void {
  if (fs.existsSync(file)) process.loadEnvFile(file)
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
    if (config.demoContent && (await isDatabaseEmpty(handle.db))) {
      const { articles } = await seedDemo({
        db: handle.db,
        clock,
        mediaDir: path.join(config.dataDir, 'media'),
      })
      await reindexAll({
        db: handle.db,
        clock,
        index: createSearchIndex(handle.db, handle.dialect),
      })
      log(`filled the empty database with demo content (${articles} articles)`)
    }
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

const SCHEDULER_INTERVAL_MS = 15_000

/** Start Broadsheet and keep it running until a signal asks it to stop. */
export async function startServer(config: Config, clock: Clock = systemClock): Promise<void> {
  const handle = await prepareDatabase(config, clock, (line) => console.log(`broadsheet: ${line}`))
  // One bus for the process: services announce writes, the page cache purges what they touched.
  const events = new EventBus((error, event) =>
    console.error(`broadsheet: ${event.type} listener failed:`, error),
  )
  const app = await buildApp({
    db: handle.db,
    clock,
    config,
    events,
    purgeChannel: purgeChannelFor(config),
  })
  const deps = { db: handle.db, clock, events }
  const newsletter = await newsletterJobs({ db: handle.db, clock, dialect: handle.dialect, config })
  const jobs = new JobRunner({
    deps: { db: handle.db, clock, dialect: handle.dialect },
    handlers: { ...newsletter.handlers },
    periodic: [
      newsletter.enqueueDueDigest,
      () =>
        publishDueArticles(deps).then(
          (ids) => ids.length > 0 && app.log.info({ ids }, 'published scheduled articles'),
        ),
    ],
    intervalMs: SCHEDULER_INTERVAL_MS,
    onError: (error, context) => app.log.error({ err: error }, `${context} failed`),
  })
  // Overdue scheduled stories go out at start (the server may have been down at their minute).
  await jobs.tick()
  jobs.start()

  let closing = false
  const close = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    void jobs
      .stop()
      .then(() => app.close())
      .then(() => handle.close())
      .then(() => process.exit(0))
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

/**
 * How this process's page-cache purges reach the others: Redis reaches every node (and every
 * worker on it); without it, the workers of one `serve --workers N` reach each other through the
 * cluster primary; a lone process needs nothing.
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    loadEnvFile()
    await startServer(parseConfig(process.env))
  } catch (error) {
    exitWithError(error)
  }
}

/** A real app on a fresh SQLite database filled with the demo newsroom, for the feed tests. */
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { EventBus } from '../../../src/events.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'
import { fillDemoSite } from '../../support/kernel.js'

export const PUBLIC_URL = 'https://news.example'
/** The demo is seeded relative to this moment. */
export const SEEDED_AT = new Date('2026-11-27T12:00:00Z')

export interface FeedTestApp {
  app: FastifyInstance
  clock: ReturnType<typeof fixedClock>
  database: TestDatabase
  /** The app's event bus: pass it to services so their writes purge the page cache. */
  events: EventBus
  close(): Promise<void>
}

export async function startFeedTestApp(): Promise<FeedTestApp> {
  const database = await createTestDatabase('sqlite')
  const clock = fixedClock(SEEDED_AT)
  await fillDemoSite({ db: database.db, dialect: 'sqlite', clock, dataDir: database.dataDir })
  const config = parseConfig({
    DATA_DIR: database.dataDir,
    PUBLIC_URL,
    LOG_LEVEL: 'silent',
    DEMO_CONTENT: 'false',
    // As behind a CDN: the feed tests read the tags it purges by.
    CDN_TAG_HEADERS: 'true',
  })
  const events = new EventBus()
  const app = await buildApp({ db: database.db, clock, config, events })
  await app.ready()
  return {
    app,
    clock,
    database,
    events,
    close: async () => {
      await app.close()
      await database.destroy()
    },
  }
}

/**
 * A reader-site app over a fresh database (SQLite unless asked) filled with the demo newsroom,
 * for HTTP and browser tests. Build it once per file (`beforeAll`) and close it after (`afterAll`).
 */
import * as cheerio from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { fixedClock } from '../../src/clock.js'
import { parseConfig } from '../../src/config.js'
import type { Dialect } from '../../src/db/database.js'
import { fillDemoSite } from './kernel.js'
import { createTestDatabase, type TestDatabase } from './test-database.js'

/** Tuesday 17 November 2026, 09:30 in London: the demo newsroom's "now" in tests. */
export const SITE_NOW = new Date('2026-11-17T09:30:00Z')

export interface SeededSite {
  app: FastifyInstance
  db: TestDatabase['db']
  clock: ReturnType<typeof fixedClock>
  dataDir: string
  close(): Promise<void>
}

export async function buildSeededSite(
  options: {
    now?: Date
    themeDir?: string
    publicUrl?: string
    smtpUrl?: string
    dialect?: Dialect
  } = {},
): Promise<SeededSite> {
  const dialect = options.dialect ?? 'sqlite'
  const database = await createTestDatabase(dialect)
  const clock = fixedClock(options.now ?? SITE_NOW)
  await fillDemoSite({ db: database.db, dialect, clock, dataDir: database.dataDir })
  const config = parseConfig({
    DATA_DIR: database.dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DEMO_CONTENT: 'false',
    PUBLIC_URL: options.publicUrl ?? 'https://gazette.test',
    THEME_DIR: options.themeDir,
    SMTP_URL: options.smtpUrl,
  })
  const app = await buildApp({ db: database.db, dialect, clock, config })
  await app.ready()
  return {
    app,
    db: database.db,
    clock,
    dataDir: database.dataDir,
    close: async () => {
      await app.close()
      await database.destroy()
    },
  }
}

/** GET a page as a browser would ask for it and parse it. */
export async function getPage(app: FastifyInstance, url: string) {
  const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
  return { response, $: cheerio.load(response.body) }
}

/** POST a urlencoded form as a browser would. */
export async function postForm(app: FastifyInstance, url: string, fields: Record<string, string>) {
  const response = await app.inject({
    method: 'POST',
    url,
    headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  })
  return { response, $: cheerio.load(response.body) }
}

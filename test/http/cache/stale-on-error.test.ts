import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { fillDemoSite } from '../../support/kernel.js'
import { TEST_DATABASE_URL } from '../../support/services.js'
import { SITE_NOW } from '../../support/site-app.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'

async function admin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

const HTML = { accept: 'text/html', 'accept-encoding': 'identity' }

/** PostgreSQL goes away under a running site: cached pages stay up, the rest fails fast. */
describe.runIf(inject('postgresAvailable'))('the page cache when the database is down', () => {
  let t: TestDatabase
  let name: string
  let app: Awaited<ReturnType<typeof buildApp>>
  beforeAll(async () => {
    t = await createTestDatabase('postgres')
    const clock = fixedClock(SITE_NOW)
    await fillDemoSite({ db: t.db, dialect: 'postgres', clock, dataDir: t.dataDir })
    const config = parseConfig({ DATA_DIR: t.dataDir, LOG_LEVEL: 'silent', DEMO_CONTENT: 'false' })
    app = await buildApp({ db: t.db, clock, dialect: 'postgres', config })
    await app.ready()
    const row = await sql<{ name: string }>`select current_database() as name`.execute(t.db)
    name = row.rows[0]!.name
  }, 60_000)
  afterAll(async () => {
    await admin(`alter database ${name} allow_connections true`)
    await app.close()
    await t.destroy()
  })

  it('serves purged pages stale, answers the rest 503 fast, and recovers by itself', async () => {
    const first = await app.inject({ url: '/', headers: HTML })
    expect([first.statusCode, first.headers.location]).toEqual([200, undefined])
    const headline = /<h1[^>]*>/.exec(first.body)?.[0]
    app.purgeCacheTags(['settings'])
    // The grace for purged pages passes; only the error fallback is left.
    await new Promise((resolve) => setTimeout(resolve, 50))

    await admin(`alter database ${name} allow_connections false`)
    await admin(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
    )

    const stale = await app.inject({ url: '/', headers: HTML })
    expect(stale.statusCode).toBe(200)
    expect(stale.headers.warning).toBe('110 - "Response is Stale"')
    expect(Number(stale.headers.age)).toBeGreaterThanOrEqual(0)
    expect(stale.headers['cache-control']).toMatch(/max-age=0/)
    expect(stale.headers['retry-after']).toBeUndefined()
    expect(/<h1[^>]*>/.exec(stale.body)?.[0]).toBe(headline)

    const started = Date.now()
    const uncached = await app.inject({ url: '/search/?q=harbour', headers: HTML })
    expect(uncached.statusCode).toBe(503)
    expect(uncached.headers['retry-after']).toBe('5')
    expect(uncached.body).toContain('Back in a moment')
    expect(Date.now() - started).toBeLessThan(3_000)
    // The Content API says the same in Ghost's envelope (it said 500).
    const api = await app.inject({
      url: '/ghost/api/content/posts/?key=0123456789abcdef0123456789',
    })
    expect(api.statusCode).toBe(503)
    expect(api.headers['retry-after']).toBe('5')
    expect(api.json<{ errors: { type: string }[] }>().errors[0]!.type).toBe(
      'ServiceUnavailableError',
    )

    await admin(`alter database ${name} allow_connections true`)
    await expect
      .poll(
        async () => {
          const again = await app.inject({ url: '/', headers: HTML })
          return [again.statusCode, again.headers.warning]
        },
        { timeout: 5_000, interval: 200 },
      )
      .toEqual([200, undefined])
    expect((await app.inject({ url: '/search/?q=harbour', headers: HTML })).statusCode).toBe(200)
  })
})

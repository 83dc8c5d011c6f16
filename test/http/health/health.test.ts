import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { knownMigrations } from '../../../src/db/migrate.js'
import { freePort } from '../../support/run-cli.js'
import { REDIS_URL } from '../../support/services.js'
import { buildSeededSite, type SeededSite } from '../../support/site-app.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'

describe('GET /healthz and /readyz', () => {
  let site: SeededSite
  beforeAll(async () => {
    site = await buildSeededSite()
  })
  afterAll(() => site.close())

  it('answers liveness with 200 and no-store', async () => {
    const response = await site.app.inject('/healthz')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it('answers readiness with 200 when the database answers and is migrated', async () => {
    const response = await site.app.inject('/readyz')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it.runIf(inject('redisAvailable'))('checks Redis when REDIS_URL is set', async () => {
    const config = parseConfig({
      DATA_DIR: site.dataDir,
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      REDIS_URL,
    })
    const app = await buildApp({ db: site.db, clock: site.clock, config })
    try {
      const response = await app.inject('/readyz')
      expect(response.json()).toEqual({ status: 'ok' })
    } finally {
      await app.close()
    }
  })

  it('is never answered from the page cache', async () => {
    await site.app.inject('/readyz')
    const again = await site.app.inject('/readyz')
    expect(again.headers['x-cache']).toBeUndefined()
    expect(site.app.pageCache?.lookup('/readyz')).toBeUndefined()
  })
})

describe('GET /readyz when something is missing', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase('sqlite')
  })
  afterAll(() => database.destroy())

  async function appWith(env: Record<string, string>) {
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      ...env,
    })
    const app = await buildApp({ db: database.db, clock: fixedClock(new Date()), config })
    await app.ready()
    return app
  }

  it('answers 503 naming a migration the database lacks (this build is newer)', async () => {
    let app = await appWith({})
    try {
      expect((await app.inject('/readyz')).statusCode).toBe(200)
      const latest = knownMigrations().at(-1)!
      await sql`delete from kysely_migration where name = ${latest}`.execute(database.db)
      // A fresh probe (a restarted node) sees the gap.
      await app.close()
      app = await appWith({})
      const response = await app.inject('/readyz')
      expect(response.statusCode).toBe(503)
      const body = response.json<{ problems: string[] }>()
      expect(body.problems).toEqual([`migrations pending: ${latest}`])
      // Liveness does not depend on the database.
      expect((await app.inject('/healthz')).statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })

  it('answers 200 "degraded" naming Redis when REDIS_URL points at nothing, within the probe timeout', async () => {
    const port = await freePort()
    // A migrated database of its own (the test above took a migration away from the shared one).
    const own = await createTestDatabase('sqlite')
    const config = parseConfig({
      DATA_DIR: own.dataDir,
      LOG_LEVEL: 'silent',
      DEMO_CONTENT: 'false',
      REDIS_URL: `redis://127.0.0.1:${port}`,
      PAGE_CACHE: 'false',
    })
    const app = await buildApp({ db: own.db, clock: fixedClock(new Date()), config })
    try {
      const started = Date.now()
      const response = await app.inject('/readyz')
      // Every node would be as degraded: none is taken out of the balancer for it.
      expect(response.statusCode).toBe(200)
      expect(response.json<{ status: string }>().status).toBe('degraded')
      expect(response.json<{ problems: string[] }>().problems.join(' ')).toMatch(/redis/)
      expect(Date.now() - started).toBeLessThan(2_500)
    } finally {
      await app.close()
      await own.destroy()
    }
  })
})

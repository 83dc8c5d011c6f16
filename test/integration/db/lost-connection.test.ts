/**
 * PostgreSQL ending a connection (a restart, a failover, pg_terminate_backend) while a request
 * holds it between two queries: the process stays up, the query fails, and the pool goes on.
 */
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { postgresPool } from '../../../src/db/dialects/postgres.js'
import { TEST_DATABASE_URL } from '../../support/services.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'

describe.runIf(inject('postgresAvailable'))('a lost PostgreSQL connection', () => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase('postgres', { migrate: false })
  })
  afterAll(async () => {
    await t.destroy()
  })

  it('fails the held client without crashing, and the pool serves the next query', async () => {
    const pool = postgresPool(t.url, { max: 2 })
    const uncaught: unknown[] = []
    const record = (error: unknown): void => void uncaught.push(error)
    process.on('uncaughtException', record)
    try {
      const held = await pool.connect()
      const { rows } = await held.query<{ pid: number }>('select pg_backend_pid() as pid')
      // Without a listener, pg throws its 'error' out of the socket handler and never ends.
      const ended = new Promise((resolve) => {
        held.once('end', resolve)
        setTimeout(resolve, 5_000).unref()
      })

      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await admin.connect()
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid])
      await admin.end()
      await ended

      await expect(held.query('select 1')).rejects.toThrow()
      held.release()
      const again = await pool.query<{ one: number }>('select 1 as one')
      expect(again.rows[0]!.one).toBe(1)
      expect(uncaught).toEqual([])
    } finally {
      process.off('uncaughtException', record)
      await pool.end()
    }
  })

  it('keeps Kysely usable after its idle connections are terminated', async () => {
    await sql`select 1`.execute(t.db)
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await admin.connect()
    const name = new URL(t.url).pathname.slice(1)
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
      name,
    ])
    await admin.end()
    await expect
      .poll(async () => (await sql<{ one: number }>`select 1 as one`.execute(t.db)).rows[0]!.one, {
        timeout: 5_000,
      })
      .toBe(1)
  })
})

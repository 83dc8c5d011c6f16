/**
 * Fresh, migrated databases for integration tests: a new SQLite file in a temp folder, or a
 * new PostgreSQL database created on the test server and dropped afterwards.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Kysely, LogConfig } from 'kysely'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from 'vitest'
import type { Database, Dialect } from '../../src/db/database.js'
import { openPostgres } from '../../src/db/dialects/postgres.js'
import { openSqlite } from '../../src/db/dialects/sqlite.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { TEST_DATABASE_URL } from './services.js'

const REQUESTED = (process.env.DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim()) as Dialect[]

/** The dialects this run covers: the requested ones, minus PostgreSQL when it is unreachable. */
export const DIALECTS: Dialect[] = REQUESTED.filter(
  (d) => d === 'sqlite' || (d === 'postgres' && inject('postgresAvailable')),
)

export interface TestDatabase {
  db: Kysely<Database>
  dialect: Dialect
  dataDir: string
  /** Its DATABASE_URL, for a server or command started in another process. */
  url: string
  destroy(): Promise<void>
}

export async function createTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean; log?: LogConfig } = {},
): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-test-'))
  let db: Kysely<Database>
  let url = `sqlite:${path.join(dataDir, 'test.db')}`
  let dropDatabase = async () => {}
  if (dialect === 'sqlite') {
    db = openSqlite(path.join(dataDir, 'test.db'), { log: options.log })
  } else {
    const name = `broadsheet_test_${randomBytes(6).toString('hex')}`
    await adminQuery(`create database ${name}`)
    const address = new URL(TEST_DATABASE_URL)
    address.pathname = `/${name}`
    url = address.toString()
    db = openPostgres(url, { max: 4, log: options.log })
    dropDatabase = () => adminQuery(`drop database if exists ${name} with (force)`)
  }
  if (options.migrate !== false) await migrateToLatest(db)
  return {
    db,
    dialect,
    dataDir,
    url,
    destroy: async () => {
      await db.destroy()
      await dropDatabase()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/**
 * One `describe` per dialect this run covers, titled `<dialect>: <title>`.
 * @example describeDialects('reader lists', (dialect) => { const t = useTestDatabase(dialect) … })
 */
export function describeDialects(title: string, body: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) describe(`${dialect}: ${title}`, () => body(dialect))
}

/**
 * A fresh, migrated database for each test (`per: 'suite'`: one for the enclosing describe),
 * destroyed after it. Call it inside a describe; the handle it returns always points to the
 * current test's database, so use it inside tests and hooks.
 */
export function useTestDatabase(
  dialect: Dialect,
  options: { migrate?: boolean; log?: LogConfig; per?: 'test' | 'suite' } = {},
): TestDatabase {
  let current: TestDatabase | undefined
  const live = (): TestDatabase => {
    if (!current) throw new Error('the test database exists inside tests and hooks only')
    return current
  }
  const [before, after] = options.per === 'suite' ? [beforeAll, afterAll] : [beforeEach, afterEach]
  before(async () => {
    current = await createTestDatabase(dialect, options)
  })
  after(async () => {
    await current?.destroy()
    current = undefined
  })
  return {
    get db() {
      return live().db
    },
    dialect,
    get dataDir() {
      return live().dataDir
    },
    get url() {
      return live().url
    },
    destroy: () => live().destroy(),
  }
}

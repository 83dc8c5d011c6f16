import fs from 'node:fs'
import { sql, type Kysely } from 'kysely'
import type { DatabaseConfig } from '../config.js'
import { AppError } from '../errors.js'
import type { Database, Dialect } from './database.js'
import { openPostgres } from './dialects/postgres.js'
import { openSqlite } from './dialects/sqlite.js'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: Dialect
  close(): Promise<void>
}

/**
 * Open the configured database and prove it answers. Failures become one
 * AppError('DATABASE_UNAVAILABLE') whose message names the problem.
 */
export async function connectDatabase(
  config: DatabaseConfig,
  dataDir?: string,
): Promise<DatabaseHandle> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true })
  const db = config.dialect === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url)
  try {
    await sql`select 1`.execute(db)
  } catch (error) {
    await db.destroy().catch(() => {})
    throw new AppError('DATABASE_UNAVAILABLE', `cannot reach the database: ${describe(error)}`, {
      cause: error,
    })
  }
  return { db, dialect: config.dialect, close: () => db.destroy() }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0])
  const e = error as { code?: string; message?: string }
  if (e.code === 'ECONNREFUSED') return `connection refused (${e.message ?? ''})`.trim()
  return e.message ?? String(error)
}

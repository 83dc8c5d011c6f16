import fs from 'node:fs'
import { sql, type Kysely } from 'kysely'
import type { DatabaseConfig } from '../config.js'
import { AppError } from '../errors.js'
import type { Database, Dialect } from './database.js'
import { openPostgres } from './dialects/postgres.js'
import { openPostgresWithReplica, type ReadReplicaLog } from './dialects/read-replica.js'
import { openSqlite } from './dialects/sqlite.js'

export interface DatabaseHandle {
  db: Kysely<Database>
  dialect: Dialect
  /** With `DATABASE_READ_URL`: told of every page-cache purge (see `read-replica.ts`). */
  readReplica?: { fence(): void }
  close(): Promise<void>
}

const consoleLog = {
  warn: (line: string) => console.warn(`broadsheet: ${line}`),
  info: (line: string) => console.log(`broadsheet: ${line}`),
}

/**
 * Open the configured database and prove it answers. Failures become one
 * AppError('DATABASE_UNAVAILABLE') whose message names the problem.
 */
export async function connectDatabase(
  config: DatabaseConfig,
  dataDir?: string,
  log: ReadReplicaLog = consoleLog,
  replicaOptions: { retryReplicaMs?: number } = {},
): Promise<DatabaseHandle> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true })
  const replicated =
    config.dialect === 'postgres' && config.readUrl
      ? openPostgresWithReplica(config.url, config.readUrl, log, replicaOptions)
      : undefined
  const db =
    replicated?.db ??
    (config.dialect === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url))
  try {
    await sql`select 1`.execute(db)
  } catch (error) {
    await db.destroy().catch(() => {})
    throw new AppError('DATABASE_UNAVAILABLE', `cannot reach the database: ${describe(error)}`, {
      cause: error,
    })
  }
  const readReplica = replicated && { fence: () => replicated.router.fence() }
  return {
    db,
    dialect: config.dialect,
    ...(readReplica && { readReplica }),
    close: () => db.destroy(),
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0])
  const e = error as { code?: string; message?: string }
  if (e.code === 'ECONNREFUSED') return `connection refused (${e.message ?? ''})`.trim()
  return e.message ?? String(error)
}

import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type LogConfig } from 'kysely'
import { AppError } from '../../errors.js'
import type { Database } from '../database.js'

/**
 * Open (creating if needed) a SQLite database file with the pragmas Broadsheet relies on:
 * WAL so readers never wait for the writer and a second process can share the file,
 * foreign keys on, and a busy timeout instead of immediate SQLITE_BUSY.
 */
export function openSqlite(file: string, options: { log?: LogConfig } = {}): Kysely<Database> {
  const dir = path.dirname(file)
  if (!fs.existsSync(dir)) {
    throw new AppError('DATABASE_UNAVAILABLE', `database directory ${dir} does not exist`)
  }
  let sqlite: SQLite.Database
  try {
    sqlite = new SQLite(file)
    sqlite.pragma('busy_timeout = 5000')
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    // Reading the schema forces SQLite to read the header: a corrupt file fails here.
    sqlite.prepare('select count(*) from sqlite_master').get()
  } catch (error) {
    throw new AppError(
      'DATABASE_UNAVAILABLE',
      `cannot open SQLite database ${file}: ${describe(error)}`,
      {
        cause: error,
      },
    )
  }
  cacheStatements(sqlite)
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: options.log,
  })
}

const MAX_STATEMENTS = 500

/**
 * Kysely prepares every query afresh; compiling the SQL is most of a simple query's cost. Keep
 * prepared statements by SQL text on this connection. Safe because queries run synchronously
 * (Kysely's streaming, which would hold a statement open, is not used), and SQLite re-prepares
 * a cached statement by itself after a schema change.
 */
function cacheStatements(sqlite: SQLite.Database): void {
  const prepare = sqlite.prepare.bind(sqlite)
  const statements = new Map<string, SQLite.Statement>()
  sqlite.prepare = ((source: string) => {
    let statement = statements.get(source)
    if (!statement) {
      statement = prepare(source)
      if (statements.size >= MAX_STATEMENTS) statements.clear()
      statements.set(source, statement)
    }
    return statement
  }) as typeof sqlite.prepare
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return 'the file is not a valid SQLite database'
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN')
    return `${(error as Error).message} (check file permissions)`
  return error instanceof Error ? error.message : String(error)
}

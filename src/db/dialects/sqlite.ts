import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import {
  Kysely,
  SqliteDialect,
  type LogConfig,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely'
import { AppError } from '../../errors.js'
import type { Database } from '../database.js'

/**
 * Open (creating if needed) a SQLite database file with the pragmas Broadsheet relies on:
 * WAL so readers never wait for the writer and a second process can share the file,
 * foreign keys on, and a busy timeout instead of immediate SQLITE_BUSY.
 *
 * The engine is better-sqlite3 on Node 20 and Node's built-in `node:sqlite` from Node 24 on:
 * better-sqlite3 12 aborts the process on Node 24 when the garbage collector finalizes a
 * statement (`RemoveEnvironmentCleanupHook: (env) != nullptr`), and its fixed line (13) does
 * not run on Node 20. Both speak the same SQL to the same file format.
 */
export function openSqlite(file: string, options: { log?: LogConfig } = {}): Kysely<Database> {
  const dir = path.dirname(file)
  if (!fs.existsSync(dir)) {
    throw new AppError('DATABASE_UNAVAILABLE', `database directory ${dir} does not exist`)
  }
  let database: SqliteDatabase
  try {
    database = builtinSqlite() ? openBuiltin(file) : openBetterSqlite(file)
  } catch (error) {
    throw new AppError(
      'DATABASE_UNAVAILABLE',
      `cannot open SQLite database ${file}: ${describe(error)}`,
      {
        cause: error,
      },
    )
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    log: options.log,
  })
}

const PRAGMAS = [
  'busy_timeout = 5000',
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
]
// Reading the schema forces SQLite to read the header: a corrupt file fails here.
const PROBE = 'select count(*) from sqlite_master'

function openBetterSqlite(file: string): SqliteDatabase {
  const sqlite = new SQLite(file)
  for (const pragma of PRAGMAS) sqlite.pragma(pragma)
  sqlite.prepare(PROBE).get()
  return sqlite
}

/** The parts of `node:sqlite` we use (its types are not in @types/node 20). */
interface BuiltinStatement {
  all(...params: unknown[]): unknown[]
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint }
  iterate(...params: unknown[]): IterableIterator<unknown>
  columns(): unknown[]
}
interface BuiltinDatabase {
  exec(sql: string): void
  prepare(sql: string): BuiltinStatement
  close(): void
}
type BuiltinModule = { DatabaseSync: new (file: string) => BuiltinDatabase }

function builtinSqlite(): BuiltinModule | undefined {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 24) return undefined
  return process.getBuiltinModule('node:sqlite') as BuiltinModule | undefined
}

/** `node:sqlite` behind the interface Kysely's SQLite driver expects (better-sqlite3's). */
function openBuiltin(file: string): SqliteDatabase {
  const { DatabaseSync } = builtinSqlite()!
  const db = new DatabaseSync(file)
  for (const pragma of PRAGMAS) db.exec(`pragma ${pragma}`)
  db.prepare(PROBE).all()
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const statement = db.prepare(sql)
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...parameters),
        run: (parameters) => statement.run(...parameters),
        iterate: (parameters) => statement.iterate(...parameters),
      }
    },
  }
}

const MAX_STATEMENTS = 500

/**
 * Kysely prepares every query afresh; compiling the SQL is most of a simple query's cost. Keep
 * prepared statements by SQL text on this connection. Safe because queries run synchronously
 * (Kysely's streaming, which would hold a statement open, is not used), and SQLite re-prepares
 * a cached statement by itself after a schema change.
 */
function withStatementCache(database: SqliteDatabase): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    close: () => {
      statements.clear()
      database.close()
    },
    prepare(sql: string) {
      let statement = statements.get(sql)
      if (!statement) {
        statement = database.prepare(sql)
        if (statements.size >= MAX_STATEMENTS) statements.clear()
        statements.set(sql, statement)
      }
      return statement
    },
  }
}

/** SQLite result codes, as better-sqlite3 names them and as node:sqlite numbers them. */
const NOT_A_DATABASE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 26, 11])
const NO_ACCESS = new Set(['SQLITE_READONLY', 'SQLITE_CANTOPEN', 8, 14])

function describe(error: unknown): string {
  const e = error as { code?: string; errcode?: number }
  const code = e.errcode !== undefined ? e.errcode & 0xff : e.code
  if (NOT_A_DATABASE.has(code ?? '')) return 'the file is not a valid SQLite database'
  if (NO_ACCESS.has(code ?? '')) return `${(error as Error).message} (check file permissions)`
  return error instanceof Error ? error.message : String(error)
}

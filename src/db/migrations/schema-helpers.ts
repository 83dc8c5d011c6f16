/**
 * Helpers shared by migrations so one set of migrations runs on SQLite and PostgreSQL.
 * Migrations never import app types: these helpers only know Kysely.
 */
import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely'

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** Auto-incrementing integer primary key in either dialect. */
export function withId<T extends string>(
  db: Kysely<any>,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return isPostgres(db)
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
}

/** Timestamps are epoch milliseconds: bigint in PostgreSQL (parsed to number), integer in SQLite. */
export const TIME = 'bigint' as const

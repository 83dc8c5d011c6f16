import { Kysely, PostgresDialect, type LogConfig } from 'kysely'
import pg from 'pg'
import type { Database } from '../database.js'

const INT8 = 20
const NUMERIC = 1700

/**
 * A Kysely instance over a pg pool. Our timestamps are epoch milliseconds in bigint columns:
 * they fit in a JS number, so int8 (and aggregate numerics) are parsed to numbers.
 */
export function openPostgres(
  url: string,
  options: { max?: number; log?: LogConfig } = {},
): Kysely<Database> {
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: postgresPool(url, options) }),
    log: options.log,
  })
}

/** A pg pool that parses our bigint timestamps to numbers. */
export function postgresPool(
  url: string,
  options: { max?: number; applicationName?: string; connectTimeoutMs?: number } = {},
): pg.Pool {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value)
      return pg.types.getTypeParser(oid, format) as (value: string) => unknown
    },
  } as typeof pg.types
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
  })
  // A client losing its connection must not crash the process, idle (the pool's 'error') or
  // checked out between queries (the client's own 'error': pg emits it with no listener then).
  // Its queries fail, and the pool drops it when it comes back unqueryable.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  return pool
}

import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { JobRow } from './job.table.js'

/**
 * SQLite has one writer at a time, so a single UPDATE … RETURNING claims atomically even when
 * several processes share the file.
 */
export async function claimJobsSqlite(
  db: Kysely<Database>,
  worker: string,
  now: number,
  lockMs: number,
  limit: number,
): Promise<JobRow[]> {
  const result = await sql<JobRow>`
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${worker},
      locked_until = ${now + lockMs}, updated_at = ${now}
    where id in (select id from jobs where status = 'pending' and run_at <= ${now} order by run_at, id limit ${limit})
    returning *`.execute(db)
  return result.rows
}

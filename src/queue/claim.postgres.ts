import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { JobRow } from './job.table.js'

/** FOR UPDATE SKIP LOCKED lets every node claim different due jobs without waiting on each other. */
export async function claimJobsPostgres(
  db: Kysely<Database>,
  worker: string,
  now: number,
  lockMs: number,
  limit: number,
): Promise<JobRow[]> {
  const result = await sql<JobRow>`
    update jobs set status = 'running', attempts = attempts + 1, locked_by = ${worker},
      locked_until = ${now + lockMs}, updated_at = ${now}
    where id in (select id from jobs where status = 'pending' and run_at <= ${now}
                 order by run_at, id limit ${limit} for update skip locked)
    returning *`.execute(db)
  return result.rows
}

import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { JobRow, JobStatus } from './job.table.js'

type Db = Kysely<Database>

export interface Job {
  id: number
  type: string
  payload: unknown
  status: JobStatus
  runAt: Date
  attempts: number
  maxAttempts: number
  lastError: string | null
}

export async function insertJob(
  db: Db,
  job: {
    type: string
    payload: unknown
    runAt: number
    maxAttempts: number
    uniqueKey: string | null
  },
  now: number,
): Promise<number | undefined> {
  let query = db.insertInto('jobs').values({
    type: job.type,
    payload: JSON.stringify(job.payload ?? {}),
    status: 'pending',
    run_at: job.runAt,
    max_attempts: job.maxAttempts,
    unique_key: job.uniqueKey,
    created_at: now,
    updated_at: now,
  })
  if (job.uniqueKey !== null) query = query.onConflict((oc) => oc.column('unique_key').doNothing())
  const row = await query.returning('id').executeTakeFirst()
  return row?.id
}

export async function markDone(db: Db, id: number, worker: string, now: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, locked_until: null, updated_at: now })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute()
}

/** A long job still at work keeps its lock: `locked_until` moves to `until`. */
export async function extendLock(
  db: Db,
  id: number,
  worker: string,
  until: number,
  now: number,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ locked_until: until, updated_at: now })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .where('status', '=', 'running')
    .execute()
}

/** Record a failure: back to pending at `retryAt`, or failed for good after the last attempt. */
export async function markFailed(
  db: Db,
  id: number,
  worker: string,
  error: string,
  retryAt: number,
  now: number,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set((eb) => ({
      status: eb
        .case()
        .when('attempts', '>=', eb.ref('max_attempts'))
        .then(sql.lit<JobStatus>('failed'))
        .else(sql.lit<JobStatus>('pending'))
        .end(),
      run_at: retryAt,
      last_error: error.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute()
}

/** Running jobs whose lock expired (their process died) become pending again. */
export async function releaseExpiredLocks(db: Db, now: number): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'pending', locked_by: null, locked_until: null, updated_at: now })
    .where('status', '=', 'running')
    .where('locked_until', '<', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Give back the jobs `worker` claimed but has not run: pending again, the attempt not counted. */
export async function releaseWorkerLocks(db: Db, worker: string, now: number): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'pending',
      attempts: eb('attempts', '-', 1),
      locked_by: null,
      locked_until: null,
      updated_at: now,
    }))
    .where('status', '=', 'running')
    .where('locked_by', '=', worker)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Remove jobs that finished with `status` before `before` (epoch ms). */
export async function deleteFinishedJobs(
  db: Db,
  status: 'done' | 'failed',
  before: number,
): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', '=', status)
    .where('updated_at', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function listJobs(
  db: Db,
  status: JobStatus | undefined,
  limit: number,
): Promise<Job[]> {
  let query = db.selectFrom('jobs').selectAll()
  if (status) query = query.where('status', '=', status)
  const rows = await query.orderBy('id', 'desc').limit(limit).execute()
  return rows.map(toJob)
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    runAt: new Date(row.run_at),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
  }
}

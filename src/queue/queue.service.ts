/**
 * A durable job queue in the database. Jobs are claimed with a lock that expires, so a job
 * whose process died is retried; failures back off exponentially up to `maxAttempts`.
 */
import { validationError } from '../errors.js'
import type { Kernel } from '../kernel.js'
import {
  deleteFinishedJobs,
  extendLock,
  insertJob,
  listJobs,
  markDone,
  markFailed,
  releaseExpiredLocks,
  releaseWorkerLocks,
  toJob,
  type Job,
} from './job.repository.js'
import type { JobRow } from './job.table.js'
import type { JobStatus } from './job.table.js'

/** What enqueueing needs. Jobs enqueued inside a transaction exist only if it commits. */
export type QueueDeps = Pick<Kernel, 'db' | 'clock'>

/**
 * How due jobs are claimed: `claimWithSqlite` or `claimWithPostgres` (SKIP LOCKED), picked once
 * where the app is assembled.
 */
export type ClaimJobs = (
  db: Kernel['db'],
  worker: string,
  now: number,
  lockMs: number,
  limit: number,
) => Promise<JobRow[]>

/** What a worker needs: the queue and its claim function. */
export interface WorkerDeps extends QueueDeps {
  claim: ClaimJobs
}

export interface EnqueueOptions {
  runAt?: Date
  maxAttempts?: number
  /** At most one job with this key ever exists (later enqueues are ignored). */
  uniqueKey?: string
}

/** Add a job; returns its id, or undefined when a job with the same unique key exists. */
export async function enqueueJob(
  deps: QueueDeps,
  type: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<number | undefined> {
  if (!/^[a-z][a-z0-9.:-]{0,99}$/.test(type))
    throw validationError('type', `invalid job type "${type}"`)
  const now = deps.clock.now().getTime()
  return insertJob(
    deps.db,
    {
      type,
      payload,
      runAt: options.runAt?.getTime() ?? now,
      maxAttempts: options.maxAttempts ?? 5,
      uniqueKey: options.uniqueKey ?? null,
    },
    now,
  )
}

/** Claim up to `limit` due jobs for `worker`, locking them for `lockMs`. */
export async function claimJobs(
  deps: WorkerDeps,
  worker: string,
  limit = 10,
  lockMs = 5 * 60_000,
): Promise<Job[]> {
  const now = deps.clock.now().getTime()
  await releaseExpiredLocks(deps.db, now)
  const rows = await deps.claim(deps.db, worker, now, lockMs, limit)
  return rows.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id)
}

export function completeJob(deps: QueueDeps, job: Job, worker: string): Promise<void> {
  return markDone(deps.db, job.id, worker, deps.clock.now().getTime())
}

/**
 * A long job (an import) tells the queue it is still at work: its lock now ends `lockMs` from
 * now. Beating every so often with a short lock means that when its process dies, another
 * worker (or the restarted one) takes the job over within `lockMs`, not the claim's 5 minutes.
 */
export function extendJobLock(
  deps: QueueDeps,
  job: Job,
  worker: string,
  lockMs: number,
): Promise<void> {
  const now = deps.clock.now().getTime()
  return extendLock(deps.db, job.id, worker, now + lockMs, now)
}

/** Retry after 30 s, 2 min, 8 min… (×4 each attempt), or give up after the last attempt. */
export function failJob(deps: QueueDeps, job: Job, worker: string, error: unknown): Promise<void> {
  const now = deps.clock.now().getTime()
  const delay = 30_000 * 4 ** Math.max(0, job.attempts - 1)
  const message = error instanceof Error ? error.message : String(error)
  return markFailed(deps.db, job.id, worker, message, now + delay, now)
}

/** Finished jobs are kept this long (done) or longer (failed: someone may look into them). */
export const JOB_RETENTION_MS = { done: 7 * 86_400_000, failed: 30 * 86_400_000 }

/**
 * Remove finished jobs past their retention. Jobs with a unique key (the daily digest) leave
 * with them, so keys are only ever reused long after their day.
 */
export async function pruneFinishedJobs(
  deps: QueueDeps,
  retention: { done: number; failed: number } = JOB_RETENTION_MS,
): Promise<{ done: number; failed: number }> {
  const now = deps.clock.now().getTime()
  return {
    done: await deleteFinishedJobs(deps.db, 'done', now - retention.done),
    failed: await deleteFinishedJobs(deps.db, 'failed', now - retention.failed),
  }
}

/** A stopping worker hands back the jobs it claimed and did not start; returns how many. */
export function releaseJobs(deps: QueueDeps, worker: string): Promise<number> {
  return releaseWorkerLocks(deps.db, worker, deps.clock.now().getTime())
}

export function listRecentJobs(deps: QueueDeps, status?: JobStatus, limit = 50): Promise<Job[]> {
  return listJobs(deps.db, status, limit)
}

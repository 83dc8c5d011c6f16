/**
 * The durable job queue (jobs table): enqueue, claim (SKIP LOCKED on PostgreSQL), complete,
 * fail with backoff. The claim function is picked once where the app is assembled.
 * @example
 * await enqueueJob(deps, 'newsletter.send', { issueId: 7 }, { uniqueKey: 'newsletter:7' })
 * await claimJobs({ ...deps, claim: claimWithPostgres }, worker)
 */
export {
  claimJobs,
  completeJob,
  enqueueJob,
  extendJobLock,
  failJob,
  listRecentJobs,
  JOB_RETENTION_MS,
  pruneFinishedJobs,
  releaseJobs,
  type ClaimJobs,
  type EnqueueOptions,
  type QueueDeps,
  type WorkerDeps,
} from './queue.service.js'
export { claimJobsPostgres as claimWithPostgres } from './claim.postgres.js'
export { claimJobsSqlite as claimWithSqlite } from './claim.sqlite.js'
export type { Job } from './job.repository.js'
export type { JobStatus } from './job.table.js'

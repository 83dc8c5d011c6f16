/**
 * The durable job queue (jobs table): enqueue, claim (SKIP LOCKED on PostgreSQL), complete,
 * fail with backoff.
 * @example
 * await enqueueJob(deps, 'newsletter.send', { issueId: 7 }, { uniqueKey: 'newsletter:7' })
 */
export {
  claimJobs,
  completeJob,
  enqueueJob,
  failJob,
  listRecentJobs,
  type EnqueueOptions,
  type QueueDeps,
} from './queue.service.js'
export type { Job } from './job.repository.js'
export type { JobStatus } from './job.table.js'

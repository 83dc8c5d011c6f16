/**
 * Work that comes in by time: the job runner with every job handler, and the periodic tasks
 * (scheduled publishing, the newsletter digest's hour, the wire's due polls, the daily clean-up).
 */
import { systemActor } from '../auth/index.js'
import { publishDueArticles } from '../content/index.js'
import { IMPORT_JOB } from '../provenance/index.js'
import type { Services } from '../services.js'
import { cleanUpJobs } from './clean-up-jobs.js'
import { importJobs } from './import-jobs.js'
import { JobRunner } from './job-runner.js'
import { newsletterJobs } from './newsletter-jobs.js'
import { webhookJobs } from './webhook-jobs.js'
import { wireJobs } from './wire-jobs.js'

export { JobRunner, type JobHandler, type JobLease, type JobRunnerOptions } from './job-runner.js'
export { newsletterJobs } from './newsletter-jobs.js'
export { WIRE_ACTOR, wireJobs } from './wire-jobs.js'
export { webhookJobs } from './webhook-jobs.js'
export { importJobs } from './import-jobs.js'
export { PublishTimer, type PublishTimerOptions } from './publish-timer.js'
export { cleanUpData, CLEAN_UP_JOB, type CleanUpReport } from './clean-up-jobs.js'

const SCHEDULER = systemActor('scheduler')
const INTERVAL_MS = 15_000

/**
 * The process's job runner: every handler, scheduled publishing and the digest check on each
 * tick. Call `tick()` once to catch up, then `start()`; `stop()` before closing the database.
 */
export function startJobs(
  services: Services,
  onError: (error: unknown, context: string) => void,
  options: { intervalMs?: number } = {},
): JobRunner {
  const newsletter = newsletterJobs(services)
  const wire = wireJobs(services)
  const cleanUp = cleanUpJobs(services)
  const webhooks = webhookJobs(services)
  const imports = importJobs(services)
  return new JobRunner({
    deps: services,
    handlers: {
      ...newsletter.handlers,
      ...wire.handlers,
      ...cleanUp.handlers,
      ...webhooks.handlers,
      ...imports.handlers,
    },
    periodic: [
      newsletter.enqueueDueDigest,
      cleanUp.enqueueDaily,
      () => publishDueArticles(services, SCHEDULER),
      wire.enqueueDuePolls,
    ],
    intervalMs: options.intervalMs ?? INTERVAL_MS,
    longJobs: [IMPORT_JOB],
    onError,
  })
}

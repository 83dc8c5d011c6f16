/**
 * The wire's work for the job runner: every tick enqueues the sources that are due, and the
 * `wire.poll` handler polls one source. A feed's failure is recorded on its source by
 * `pollSource`, so the job itself succeeds and other sources go on.
 */
import { systemActor } from '../auth/index.js'
import type { Services } from '../services.js'
import { enqueueDuePolls, POLL_JOB, pollPayload, pollSource } from '../wire/index.js'
import type { JobHandler } from './job-runner.js'

/** The wire acts as the system with an editor's rights: it publishes into sections. */
export const WIRE_ACTOR = systemActor('wire', 'editor')

export function wireJobs(services: Services): {
  handlers: Record<string, JobHandler>
  enqueueDuePolls: () => Promise<number>
} {
  return {
    handlers: {
      [POLL_JOB]: async (payload) => {
        await pollSource(services, WIRE_ACTOR, pollPayload(payload))
      },
    },
    enqueueDuePolls: () => enqueueDuePolls(services),
  }
}

/**
 * The newsletter's work for the job runner: the `newsletter.digest` and `newsletter.batch`
 * handlers, and the periodic check that queues the digest at its hour.
 */
import { systemActor } from '../auth/index.js'
import {
  BATCH_JOB,
  deliverBatch,
  DIGEST_JOB,
  enqueueDueDigest,
  sendDigest,
  type BatchPayload,
} from '../newsletter/index.js'
import type { Services } from '../services.js'
import { findSettings, siteSecret } from '../settings/index.js'
import type { JobHandler } from './job-runner.js'

/** The digest goes out as the newsletter desk, a system actor with an editor's rights. */
const NEWSLETTER = systemActor('newsletter', 'editor')

export function newsletterJobs(services: Services): {
  handlers: Record<string, JobHandler>
  enqueueDueDigest: () => Promise<boolean>
} {
  return {
    handlers: {
      [DIGEST_JOB]: async (payload) => {
        const kind = (payload as { kind?: string }).kind === 'weekly' ? 'weekly' : 'daily'
        await sendDigest(services, NEWSLETTER, kind)
      },
      [BATCH_JOB]: async (payload) => {
        const [settings, secret] = await Promise.all([findSettings(services), siteSecret(services)])
        await deliverBatch({ ...services, secret, settings }, payload as BatchPayload)
      },
    },
    enqueueDueDigest: () => enqueueDueDigest(services),
  }
}

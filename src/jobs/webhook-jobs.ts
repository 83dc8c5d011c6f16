/** Webhook deliveries for the job runner: one attempt per job, retried by the queue. */
import type { Services } from '../services.js'
import { DELIVER_JOB, deliverWebhook, deliveryPayload } from '../webhooks/index.js'
import type { JobHandler } from './job-runner.js'

export function webhookJobs(services: Services): { handlers: Record<string, JobHandler> } {
  return {
    handlers: {
      [DELIVER_JOB]: async (payload, job) => {
        await deliverWebhook(services, deliveryPayload(payload), job)
      },
    },
  }
}

/**
 * The daily clean-up: tables that would otherwise only grow are trimmed once a day, on one node
 * (the job's unique key is the date). Expired sessions and month-old sign-in failures go,
 * finished jobs go after a week (failed ones after a month), hourly view counts older than
 * two weeks fold into daily rollups that are kept, webhook delivery logs keep 30 days and the
 * Import screen's finished imports 90.
 */
import { rollUpPageViews } from '../analytics/index.js'
import { pruneSignInRecords, systemActor } from '../auth/index.js'
import { enqueueJob, pruneFinishedJobs } from '../queue/index.js'
import { pruneImports } from '../provenance/index.js'
import type { Services } from '../services.js'
import { pruneWebhookDeliveries } from '../webhooks/index.js'
import type { JobHandler } from './job-runner.js'

const CLEAN_UP = systemActor('clean-up')
export const CLEAN_UP_JOB = 'maintenance.clean-up'

export interface CleanUpReport {
  sessions: number
  loginFailures: number
  jobs: { done: number; failed: number }
  hourlyViewRows: number
  webhookDeliveries: number
  imports: number
}

/** Run every clean-up now (also `broadsheet clean-up`). */
export async function cleanUpData(services: Services): Promise<CleanUpReport> {
  const signIns = await pruneSignInRecords(services, CLEAN_UP)
  const jobs = await pruneFinishedJobs(services)
  const views = await rollUpPageViews(services, CLEAN_UP)
  const webhookDeliveries = await pruneWebhookDeliveries(services)
  const imports = await pruneImports(services)
  return { ...signIns, jobs, hourlyViewRows: views.hourlyRows, webhookDeliveries, imports }
}

export function cleanUpJobs(services: Services): {
  handlers: Record<string, JobHandler>
  enqueueDaily: () => Promise<unknown>
} {
  return {
    handlers: { [CLEAN_UP_JOB]: async () => void (await cleanUpData(services)) },
    enqueueDaily: () => {
      const day = services.clock.now().toISOString().slice(0, 10)
      return enqueueJob(services, CLEAN_UP_JOB, {}, { uniqueKey: `clean-up:${day}` })
    },
  }
}

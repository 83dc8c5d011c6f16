/**
 * The newsletter's work for the job runner: the `newsletter.digest` and `newsletter.batch`
 * handlers, and the periodic check that queues the digest at its hour.
 */
import path from 'node:path'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import type { Database, Dialect } from '../db/database.js'
import { createOutboxMailer, createSmtpMailer, type Mailer } from '../mail/index.js'
import {
  BATCH_JOB,
  deliverBatch,
  DIGEST_JOB,
  enqueueDueDigest,
  sendDigest,
  type BatchPayload,
} from '../newsletter/index.js'
import { findOrCreateSiteSecret, findSettings } from '../settings/index.js'
import type { JobHandler } from './job-runner.js'

export interface NewsletterJobDeps {
  db: Kysely<Database>
  clock: Clock
  dialect: Dialect
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'dataDir'>
  mailer?: Mailer
}

export async function newsletterJobs(deps: NewsletterJobDeps): Promise<{
  handlers: Record<string, JobHandler>
  enqueueDueDigest: () => Promise<boolean>
}> {
  const mailer = deps.mailer ?? defaultMailer(deps)
  const secret = await findOrCreateSiteSecret(deps.db, deps.clock.now().getTime())
  return {
    handlers: {
      [DIGEST_JOB]: async (payload) => {
        const kind = (payload as { kind?: string }).kind === 'weekly' ? 'weekly' : 'daily'
        await sendDigest({ ...deps, settings: await findSettings(deps.db) }, kind)
      },
      [BATCH_JOB]: async (payload) => {
        await deliverBatch(
          {
            ...deps,
            mailer,
            secret,
            publicUrl: deps.config.publicUrl,
            settings: await findSettings(deps.db),
          },
          payload as BatchPayload,
        )
      },
    },
    enqueueDueDigest: async () => enqueueDueDigest(deps, await findSettings(deps.db)),
  }
}

function defaultMailer(deps: NewsletterJobDeps): Mailer {
  const { config } = deps
  if (config.smtpUrl) return createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
  return createOutboxMailer({
    dir: path.join(config.dataDir, 'outbox'),
    from: config.mailFrom,
    clock: deps.clock,
  })
}

/**
 * The domain's front door, for tests: a kernel over a test database, actors, and the services
 * (search, mail, storage, job claim) the app would assemble.
 */
import { systemActor, userActor, type Actor } from '../../src/auth/index.js'
import { systemClock, type Clock } from '../../src/clock.js'
import type { Dialect } from '../../src/db/database.js'
import { fillDemo } from '../../src/demo/index.js'
import { type EventBus, noEvents, type EventSink } from '../../src/events.js'
import type { Kernel } from '../../src/kernel.js'
import type { Mailer } from '../../src/mail/index.js'
import type { HttpClient } from '../../src/net/index.js'
import { claimWithPostgres, claimWithSqlite, type ClaimJobs } from '../../src/queue/index.js'
import { createServices, type Services } from '../../src/services.js'

/** Broadsheet itself, with every right: what tests arrange their data as. */
export const SYSTEM: Actor = systemActor('test')

/** A kernel over `db`; events go nowhere unless a sink is given. */
export function testKernel(
  db: Kernel['db'],
  clock: Clock = systemClock,
  events: EventSink = noEvents,
): Kernel {
  return { db, clock, events }
}

/** The actor for a person (a `User`, or any id and role). */
export function asUser(user: { id: number; role?: Actor['role']; name?: string }): Actor {
  return userActor({ id: user.id, role: user.role ?? 'owner', name: user.name ?? 'Test User' })
}

/** The app's services over a test database (media and outbox under `dataDir`). */
export function testServices(options: {
  db: Kernel['db']
  dialect: Dialect
  clock?: Clock
  dataDir: string
  events?: EventBus
  mailer?: Mailer
  publicUrl?: string
  rankedMatches?: number
  wireClient?: HttpClient
  /** Let webhooks reach loopback (the test's receiver), as WEBHOOK_ALLOW_PRIVATE=true does. */
  webhookAllowPrivate?: boolean
}): Services {
  return createServices({
    db: options.db,
    dialect: options.dialect,
    clock: options.clock ?? systemClock,
    config: {
      dataDir: options.dataDir,
      publicUrl: options.publicUrl ?? 'http://news.test',
      smtpUrl: undefined,
      mailFrom: 'Broadsheet <news@news.test>',
      webhookAllowPrivate: options.webhookAllowPrivate ?? false,
    },
    events: options.events,
    mailer: options.mailer,
    wireClient: options.wireClient,
    ...(options.rankedMatches ? { rankedMatches: options.rankedMatches } : {}),
  })
}

/** Fill a test database with the demo newsroom (and its search index); returns the services. */
export async function fillDemoSite(options: {
  db: Kernel['db']
  dialect: Dialect
  clock: Clock
  dataDir: string
}): Promise<Services> {
  const services = testServices(options)
  await fillDemo(services)
  return services
}

/** How a job worker claims jobs on `dialect` (what the app picks when it is assembled). */
export function claimFor(dialect: Dialect): ClaimJobs {
  return dialect === 'postgres' ? claimWithPostgres : claimWithSqlite
}

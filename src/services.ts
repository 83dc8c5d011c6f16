/**
 * @module services
 * Where the domain's services are assembled, once per process: the kernel (database, clock,
 * events) plus the search index, the job claim, mail and media storage. The database engine
 * is looked at here and nowhere else: every service below receives an implementation, never a
 * dialect name.
 */
import path from 'node:path'
import type { Clock } from './clock.js'
import type { Config, MediaConfig } from './config.js'
import type { Dialect } from './db/database.js'
import type { ListSearch } from './db/list-search.js'
import { postgresListSearch } from './db/list-search.postgres.js'
import { sqliteListSearch } from './db/list-search.sqlite.js'
import { EventBus } from './events.js'
import type { Kernel } from './kernel.js'
import { createOutboxMailer, createSmtpMailer, type Mailer } from './mail/index.js'
import { diskStorage, s3Storage, type MediaStorage } from './media/index.js'
import { createHttpClient, type HttpClient } from './net/index.js'
import { claimWithPostgres, claimWithSqlite, type ClaimJobs } from './queue/index.js'
import {
  createPostgresSearchIndex,
  createSqliteSearchIndex,
  searchIndexListener,
  type SearchIndex,
} from './search/index.js'

/** Everything an entry point hands to use cases and read models. */
export interface Services extends Kernel {
  readonly events: EventBus
  /** Full-text search over published articles. */
  readonly search: SearchIndex
  /** Full-text search of the newsroom's other lists: comments, contact, media, subscribers. */
  readonly listSearch: ListSearch
  /** How job workers claim due jobs. */
  readonly claim: ClaimJobs
  /** Outgoing mail: SMTP when SMTP_URL is set, else `.eml` files in DATA_DIR/outbox. */
  readonly mailer: Mailer
  /** Where uploaded media goes. */
  readonly storage: MediaStorage
  /** The site's public address, for links in mail. */
  readonly publicUrl: string
  /** The guarded client the wire fetches feeds with (its User-Agent names the site). */
  readonly wireClient: HttpClient
  /** The guarded client webhooks are delivered with (10 s per attempt). */
  readonly webhookClient: HttpClient
}

export interface ServiceOptions {
  db: Kernel['db']
  dialect: Dialect
  clock: Clock
  config: Pick<Config, 'dataDir' | 'publicUrl' | 'smtpUrl' | 'mailFrom'> &
    Partial<Pick<Config, 'wireAllowPrivate' | 'webhookAllowPrivate'>> & { media?: MediaConfig }
  events?: EventBus | undefined
  mailer?: Mailer | undefined
  /** The wire's outbound client; by default a guarded one naming the site. */
  wireClient?: HttpClient | undefined
  /** The webhooks' outbound client; by default a guarded one (WEBHOOK_ALLOW_PRIVATE). */
  webhookClient?: HttpClient | undefined
  /** Bound how many matches search ranks (tests lower it). */
  rankedMatches?: number
}

/**
 * Assemble the services for one database. The search index follows every `article.changed`.
 * @example const services = createServices({ db, dialect: 'sqlite', clock: systemClock, config })
 */
export function createServices(options: ServiceOptions): Services {
  const { db, clock, config } = options
  const events = options.events ?? new EventBus()
  const postgres = options.dialect === 'postgres'
  const search = postgres
    ? createPostgresSearchIndex(db, { rankedMatches: options.rankedMatches })
    : createSqliteSearchIndex(db, { rankedMatches: options.rankedMatches })
  events.on(searchIndexListener({ db, clock, index: search }))
  return {
    db,
    clock,
    events,
    search,
    listSearch: postgres ? postgresListSearch : sqliteListSearch,
    claim: postgres ? claimWithPostgres : claimWithSqlite,
    mailer: options.mailer ?? createMailer(config, clock),
    storage: mediaStorage(config.dataDir, config.media),
    publicUrl: config.publicUrl,
    wireClient: options.wireClient ?? createWireClient(config),
    webhookClient: options.webhookClient ?? createWebhookClient(config),
  }
}

/** Feeds are fetched as a good citizen: a User-Agent that names Broadsheet and the site. */
function createWireClient(config: ServiceOptions['config']): HttpClient {
  return createHttpClient({
    userAgent: `Broadsheet/1.0 (feed reader; +${config.publicUrl})`,
    allowPrivate: config.wireAllowPrivate ?? false,
    timeoutMs: 20_000,
    maxBytes: 15 * 1024 * 1024,
  })
}

/** Webhooks: 10 s per attempt, no redirects followed, a small answer is enough to read. */
function createWebhookClient(config: ServiceOptions['config']): HttpClient {
  return createHttpClient({
    userAgent: `Broadsheet/1.0 (webhooks; +${config.publicUrl})`,
    allowPrivate: config.webhookAllowPrivate ?? false,
    connectTimeoutMs: 10_000,
    timeoutMs: 10_000,
    maxBytes: 1024 * 1024,
    maxRedirects: 0,
  })
}

/** `DATA_DIR/media` by default; the bucket with `MEDIA_STORE=s3`. */
export function mediaStorage(
  dataDir: string,
  media: MediaConfig = { store: 'disk' },
): MediaStorage {
  if (media.store === 'disk') return diskStorage(path.join(dataDir, 'media'))
  return s3Storage(media)
}

function createMailer(config: ServiceOptions['config'], clock: Clock): Mailer {
  if (config.smtpUrl) return createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
  return createOutboxMailer({
    dir: path.join(config.dataDir, 'outbox'),
    from: config.mailFrom,
    clock,
  })
}

/**
 * @module config
 * One source of truth: the environment (plus `.env`, loaded by main/cli before this runs)
 * and the defaults below. Parsed once, validated against a TypeBox schema, frozen.
 */
import path from 'node:path'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { AppError } from './errors.js'

const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_READ_URL: Type.Optional(Type.String({ minLength: 1 })),
  PUBLIC_URL: Type.Optional(Type.String({ minLength: 1 })),
  REDIS_URL: Type.Optional(Type.String({ minLength: 1 })),
  DEMO_CONTENT: Type.Boolean({ default: true }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  TRUST_PROXY: Type.Boolean({ default: false }),
  THEME_DIR: Type.Optional(Type.String({ minLength: 1 })),
  PAGE_CACHE: Type.Boolean({ default: true }),
  CACHE_MAX_BYTES: Type.Integer({ minimum: 0, default: 64 * 1024 * 1024 }),
  API_RATE_LIMIT: Type.Integer({ minimum: 1, default: 600 }),
  API_POST_MEMO: Type.Integer({ minimum: 0, default: 5_000 }),
  CDN_PURGE_URL: Type.Optional(Type.String({ minLength: 1 })),
  CDN_TAG_HEADERS: Type.Optional(Type.Boolean()),
  STATIC_MIRROR: Type.Boolean({ default: false }),
  MEDIA_PUBLIC_URL: Type.Optional(Type.String({ minLength: 1 })),
  CSP_REPORT_URL: Type.Optional(Type.String({ minLength: 1 })),
  SMTP_URL: Type.Optional(Type.String({ minLength: 1 })),
  MAIL_FROM: Type.String({ minLength: 3, default: 'Broadsheet <broadsheet@localhost>' }),
  WIRE_ALLOW_PRIVATE: Type.Boolean({ default: false }),
  WEBHOOK_ALLOW_PRIVATE: Type.Boolean({ default: false }),
  IMPORT_MAX_BYTES: Type.Integer({ minimum: 1024, default: 2 * 1024 * 1024 * 1024 }),
  MEDIA_STORE: Type.Union([Type.Literal('disk'), Type.Literal('s3')], { default: 'disk' }),
  S3_ENDPOINT: Type.Optional(Type.String({ minLength: 1 })),
  S3_BUCKET: Type.Optional(Type.String({ minLength: 3, maxLength: 63 })),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1' }),
  S3_PREFIX: Type.String({ default: '' }),
})

type Env = Static<typeof EnvSchema>

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | {
      dialect: 'postgres'
      url: string
      /** A streaming replica for anonymous readers' queries (`DATABASE_READ_URL`). */
      readUrl?: string | undefined
    }

/** Where uploaded media lives: `DATA_DIR/media` (default) or an S3-compatible bucket. */
export type MediaConfig =
  | { store: 'disk' }
  | {
      store: 's3'
      bucket: string
      region: string
      endpoint: string | undefined
      prefix: string
      /** Media is served from here (a CDN or public bucket); else the app streams it. */
      publicUrl: string | undefined
    }

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly database: DatabaseConfig
  readonly publicUrl: string
  readonly redisUrl: string | undefined
  readonly demoContent: boolean
  readonly logLevel: string
  readonly trustProxy: boolean
  readonly themeDir: string | undefined
  /** Keep anonymous reader pages in the in-memory page cache. */
  readonly pageCache: boolean
  /** Upper bound of the page cache, bodies and compressed variants included. */
  readonly cacheMaxBytes: number
  /** Content API requests per minute per key (answers from the page cache are not counted). */
  readonly apiRateLimit: number
  /**
   * How many Content API posts' JSON are kept between requests (cleared by every purge); 0 keeps
   * none, so every browse loads and serializes its posts.
   */
  readonly apiPostMemo: number
  /** Receives `POST {"tags":[…]}` on every purge, for a CDN that purges by tag. */
  readonly cdnPurgeUrl: string | undefined
  /**
   * Send `Surrogate-Key`/`Cache-Tag` with cached pages. They are for a CDN, which strips them
   * (Fastly, Cloudflare); without one they would only tell every browser the page's internals.
   * Default: on when CDN_PURGE_URL is set.
   */
  readonly cdnTagHeaders: boolean
  /** Mirror cached pages to `DATA_DIR/static` for a front server (nginx `try_files`). */
  readonly staticMirror: boolean
  /** Where media may also be served from (a CDN or bucket): allowed in `img-src`. */
  readonly mediaPublicUrl: string | undefined
  /** Content-Security-Policy violation reports are sent here. */
  readonly cspReportUrl: string | undefined
  /** Mail goes through this SMTP server when set; otherwise into `DATA_DIR/outbox/`. */
  readonly smtpUrl: string | undefined
  readonly mailFrom: string
  /** Let the wire follow feeds on loopback and private networks (tests, local set-ups). */
  readonly wireAllowPrivate: boolean
  /** Let webhooks target loopback and private networks (tests, local set-ups). */
  readonly webhookAllowPrivate: boolean
  /** The largest export Settings → Import accepts (streamed to `DATA_DIR/imports`, never held in memory). */
  readonly importMaxBytes: number
  readonly media: MediaConfig
}

const KEYS = Object.keys(EnvSchema.properties) as (keyof Env)[]

/**
 * Parse and validate configuration from an environment map.
 * Throws one AppError('CONFIG_INVALID') whose message lists every problem, one per line,
 * each naming the variable.
 * @example parseConfig({ PORT: '8080', DATABASE_URL: 'postgres://localhost/news' })
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const raw: Record<string, unknown> = {}
  for (const key of KEYS) {
    const value = env[key]
    if (value !== undefined && value !== '') raw[key] = value
  }
  const converted = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw)) as Record<
    string,
    unknown
  >
  const problems = [...Value.Errors(EnvSchema, converted)].map(
    (e) =>
      `${e.path.slice(1)}: ${describe(e.message)} (got ${JSON.stringify(raw[e.path.slice(1)])})`,
  )
  const parsed = converted as Env
  if (problems.length === 0) problems.push(...checkUrls(parsed), ...checkMedia(parsed))
  if (problems.length > 0) {
    throw new AppError('CONFIG_INVALID', `invalid configuration: ${problems.join('; ')}`)
  }
  const dataDir = path.resolve(parsed.DATA_DIR)
  return Object.freeze({
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir,
    database: databaseFrom(parsed.DATABASE_URL, parsed.DATABASE_READ_URL, dataDir),
    publicUrl: (parsed.PUBLIC_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ''),
    redisUrl: parsed.REDIS_URL,
    demoContent: parsed.DEMO_CONTENT,
    logLevel: parsed.LOG_LEVEL,
    trustProxy: parsed.TRUST_PROXY,
    themeDir: parsed.THEME_DIR ? path.resolve(parsed.THEME_DIR) : undefined,
    pageCache: parsed.PAGE_CACHE,
    cacheMaxBytes: parsed.CACHE_MAX_BYTES,
    apiRateLimit: parsed.API_RATE_LIMIT,
    apiPostMemo: parsed.API_POST_MEMO,
    cdnPurgeUrl: parsed.CDN_PURGE_URL,
    cdnTagHeaders: parsed.CDN_TAG_HEADERS ?? parsed.CDN_PURGE_URL !== undefined,
    staticMirror: parsed.STATIC_MIRROR,
    mediaPublicUrl: parsed.MEDIA_PUBLIC_URL,
    cspReportUrl: parsed.CSP_REPORT_URL,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    wireAllowPrivate: parsed.WIRE_ALLOW_PRIVATE,
    webhookAllowPrivate: parsed.WEBHOOK_ALLOW_PRIVATE,
    importMaxBytes: parsed.IMPORT_MAX_BYTES,
    media: mediaFrom(parsed),
  })
}

function mediaFrom(env: Env): MediaConfig {
  if (env.MEDIA_STORE === 'disk') return { store: 'disk' }
  return {
    store: 's3',
    bucket: env.S3_BUCKET ?? '',
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    prefix: env.S3_PREFIX,
    publicUrl: env.MEDIA_PUBLIC_URL?.replace(/\/+$/, ''),
  }
}

function checkMedia(env: Env): string[] {
  if (env.MEDIA_STORE !== 's3') return []
  const problems: string[] = []
  if (!env.S3_BUCKET) problems.push('S3_BUCKET: required when MEDIA_STORE=s3')
  if (env.S3_PREFIX && !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/$/.test(env.S3_PREFIX))
    problems.push(
      `S3_PREFIX: must be path segments ending in "/" (got ${JSON.stringify(env.S3_PREFIX)})`,
    )
  return problems
}

function describe(message: string): string {
  return message.replace(/^Expected/, 'expected')
}

function checkUrls(env: Env): string[] {
  const problems: string[] = []
  const urls: [keyof Env, string | undefined, string[]][] = [
    ['PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:']],
    ['REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']],
    ['CDN_PURGE_URL', env.CDN_PURGE_URL, ['http:', 'https:']],
    ['SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']],
    ['MEDIA_PUBLIC_URL', env.MEDIA_PUBLIC_URL, ['http:', 'https:']],
    ['CSP_REPORT_URL', env.CSP_REPORT_URL, ['http:', 'https:']],
    ['S3_ENDPOINT', env.S3_ENDPOINT, ['http:', 'https:']],
  ]
  const db = env.DATABASE_URL
  const onPostgres = db !== undefined && !db.startsWith('sqlite:') && !db.startsWith('file:')
  if (onPostgres) urls.push(['DATABASE_URL', db, ['postgres:', 'postgresql:']])
  if (env.DATABASE_READ_URL !== undefined) {
    if (onPostgres)
      urls.push(['DATABASE_READ_URL', env.DATABASE_READ_URL, ['postgres:', 'postgresql:']])
    else problems.push('DATABASE_READ_URL: needs DATABASE_URL on PostgreSQL (a read replica of it)')
  }
  for (const [key, value, protocols] of urls) {
    if (value === undefined) continue
    let url: URL
    try {
      url = new URL(value)
    } catch {
      problems.push(`${key}: not a valid URL (got ${JSON.stringify(value)})`)
      continue
    }
    if (!protocols.includes(url.protocol)) {
      problems.push(
        `${key}: must start with ${protocols.join(' or ')} (got ${JSON.stringify(value)})`,
      )
    }
  }
  return problems
}

function databaseFrom(
  url: string | undefined,
  readUrl: string | undefined,
  dataDir: string,
): DatabaseConfig {
  if (!url) return { dialect: 'sqlite', file: path.join(dataDir, 'broadsheet.db') }
  if (url.startsWith('postgres')) return { dialect: 'postgres', url, ...(readUrl && { readUrl }) }
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '')
  return { dialect: 'sqlite', file: path.resolve(file) }
}

/** The config with secrets masked, for `broadsheet doctor` and start-up logs. */
export function describeConfig(config: Config): Record<string, string | number | boolean> {
  return {
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    database:
      config.database.dialect === 'sqlite'
        ? `sqlite ${config.database.file}`
        : `postgres ${maskUrl(config.database.url)}`,
    ...(config.database.dialect === 'postgres' &&
      config.database.readUrl && { databaseRead: `postgres ${maskUrl(config.database.readUrl)}` }),
    publicUrl: config.publicUrl,
    redisUrl: config.redisUrl ? maskUrl(config.redisUrl) : '(none)',
    demoContent: config.demoContent,
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    themeDir: config.themeDir ?? '(built-in)',
    pageCache: config.pageCache,
    cacheMaxBytes: config.cacheMaxBytes,
    apiPostMemo: config.apiPostMemo,
    cdnPurgeUrl: config.cdnPurgeUrl ? maskUrl(config.cdnPurgeUrl) : '(none)',
    cdnTagHeaders: config.cdnTagHeaders,
    staticMirror: config.staticMirror,
    cspReportUrl: config.cspReportUrl ?? '(none)',
    smtpUrl: config.smtpUrl ? maskUrl(config.smtpUrl) : '(none: mail goes to the outbox)',
    mailFrom: config.mailFrom,
    wireAllowPrivate: config.wireAllowPrivate,
    webhookAllowPrivate: config.webhookAllowPrivate,
    importMaxBytes: config.importMaxBytes,
    ...describeMedia(config),
  }
}

function describeMedia(config: Config): Record<string, string> {
  const media = config.media
  if (media.store === 'disk')
    return { media: `disk ${config.dataDir}/media`, mediaPublicUrl: '(served by the app)' }
  const where = media.endpoint ? maskUrl(media.endpoint) : `AWS ${media.region}`
  return {
    media: `s3 bucket ${media.bucket}${media.prefix ? ` prefix ${media.prefix}` : ''} at ${where}`,
    mediaPublicUrl: media.publicUrl ?? '(streamed by the app)',
  }
}

function maskUrl(value: string): string {
  try {
    const url = new URL(value)
    if (url.password) url.password = '****'
    return url.toString()
  } catch {
    return '****'
  }
}

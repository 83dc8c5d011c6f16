import { createInterface } from 'node:readline/promises'
import { ROLES, createUser, systemActor, type Role } from '../auth/index.js'
import { publishPurgeOnce } from '../cache/redis-purge-channel.js'
import { systemClock } from '../clock.js'
import { describeConfig, parseConfig, type Config } from '../config.js'
import { countNewsroomArticles } from '../content/index.js'
import { connectDatabase } from '../db/connect.js'
import { addGeneratedStories, fillDemo, isDemoNeeded } from '../demo/index.js'
import { AppError } from '../errors.js'
import { createIntegration } from '../integrations/index.js'
import { reindexAll } from '../search/index.js'
import type { Services } from '../services.js'
import {
  applyMigrations,
  migrationsPending,
  prepareDatabase,
  servicesFor,
  startServer,
} from '../startup.js'
import { serveWorkers } from './cluster.js'
import { SOURCE_COMMANDS } from './sources.js'
import { OPERATIONS } from './operations.js'
import { exportCommand, importCommand } from './transfer-commands.js'

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>

export interface Command {
  name: string
  summary: string
  help: string
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>
  /** How many words may follow the command's name (`import wordpress FILE`: 2). Default 0. */
  positionals?: number
  run(values: Values, positionals: string[]): Promise<void>
}

const log = (line: string) => console.log(`broadsheet: ${line}`)

const serve: Command = {
  name: 'serve',
  summary: 'start the web server (migrates, seeds demo content into an empty database)',
  help: `Usage: broadsheet serve [--workers N]

Starts Broadsheet on HOST:PORT (default 0.0.0.0:3000). On start it applies pending migrations,
fills an empty database with demo content (unless DEMO_CONTENT=false) and publishes overdue
scheduled articles.

Options:
  --workers N   run N worker processes sharing the port (node:cluster; default 1). Page-cache
                purges reach every worker; with REDIS_URL they also reach other machines.`,
  options: { workers: { type: 'string' } },
  run: async (values) => {
    const workers = values.workers === undefined ? 1 : Number(values.workers)
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      throw new AppError(
        'VALIDATION_FAILED',
        `--workers must be a whole number from 1 to 64 (got "${String(values.workers)}")`,
      )
    }
    const config = parseConfig(process.env)
    if (workers === 1) return startServer(config)
    return serveWorkers(config, workers, log)
  },
}

const migrate: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations',
  help: `Usage: broadsheet migrate [--status]

Applies every pending migration to the configured database (SQLite file in DATA_DIR, or
DATABASE_URL). Safe to run repeatedly; an interrupted migration is rolled back and runs again.

Options:
  --status   list pending migrations without applying them`,
  options: { status: { type: 'boolean' } },
  run: async (values) => {
    const config = parseConfig(process.env)
    const handle = await connectDatabase(config.database, config.dataDir)
    try {
      if (values.status) {
        const pending = await migrationsPending(handle)
        log(pending.length === 0 ? 'database is up to date' : `pending: ${pending.join(', ')}`)
        return
      }
      const applied = await applyMigrations(handle)
      log(applied.length === 0 ? 'database is up to date' : `applied ${applied.join(', ')}`)
    } finally {
      await handle.close()
    }
  },
}

const seed: Command = {
  name: 'seed',
  summary: 'add demo content, or N generated articles with --articles N',
  help: `Usage: broadsheet seed [--articles N]

Without options, fills an empty database with the demo newsroom (sections, authors, original
stories, comments, pages, menus, settings). With --articles N, also appends N generated
articles with comments, subscribers and contact messages in proportion (for benchmarks and
scale tests), printing progress. With REDIS_URL set, running
servers are told to drop their cached pages afterwards.

Options:
  --articles N   number of generated articles to add (1 to 10000000)`,
  options: { articles: { type: 'string' } },
  run: async (values) => {
    const count = values.articles === undefined ? 0 : Number(values.articles)
    if (!Number.isInteger(count) || count < 0 || count > 10_000_000) {
      throw new AppError(
        'VALIDATION_FAILED',
        `--articles must be a whole number from 1 to 10000000 (got "${String(values.articles)}")`,
      )
    }
    const config = parseConfig(process.env)
    const handle = await connectDatabase(config.database, config.dataDir)
    try {
      await applyMigrations(handle)
      const services = servicesFor(handle, config)
      let changed = count > 0
      const started = Date.now()
      const generate =
        count > 0 ? { articles: count, now: Date.now(), onProgress: progressBar } : undefined
      let indexed: number | undefined
      // On an empty database the demo and the generated stories go in one transaction: a
      // failure keeps none of them, so the next attempt starts from an empty database again.
      if (await isDemoNeeded(services)) {
        changed = true
        const filled = await fillDemo(services, { generate }).finally(endProgress)
        log(`seeded the demo newsroom (${filled.articles} articles)`)
        indexed = filled.indexed
      } else if (generate) {
        await addGeneratedStories(services, generate).finally(endProgress)
      } else {
        log('the database already has content; demo content is only added to an empty database')
      }
      if (count > 0) {
        log(`added ${count} generated articles in ${((Date.now() - started) / 1000).toFixed(1)} s`)
        indexed ??= await reindexAll(searchDeps(services))
        log(`search index rebuilt: ${indexed} articles`)
      }
      // Every cached page carries `settings`: purging it empties running servers' caches.
      if (changed) await purgeRunningServers(config, ['settings'])
    } finally {
      await handle.close()
    }
  },
}

function searchDeps(services: Services) {
  return { ...services, index: services.search }
}

/**
 * Tell running servers to drop cached pages this process changed. They hear it over Redis
 * (`REDIS_URL`); without it a server keeps its pages until its next write or restart.
 */
export async function purgeRunningServers(config: Config, tags: string[]): Promise<void> {
  if (!config.redisUrl) return
  try {
    const servers = await publishPurgeOnce(config.redisUrl, tags)
    log(`told ${servers} running server${servers === 1 ? '' : 's'} to drop their cached pages`)
  } catch (error) {
    log(`could not reach Redis to purge running servers' caches: ${(error as Error).message}`)
  }
}

/**
 * Progress on stderr: a bar redrawn in place on a terminal; in a log (not a TTY) a line at
 * every tenth, so a CI log or redirected output stays readable.
 */
function progressBar(done: number, total: number): void {
  if (process.stderr.isTTY) {
    const width = 30
    const filled = Math.round((done / total) * width)
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`)
    return
  }
  const step = Math.max(1, Math.ceil(total / 10))
  if (done === total || Math.floor(done / step) > Math.floor((done - 1) / step))
    process.stderr.write(`broadsheet: ${done}/${total} articles\n`)
}

/** "indexed N", redrawn in place on a terminal; in a log, a line per 10,000. */
function indexProgress(done: number): void {
  if (process.stderr.isTTY) process.stderr.write(`\rindexed ${done}`)
  else if (done % 10_000 === 0) process.stderr.write(`broadsheet: indexed ${done}\n`)
}

/** End a redrawn line, so the next message starts on its own. */
export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\n')
}

const userCreate: Command = {
  name: 'user:create',
  summary: 'create a user (the owner on a new site)',
  help: `Usage: broadsheet user:create --email EMAIL --name NAME [--role ROLE] [--password PASSWORD]

Creates a newsroom account. Without --password, the password is read from the
BROADSHEET_PASSWORD environment variable, or asked for on the terminal.

Options:
  --email      login email address (required)
  --name       display name (required)
  --role       ${ROLES.join(', ')} (default: owner)
  --password   at least 12 characters, not a common password`,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
  },
  run: async (values) => {
    const email = typeof values.email === 'string' ? values.email : undefined
    const name = typeof values.name === 'string' ? values.name : undefined
    if (!email) throw new AppError('VALIDATION_FAILED', 'user:create: --email is required')
    if (!name) throw new AppError('VALIDATION_FAILED', 'user:create: --name is required')
    const role = (typeof values.role === 'string' ? values.role : 'owner') as Role
    if (!ROLES.includes(role))
      throw new AppError(
        'VALIDATION_FAILED',
        `user:create: --role must be one of ${ROLES.join(', ')}`,
      )
    const password =
      (typeof values.password === 'string' ? values.password : undefined) ??
      process.env.BROADSHEET_PASSWORD ??
      (await askPassword())
    const config = parseConfig(process.env)
    const handle = await prepareDatabase({ ...config, demoContent: false }, systemClock, log)
    try {
      const user = await createUser(servicesFor(handle, config), systemActor('cli'), {
        email,
        name,
        role,
        password,
      })
      log(`created ${user.role} ${user.name} <${user.email}>`)
    } finally {
      await handle.close()
    }
  },
}

const integrationCreate: Command = {
  name: 'integration:create',
  summary: 'create an API integration and print its Content and Admin API keys',
  help: `Usage: broadsheet integration:create --name NAME [--role ROLE] [--json]

Creates an integration for the Ghost-compatible Content and Admin APIs. Its calls act with
ROLE (admin, editor, author or contributor; default editor).

Options:
  --name   what the integration is for (required)
  --role   the role its Admin API calls act with (default: editor)
  --json   print exactly one JSON object on stdout: {"id", "name", "contentApiKey", "adminApiKey"}`,
  options: { name: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' } },
  run: async (values) => {
    const name = typeof values.name === 'string' ? values.name : undefined
    if (!name) throw new AppError('VALIDATION_FAILED', 'integration:create: --name is required')
    const role = (typeof values.role === 'string' ? values.role : 'editor') as Role
    const json = values.json === true
    const config = parseConfig(process.env)
    // With --json, stdout carries the one object and nothing else.
    const say = json ? (line: string) => console.error(`broadsheet: ${line}`) : log
    const handle = await prepareDatabase({ ...config, demoContent: false }, systemClock, say)
    try {
      const created = await createIntegration(servicesFor(handle, config), systemActor('cli'), {
        name,
        role,
      })
      if (json) {
        const { id, contentKey, adminApiKey } = created
        console.log(
          JSON.stringify({ id, name: created.name, contentApiKey: contentKey, adminApiKey }),
        )
        return
      }
      log(`created integration ${created.name} (${created.role})`)
      log(`Content API key: ${created.contentKey}`)
      log(`Admin API key:   ${created.adminApiKey}`)
    } finally {
      await handle.close()
    }
  },
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY)
    throw new AppError(
      'VALIDATION_FAILED',
      'user:create: --password or BROADSHEET_PASSWORD is required',
    )
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  try {
    return await rl.question('Password (at least 12 characters): ')
  } finally {
    rl.close()
  }
}

const doctor: Command = {
  name: 'doctor',
  summary: 'print the effective configuration and check the database',
  help: `Usage: broadsheet doctor

Prints the configuration Broadsheet would run with (secrets masked), then connects to the
database and reports pending migrations and content counts. Exits non-zero when a check fails.`,
  options: {},
  run: async () => {
    const config = parseConfig(process.env)
    for (const [key, value] of Object.entries(describeConfig(config)))
      console.log(`${key.padEnd(12)} ${String(value)}`)
    const handle = await connectDatabase(config.database, config.dataDir)
    try {
      const pending = await migrationsPending(handle)
      console.log(`${'database'.padEnd(12)} ok (${handle.dialect})`)
      console.log(
        `${'migrations'.padEnd(12)} ${pending.length === 0 ? 'up to date' : `${pending.length} pending: ${pending.join(', ')}`}`,
      )
      if (pending.length === 0) {
        const services = servicesFor(handle, config)
        const counts = await countNewsroomArticles(services)
        const articles = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0)
        const empty = await isDemoNeeded(services)
        console.log(
          `${'articles'.padEnd(12)} ${articles}${empty ? ' (empty: demo content is added on start)' : ''}`,
        )
      }
    } finally {
      await handle.close()
    }
  },
}

const searchReindex: Command = {
  name: 'search:reindex',
  summary: 'rebuild the full-text search index from the published archive',
  help: `Usage: broadsheet search:reindex

Empties the search index (SQLite FTS5 or PostgreSQL tsvector) and indexes every published
article again. The index normally follows every publish, update and unpublish by itself; run
this after restoring a backup or importing content straight into the database. With REDIS_URL
set, running servers are told to drop their cached search pages afterwards.`,
  options: {},
  run: async () => {
    const config = parseConfig(process.env)
    const handle = await prepareDatabase({ ...config, demoContent: false }, systemClock, log)
    try {
      const count = await reindexAll(searchDeps(servicesFor(handle, config)), indexProgress)
      endProgress()
      log(`search index rebuilt: ${count} articles`)
      await purgeRunningServers(config, ['search'])
    } finally {
      await handle.close()
    }
  },
}

export const COMMANDS: Record<string, Command> = {
  serve,
  migrate,
  seed,
  'user:create': userCreate,
  'integration:create': integrationCreate,
  doctor,
  'search:reindex': searchReindex,
  ...SOURCE_COMMANDS,
  ...OPERATIONS,
  import: importCommand,
  export: exportCommand,
}

/**
 * `broadsheet import wordpress|ghost FILE`: bring another site's archive across, with progress on
 * stderr and the report on stdout. `broadsheet export wordpress|ghost`: write this site out, a
 * story at a time. Bad input is one line and exit status 1.
 */
import { createWriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { systemActor } from '../auth/index.js'
import { parseConfig } from '../config.js'
import { AppError } from '../errors.js'
import { noEvents } from '../events.js'
import {
  exportBackup,
  exportGhost,
  exportWordPress,
  formatReport,
  importBackup,
  runImport,
  type ImportProgress,
  type MediaMode,
} from '../importers/index.js'
import { createHttpClient } from '../net/index.js'
import { reindexAll } from '../search/index.js'
import { applyMigrations, servicesFor } from '../startup.js'
import { connectDatabase } from '../db/connect.js'
import type { Command } from './commands.js'
import { endProgress, purgeRunningServers } from './commands.js'

const SOURCES = ['wordpress', 'ghost', 'json'] as const

export const importCommand: Command = {
  name: 'import',
  summary: 'import a WordPress (WXR) or Ghost (JSON) export, or restore a JSON backup',
  help: `Usage: broadsheet import wordpress FILE.xml [options]
       broadsheet import ghost FILE.json [options]
       broadsheet import json BACKUP.json

json: restores a backup written by "broadsheet export json" into an EMPTY site (a new
database after "broadsheet migrate"; a site with any content is refused, and so is a file that
is not such a backup or comes from a newer Broadsheet). Users come back without passwords:
each signs in after a password reset ("Forgot password?"), or run "broadsheet user:create"
for a new owner. Media records come back pointing at the same files: copy DATA_DIR/media (or
keep the same bucket) yourself. Takes no options.

Brings another site's archive across: authors (as contributors who cannot sign in until
invited or sent a password reset), categories as sections (tree kept), tags, posts, pages,
comments with their threads, featured images and pictures, subscribers (Ghost members who
wanted the newsletter), menus (WordPress nav menus, Ghost navigation) and redirects (301) from
every old address. Running it again adds nothing: every object is keyed by the old site and
its old id; a story that changed on the old site since is updated, with a revision. Prints a
report: counts per type (imported, updated, skipped, failed) and a warning for each item that
did not come across whole.

Options:
  --media-dir DIR       a copy of the old uploads folder (wp-content/uploads, Ghost's
                        content/images): pictures are taken from there
  --fetch-media         download pictures from the old site (http(s) only, private and
                        local addresses refused unless MEDIA_FETCH_ALLOW_PRIVATE=true,
                        20 s and 20 MB per picture)
                        Without either, pictures stay at their old address (a warning says so).
  --author-map FILE     lines "old-login new-email": give that author's stories to an existing user
  --time-zone ZONE      WordPress: the old site's zone (Europe/Oslo) for dates the export
                        gives only in local time (default: learnt from the export)
  --site-url URL        Ghost: the old site's address (its export does not say it), for
                        its pictures and redirects
  --dry-run             read and count everything, write nothing`,
  options: {
    'media-dir': { type: 'string' },
    'fetch-media': { type: 'boolean' },
    'author-map': { type: 'string' },
    'time-zone': { type: 'string' },
    'site-url': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  positionals: 2,
  run: async (values, positionals) => {
    const [source, file] = positionals
    if (!source || !SOURCES.includes(source as (typeof SOURCES)[number]))
      throw new AppError(
        'VALIDATION_FAILED',
        `import: say what to import: "broadsheet import wordpress FILE.xml", "broadsheet import ghost FILE.json" or "broadsheet import json BACKUP.json"`,
      )
    if (!file) throw new AppError('VALIDATION_FAILED', `import ${source}: name the export file`)
    if (source === 'json') return importJson(file, values)
    if (values['media-dir'] !== undefined && values['fetch-media'])
      throw new AppError('VALIDATION_FAILED', 'import: use --media-dir or --fetch-media, not both')
    const authorMap =
      typeof values['author-map'] === 'string'
        ? await readAuthorMap(values['author-map'])
        : undefined
    const config = parseConfig(process.env)
    const media: MediaMode =
      typeof values['media-dir'] === 'string'
        ? { kind: 'dir', dir: values['media-dir'] }
        : values['fetch-media']
          ? {
              kind: 'fetch',
              client: createHttpClient({
                userAgent: `Broadsheet-import (+${config.publicUrl})`,
                allowPrivate: process.env.MEDIA_FETCH_ALLOW_PRIVATE === 'true',
                timeoutMs: 20_000,
                maxBytes: 20 * 1024 * 1024,
              }),
            }
          : { kind: 'none' }
    const handle = await connectDatabase(config.database, config.dataDir)
    try {
      await applyMigrations(handle)
      const services = servicesFor(handle, config)
      const report = await runImport(
        services,
        systemActor(`${source}-import`),
        source as 'wordpress' | 'ghost',
        file,
        {
          media,
          authorMap,
          dryRun: values['dry-run'] === true,
          ...(typeof values['time-zone'] === 'string' ? { timeZone: values['time-zone'] } : {}),
          ...(typeof values['site-url'] === 'string' ? { siteUrl: values['site-url'] } : {}),
          onProgress: showProgress,
        },
      )
      endProgress()
      // The search index is fed story by story after each batch: let it finish before closing.
      await services.events.settled()
      console.log(formatReport(report).join('\n'))
      if (!report.dryRun) await purgeRunningServers(config, ['settings'])
    } finally {
      if (media.kind === 'fetch') media.client.close()
      await handle.close()
    }
  },
}

/** `broadsheet import json BACKUP.json`: restore a backup into an empty site. */
async function importJson(file: string, values: Parameters<Command['run']>[0]): Promise<void> {
  const used = Object.keys(values).filter((key) => values[key] !== undefined)
  if (used.length > 0)
    throw new AppError('VALIDATION_FAILED', `import json: takes no options (got --${used[0]})`)
  const config = parseConfig(process.env)
  const handle = await connectDatabase(config.database, config.dataDir)
  try {
    await applyMigrations(handle)
    const services = servicesFor(handle, config)
    // Nothing listens while it runs (the search index would be fed story by story, after this
    // process may have closed the database): the index is rebuilt once at the end instead.
    const quiet = { ...services, events: noEvents }
    const report = await importBackup(quiet, systemActor('json-import'), file, {
      onProgress: ({ done, total }) => showProgress({ phase: 'stories', done, total }),
    })
    endProgress()
    await reindexAll({ ...services, index: services.search })
    const counts = Object.entries(report.counts).map(
      ([name, n]) => `${n} ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`,
    )
    console.log(`Restored the backup of ${report.exportedAt}: ${counts.join(', ')}`)
    for (const warning of report.warnings) console.log(`  warning: ${warning}`)
    console.log('Users have no password yet: each signs in after a password reset.')
    await purgeRunningServers(config, ['settings'])
  } finally {
    await handle.close()
  }
}

/** `old-login new-email` per line; `#` starts a comment. */
async function readAuthorMap(file: string): Promise<Map<string, string>> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AppError('VALIDATION_FAILED', `--author-map: cannot read ${file}`)
  })
  const map = new Map<string, string>()
  for (const [n, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*/, '').trim()
    if (!line) continue
    const [login, email, extra] = line.split(/[\s,=]+/)
    if (!login || !email || extra !== undefined || !email.includes('@'))
      throw new AppError(
        'VALIDATION_FAILED',
        `--author-map: line ${n + 1} should be "old-login new-email" (got "${line}")`,
      )
    map.set(login, email.toLowerCase())
  }
  return map
}

let lastLine = 0

function showProgress(progress: ImportProgress): void {
  // Nothing before the file is known to be an export: a bad file's error stays one line.
  if (progress.phase === 'scan') return
  const label =
    progress.phase === 'header'
      ? `pictures ${progress.done}/${progress.total}`
      : `stories ${progress.done}/${progress.total}`
  if (process.stderr.isTTY) {
    process.stderr.write(`\r\x1b[2Kbroadsheet: ${label}`)
    return
  }
  const now = Date.now()
  if (progress.done === 0 || progress.done === progress.total || now - lastLine > 2_000) {
    lastLine = now
    process.stderr.write(`broadsheet: ${label}\n`)
  }
}

const FORMATS = ['wordpress', 'ghost', 'json'] as const

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the whole site as a WordPress (WXR) or Ghost (JSON) export, or a JSON backup',
  help: `Usage: broadsheet export wordpress [--out FILE] > site.xml
       broadsheet export ghost [--out FILE] > site.json
       broadsheet export json [--out FILE] > backup.json

Writes every article (with its comments), page, author, section and tag, a story at a time (in
constant memory), to standard output or FILE:
  wordpress   WXR 1.2, for WordPress's Tools → Import → WordPress (featured images are
              attachments WordPress downloads from PUBLIC_URL)
  ghost       Ghost's JSON export, for Ghost's Settings → Import (sections become each
              story's first tag; comments stay behind: Ghost's import has none)
  json        a Broadsheet backup ("broadsheet-backup", version 1) of everything: settings,
              users (no passwords, second factors or tokens), sections (tree), tags, media
              records (not the files), pages, articles with comment threads, menus,
              subscribers (with their state), readers' contact messages and redirects.
              Left out: secrets (the site secret, integrations' keys, webhooks), revisions,
              the audit log, page views.
              "broadsheet import json" restores it into an empty site.

Options:
  --out FILE   write to FILE instead of standard output`,
  options: { out: { type: 'string' } },
  positionals: 1,
  run: async (values, positionals) => {
    const [format] = positionals
    if (!format || !FORMATS.includes(format as (typeof FORMATS)[number]))
      throw new AppError(
        'VALIDATION_FAILED',
        'export: say which format: "broadsheet export wordpress", "broadsheet export ghost" or "broadsheet export json"',
      )
    // `broadsheet export wordpress | head`: the reader went away, which is not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0)
    })
    const config = parseConfig(process.env)
    const handle = await connectDatabase(config.database, config.dataDir)
    const out = typeof values.out === 'string' ? createWriteStream(values.out) : process.stdout
    try {
      await applyMigrations(handle)
      const services = servicesFor(handle, config)
      const counts =
        format === 'wordpress'
          ? await exportWordPress(services, out)
          : format === 'ghost'
            ? await exportGhost(services, out)
            : await exportBackup(services, out)
      process.stderr.write(
        `broadsheet: exported ${counts.articles} articles, ${counts.pages} pages and ${counts.comments} comments\n`,
      )
    } finally {
      if (out !== process.stdout)
        await new Promise<void>((resolve) =>
          (out as ReturnType<typeof createWriteStream>).end(resolve),
        )
      await handle.close()
    }
  },
}

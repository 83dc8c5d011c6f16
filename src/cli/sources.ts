/**
 * `broadsheet sources:*`: the wire's sources from the command line. `sources:poll` polls in the
 * foreground, one line per source, and exits 0 even when feeds failed: failures are reported
 * (and recorded on the source), not fatal.
 */
import { findUserByEmail, findUserBySlug, findUserById, systemActor } from '../auth/index.js'
import { systemClock } from '../clock.js'
import { parseConfig } from '../config.js'
import { findCategoryBySlug } from '../content/index.js'
import { AppError } from '../errors.js'
import type { Services } from '../services.js'
import { prepareDatabase, servicesFor } from '../startup.js'
import {
  addSource,
  listSources,
  pollSource,
  removeSource,
  type PollReport,
  type SourceSettings,
} from '../wire/index.js'
import type { Command } from './commands.js'

const CLI = systemActor('cli')
const WIRE = systemActor('wire', 'editor')
const log = (line: string) => console.log(`broadsheet: ${line}`)

async function withServices(work: (services: Services) => Promise<void>): Promise<void> {
  const config = parseConfig(process.env)
  const handle = await prepareDatabase({ ...config, demoContent: false }, systemClock, log)
  const services = servicesFor(handle, config)
  try {
    await work(services)
  } finally {
    services.wireClient.close()
    // Stories a poll published are still being added to the search index.
    await services.events.settled()
    await handle.close()
  }
}

const string = (value: unknown) => (typeof value === 'string' ? value : undefined)

const sourcesAdd: Command = {
  name: 'sources:add',
  summary: 'follow a feed (or a site, whose feed is discovered) on the wire',
  positionals: Number.POSITIVE_INFINITY,
  help: `Usage: broadsheet sources:add URL [--name N] [--section SLUG] [--author USER] [--tags a,b]
                            [--mode excerpt|full] [--full-text] [--publish auto|review]
                            [--interval MIN] [--no-categories]

Adds a source to the wire. URL is a feed (RSS, Atom, RDF, JSON Feed) or a site's home page
that links to one. The feed is fetched once to check it.

Options:
  --name N          the source's name (default: the feed's title)
  --section SLUG    the section its stories go into
  --author USER     the default byline: a user's email or slug
  --tags a,b        tags added to every story
  --mode M          excerpt (default: title, excerpt and a link to the original) or full
                    (the whole body; only for sources you are licensed to republish)
  --full-text       in full mode, fetch each item's page for the whole article (for feeds
                    that carry only excerpts)
  --no-categories   do not turn the items' categories into tags
  --publish P       review (default: items wait on the Wire desk) or auto (published as they arrive)
  --interval MIN    minutes between polls, 5 to 1440 (default 15)`,
  options: {
    name: { type: 'string' },
    section: { type: 'string' },
    author: { type: 'string' },
    tags: { type: 'string' },
    mode: { type: 'string' },
    publish: { type: 'string' },
    interval: { type: 'string' },
    'full-text': { type: 'boolean' },
    'no-categories': { type: 'boolean' },
  },
  run: async (values, positionals) => {
    const [url, ...extra] = positionals
    if (!url || extra.length > 0)
      throw new AppError('VALIDATION_FAILED', 'sources:add: give exactly one URL')
    await withServices(async (services) => {
      const settings = await settingsFrom(services, values)
      const source = await addSource(services, CLI, { url, ...settings })
      log(
        `following #${source.id} ${source.name} <${source.url}> (${source.mode}, ${source.publish})`,
      )
    })
  },
}

async function settingsFrom(
  services: Services,
  values: Record<string, unknown>,
): Promise<SourceSettings> {
  const settings: SourceSettings = {}
  const name = string(values.name)
  if (name) settings.name = name
  const section = string(values.section)
  if (section) {
    const found = await findCategoryBySlug(services, section)
    if (!found) throw new AppError('VALIDATION_FAILED', `sources:add: no section "${section}"`)
    settings.sectionId = found.id
  }
  const author = string(values.author)
  if (author) {
    const user = author.includes('@')
      ? await findUserByEmail(services, author)
      : /^\d+$/.test(author)
        ? await findUserById(services, Number(author))
        : await findUserBySlug(services, author)
    if (!user) throw new AppError('VALIDATION_FAILED', `sources:add: no user "${author}"`)
    settings.authorId = user.id
  }
  const tags = string(values.tags)
  if (tags) settings.tags = tags.split(',')
  const mode = string(values.mode)
  if (mode) settings.mode = mode as SourceSettings['mode']
  const publish = string(values.publish)
  if (publish) settings.publish = publish as SourceSettings['publish']
  const interval = string(values.interval)
  if (interval) settings.intervalMinutes = Number(interval)
  if (values['full-text']) settings.fetchFullText = true
  if (values['no-categories']) settings.mapCategories = false
  return settings
}

const sourcesList: Command = {
  name: 'sources:list',
  summary: "list the wire's sources with their health",
  help: `Usage: broadsheet sources:list

One line per source: id, status, mode and policy, items in the last day, waiting on the desk,
last success, and the last error when the latest poll failed.`,
  options: {},
  run: async () => {
    await withServices(async (services) => {
      const sources = await listSources(services)
      if (sources.length === 0) log('no sources yet (add one with "broadsheet sources:add URL")')
      for (const s of sources) {
        const last = s.lastSuccessAt ? s.lastSuccessAt.toISOString() : 'never'
        const error = s.lastError ? ` — failing (${s.failures}x): ${s.lastError}` : ''
        console.log(
          `#${s.id} ${s.name} <${s.url}> ${s.status} ${s.mode}/${s.publish} ` +
            `${s.itemsPerDay}/day ${s.itemsWaiting} waiting, last ok ${last}${error}`,
        )
      }
    })
  },
}

const sourcesRemove: Command = {
  name: 'sources:remove',
  summary: 'stop following a source (its stories stay)',
  positionals: Number.POSITIVE_INFINITY,
  help: `Usage: broadsheet sources:remove ID

Removes the source and the record of its items. Stories already made from it stay published.`,
  options: {},
  run: async (_values, positionals) => {
    const [id, ...extra] = positionals
    if (!id || !/^\d+$/.test(id) || extra.length > 0)
      throw new AppError('VALIDATION_FAILED', 'sources:remove: give one source id')
    await withServices(async (services) => {
      await removeSource(services, CLI, Number(id))
      log(`removed source #${id}`)
    })
  },
}

const sourcesPoll: Command = {
  name: 'sources:poll',
  summary: 'poll sources now, in the foreground (ID… or --all)',
  positionals: Number.POSITIVE_INFINITY,
  help: `Usage: broadsheet sources:poll [ID…|--all]

Polls the given sources (or, with --all, every active one) now and prints one line per source:
new, updated, unchanged, or the error. Exits 0 even when some sources failed: their errors are
recorded on the source and shown on the Wire screen.`,
  options: { all: { type: 'boolean' } },
  run: async (values, positionals) => {
    if (!values.all && positionals.length === 0)
      throw new AppError('VALIDATION_FAILED', 'sources:poll: give source ids, or --all')
    if (positionals.some((p) => !/^\d+$/.test(p)))
      throw new AppError('VALIDATION_FAILED', 'sources:poll: source ids are numbers')
    await withServices(async (services) => {
      const ids = values.all
        ? (await listSources(services)).filter((s) => s.status === 'active').map((s) => s.id)
        : positionals.map(Number)
      for (const id of ids) console.log(pollLine(await pollSource(services, WIRE, id)))
    })
  },
}

function pollLine(report: PollReport): string {
  const o = report.outcome
  const head = `#${report.sourceId} ${report.name}:`
  switch (o.status) {
    case 'fetched':
      return `${head} ${o.added} new (${o.published} published, ${o.skipped} skipped), ${o.updated} updated`
    case 'unchanged':
      return `${head} unchanged`
    case 'paused':
      return `${head} paused (resume it on the Wire screen)`
    case 'failed':
      return `${head} failed: ${o.message}${o.paused ? ' (source paused)' : ''}`
  }
}

export const SOURCE_COMMANDS: Record<string, Command> = {
  'sources:add': sourcesAdd,
  'sources:list': sourcesList,
  'sources:remove': sourcesRemove,
  'sources:poll': sourcesPoll,
}

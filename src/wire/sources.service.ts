/**
 * The wire's sources: add (by a feed's or a site's address), change, pause, resume, remove,
 * import and export as OPML. Editors and above; each write in one transaction with its audit line.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { NetError } from '../net/index.js'
import { findFeed } from './fetch-feed.js'
import { countItemsBySource, type WireSource } from './source.repository.js'
import {
  deleteSource,
  findSourceById,
  findSourceByUrl,
  insertSource,
  listSourceRows,
  updateSource,
} from './source.repository.js'
import { checkFeedUrl, settingsColumns, type SourceSettings } from './source-settings.js'
import { findOriginOfStory, type StoryOrigin } from './item.repository.js'
import { parseOpml, writeOpml } from './opml.js'
import type { WireDeps } from './wire-deps.js'
import { WireError } from './wire-error.js'

export interface NewSource extends SourceSettings {
  /** The feed's address, or a site's home page that announces its feed. */
  url: string
}

/** A source with its counts, for the Sources screen and `sources:list`. */
export interface SourceHealth extends WireSource {
  itemsTotal: number
  /** Items waiting on the desk. */
  itemsWaiting: number
  /** Items that arrived in the last 24 hours. */
  itemsPerDay: number
}

/**
 * Follow a new feed. With `discover` (the default) its address is fetched first: a site's home
 * page leads to the feed it announces, and the feed's title names the source when no name is
 * given. An address that is no feed is refused with the reason, on `url`.
 * @example await addSource(deps, actor, { url: 'https://partner.example/', publish: 'review' })
 */
export async function addSource(
  deps: WireDeps,
  actor: Actor,
  input: NewSource,
  options: { discover?: boolean } = {},
): Promise<WireSource> {
  requirePermission(actor, 'wire.manage')
  let url = checkFeedUrl(input.url)
  let name = input.name?.trim() || undefined
  let siteUrl = input.siteUrl
  if (options.discover ?? true) {
    const found = await discover(deps, url)
    url = found.url
    name ??= found.feed.title?.trim().slice(0, 200) || undefined
    siteUrl ??= found.feed.homeUrl ?? found.discoveredFrom
  }
  name ??= new URL(url).host
  const columns = settingsColumns({ ...input, name, siteUrl: siteUrl ?? '' })
  return transact(deps, async (tx) => {
    if (await findSourceByUrl(tx.db, url))
      throw validationError('url', `the wire already follows ${url}`)
    const now = tx.clock.now().getTime()
    const id = await insertSource(tx.db, {
      ...columns,
      name: columns.name ?? name,
      url,
      ...freshSource(columns, now),
    })
    await recordAudit(tx, actor, {
      action: 'wire.source.add',
      subjectType: 'wire_source',
      subjectId: id,
      details: { url },
    })
    return mustFindSource(tx, id)
  })
}

/** Change a source's settings. */
export async function editSource(
  deps: Kernel,
  actor: Actor,
  id: number,
  settings: SourceSettings,
): Promise<WireSource> {
  requirePermission(actor, 'wire.manage')
  const columns = settingsColumns(settings)
  return transact(deps, async (tx) => {
    await mustFindSource(tx, id)
    await updateSource(tx.db, id, { ...columns, updated_at: tx.clock.now().getTime() })
    await recordAudit(tx, actor, {
      action: 'wire.source.update',
      subjectType: 'wire_source',
      subjectId: id,
      details: { fields: Object.keys(columns) },
    })
    return mustFindSource(tx, id)
  })
}

/**
 * Pause a source (no more polls) or resume it: a resumed source is polled at once, its count
 * of failures cleared.
 */
export async function setSourcePaused(
  deps: Kernel,
  actor: Actor,
  id: number,
  paused: boolean,
): Promise<WireSource> {
  requirePermission(actor, 'wire.manage')
  return transact(deps, async (tx) => {
    await mustFindSource(tx, id)
    const now = tx.clock.now().getTime()
    await updateSource(
      tx.db,
      id,
      paused
        ? { status: 'paused', updated_at: now }
        : { status: 'active', failures: 0, next_poll_at: now, updated_at: now },
    )
    await recordAudit(tx, actor, {
      action: paused ? 'wire.source.pause' : 'wire.source.update',
      subjectType: 'wire_source',
      subjectId: id,
      details: { status: paused ? 'paused' : 'active' },
    })
    return mustFindSource(tx, id)
  })
}

/** Stop following a source and forget its items; stories already made from them stay. */
export async function removeSource(deps: Kernel, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'wire.manage')
  await transact(deps, async (tx) => {
    const source = await mustFindSource(tx, id)
    await deleteSource(tx.db, id)
    await recordAudit(tx, actor, {
      action: 'wire.source.remove',
      subjectType: 'wire_source',
      subjectId: id,
      details: { url: source.url, name: source.name },
    })
  })
}

/**
 * Follow every feed an OPML file lists (no network: each is checked on its first poll). Feeds
 * already followed are left as they are. Returns how many were added and skipped.
 */
export async function importOpmlSources(
  deps: Kernel,
  actor: Actor,
  opml: string,
  defaults: SourceSettings = {},
): Promise<{ added: number; skipped: number }> {
  requirePermission(actor, 'wire.manage')
  let listed
  try {
    listed = parseOpml(opml)
  } catch (error) {
    if (error instanceof WireError) throw validationError('opml', error.message)
    throw error
  }
  const columns = settingsColumns(defaults)
  return transact(deps, async (tx) => {
    const now = tx.clock.now().getTime()
    let added = 0
    let skipped = 0
    for (const entry of listed) {
      let url: string
      try {
        url = checkFeedUrl(entry.url)
      } catch {
        skipped++
        continue
      }
      if (await findSourceByUrl(tx.db, url)) {
        skipped++
        continue
      }
      await insertSource(tx.db, {
        ...columns,
        name: (entry.title?.trim() || new URL(url).host).slice(0, 200),
        site_url: entry.siteUrl ?? '',
        url,
        ...freshSource(columns, now),
      })
      added++
    }
    await recordAudit(tx, actor, {
      action: 'wire.source.import',
      subjectType: 'wire_source',
      details: { added, skipped },
    })
    return { added, skipped }
  })
}

/** The source list as an OPML document, for other feed readers. */
export async function exportSourcesOpml(
  deps: Kernel,
  actor: Actor,
  title: string,
): Promise<string> {
  requirePermission(actor, 'wire.manage')
  const sources = await listSourceRows(deps.db)
  return writeOpml(
    sources.map((s) => ({
      url: s.url,
      title: s.name,
      siteUrl: s.siteUrl || undefined,
      folder: undefined,
    })),
    { title, now: deps.clock.now() },
  )
}

/** Every source with its health and counts, by name. */
export async function listSources(deps: Pick<Kernel, 'db' | 'clock'>): Promise<SourceHealth[]> {
  const since = deps.clock.now().getTime() - 24 * 3_600_000
  const [sources, counts] = await Promise.all([
    listSourceRows(deps.db),
    countItemsBySource(deps.db, since),
  ])
  return sources.map((s) => {
    const c = counts.get(s.id)
    return {
      ...s,
      itemsTotal: c?.total ?? 0,
      itemsWaiting: c?.waiting ?? 0,
      itemsPerDay: c?.recent ?? 0,
    }
  })
}

/** One source, or undefined. */
export function findSource(deps: Pick<Kernel, 'db'>, id: number): Promise<WireSource | undefined> {
  return findSourceById(deps.db, id)
}

async function mustFindSource(deps: Pick<Kernel, 'db'>, id: number): Promise<WireSource> {
  const source = await findSourceById(deps.db, id)
  if (!source) throw new AppError('NOT_FOUND', `wire source ${id} does not exist`)
  return source
}

async function discover(deps: WireDeps, url: string) {
  try {
    return await findFeed(deps.wireClient, url, deps.clock)
  } catch (error) {
    if (error instanceof NetError || error instanceof WireError)
      throw validationError('url', `${error.message}`)
    throw error
  }
}

/** A new source's polling state and defaults: due now, never fetched, no errors. */
function freshSource(columns: ReturnType<typeof settingsColumns>, now: number) {
  return {
    next_poll_at: now,
    etag: null,
    last_modified: null,
    last_polled_at: null,
    last_success_at: null,
    last_error_code: null,
    last_error: null,
    section_id: columns.section_id ?? null,
    author_id: columns.author_id ?? null,
    max_age_days: columns.max_age_days ?? null,
    created_at: now,
    updated_at: now,
  }
}

/**
 * Where the story `articleId` came from, when the wire brought it: the reader's byline names the
 * source (and the item's own byline) when no one here signed the story.
 */
export function findStoryOrigin(
  deps: Pick<Kernel, 'db'>,
  articleId: number,
): Promise<StoryOrigin | undefined> {
  return findOriginOfStory(deps.db, articleId)
}

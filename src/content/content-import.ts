/**
 * Sections, pages and redirects from another system, a batch at a time (the WordPress and Ghost
 * importers). Like `importArticles`: one transaction per batch, one audit line, origins recorded
 * with the rows so a second run of the same export adds nothing, old addresses redirected (301).
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import {
  findImportFingerprints,
  findImportTargets,
  recordImportKeys,
  type ImportOrigin,
} from '../provenance/index.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import { sanitizeBody } from './body-html.js'
import {
  findPageById,
  insertImportedPage,
  isPageSlugTaken,
  updatePageRow,
} from './page.repository.js'
import { findRedirect, insertRedirectIfAbsent } from './redirect.repository.js'
import { findCategoryBySlug } from './taxonomy.repository.js'
import { insertSection } from './taxonomy.service.js'

export interface ImportedSection {
  name: string
  slug: string
  description?: string
  /** Its parent's slug; the parent must come earlier in the batch or exist already. */
  parentSlug?: string | null
  origin: ImportOrigin
  oldPaths?: string[]
}

export interface ImportedPage {
  title: string
  slug: string
  bodyHtml: string
  status: 'draft' | 'published'
  publishedAt: Date | null
  createdAt: Date
  updatedAt: Date
  authorId: number | null
  seoTitle?: string
  seoDescription?: string
  origin: ImportOrigin
  oldPaths?: string[]
  /**
   * Digest of the page as the old site has it. A page imported before with another digest is
   * rewritten in place (slug kept); one whose key has no digest yet gets this one, unchanged.
   */
  fingerprint?: string
}

export interface ImportOutcome {
  /** Broadsheet id per item, in order. */
  ids: number[]
  /** How many were written now (the others were there already). */
  added: number
  /** How many that were there already were rewritten (pages changed on the old site). */
  updated: number
}

const MAX_BATCH = 1_000
const PATH = /^\/[^\s#]*$/

/**
 * Sections in tree order (parents first). A section whose slug is taken already is reused, so
 * an import onto a site that has a "World" section files World stories there.
 * @example await importSections(deps, systemActor('wordpress-import'), [{ name: 'World', slug: 'world', origin }])
 */
export async function importSections(
  deps: Kernel,
  actor: Actor,
  items: ImportedSection[],
): Promise<ImportOutcome> {
  requirePermission(actor, 'taxonomy.manage')
  checkBatch(items.length)
  return transact(deps, async (tx) => {
    const known = await knownIds(tx, 'category', items)
    const ids: number[] = []
    const keys = new Map<string, [string, number][]>()
    const slugs: string[] = []
    for (const item of items) {
      let id = known.get(item.origin.id)
      if (id === undefined) {
        const existing = await findCategoryBySlug(tx.db, slugify(item.slug) || item.slug)
        const section =
          existing ??
          (await insertSection(tx, {
            name: item.name.slice(0, 200) || item.slug,
            slug: item.slug,
            description: item.description ?? '',
            parentSlug: item.parentSlug ?? undefined,
          }))
        id = section.id
        push(keys, item.origin, id)
        slugs.push(section.slug)
        for (const from of item.oldPaths ?? []) await redirect(tx, from, `/${section.slug}/`)
      }
      ids.push(id)
    }
    await finishImport(tx, actor, { kind: 'category', keys, count: slugs.length, slugs })
    return { ids, added: slugs.length, updated: 0 }
  })
}

/**
 * Static pages with their own dates and status; slugs made unique when taken.
 * @example await importPages(deps, systemActor('ghost-import'), [{ title: 'About', slug: 'about', … }])
 */
export async function importPages(
  deps: Kernel,
  actor: Actor,
  items: ImportedPage[],
): Promise<ImportOutcome> {
  requirePermission(actor, 'pages.manage')
  checkBatch(items.length)
  return transact(deps, async (tx) => {
    const known = await knownPages(tx, items)
    const ids: number[] = []
    const keys = new Map<string, [string, number, string?][]>()
    const slugs: string[] = []
    let added = 0
    let updated = 0
    for (const item of items) {
      const was = known.get(item.origin.id)
      if (was === undefined) {
        const { id, slug } = await insertPageFrom(tx, item)
        push(keys, item.origin, id, item.fingerprint)
        slugs.push(slug)
        added++
        ids.push(id)
        continue
      }
      ids.push(was.targetId)
      if (!item.fingerprint || was.fingerprint === item.fingerprint) continue
      // A key from before pages had digests: take this one, so the next change is seen.
      if (was.fingerprint !== null) {
        const slug = await updatePageFrom(tx, was.targetId, item)
        if (slug === undefined) continue
        slugs.push(slug)
        updated++
      }
      push(keys, item.origin, was.targetId, item.fingerprint)
    }
    await finishImport(tx, actor, { kind: 'page', keys, count: added + updated, slugs })
    return { ids, added, updated }
  })
}

async function insertPageFrom(
  tx: Kernel,
  item: ImportedPage,
): Promise<{ id: number; slug: string }> {
  const title = pageTitle(item)
  const slug = await uniqueSlug(
    slugify(item.slug || title) || 'page',
    (s) => isPageSlugTaken(tx.db, s),
    'page',
  )
  const id = await insertImportedPage(tx.db, {
    title,
    slug,
    bodyHtml: sanitizeBody(item.bodyHtml),
    status: item.status,
    authorId: item.authorId,
    seoTitle: item.seoTitle ?? '',
    seoDescription: item.seoDescription ?? '',
    publishedAt: item.publishedAt?.getTime() ?? null,
    createdAt: item.createdAt.getTime(),
    updatedAt: item.updatedAt.getTime(),
  })
  for (const from of item.oldPaths ?? []) await redirect(tx, from, `/${slug}/`)
  return { id, slug }
}

/** Rewrite an imported page as the old site now has it; its slug (and address) stay. */
async function updatePageFrom(
  tx: Kernel,
  id: number,
  item: ImportedPage,
): Promise<string | undefined> {
  const page = await findPageById(tx.db, id)
  if (!page) return undefined
  await updatePageRow(tx.db, id, {
    title: pageTitle(item),
    body_html: sanitizeBody(item.bodyHtml),
    status: item.status,
    author_id: item.authorId,
    seo_title: item.seoTitle ?? '',
    seo_description: item.seoDescription ?? '',
    published_at: item.publishedAt?.getTime() ?? null,
    updated_at: item.updatedAt.getTime(),
  })
  for (const from of item.oldPaths ?? []) await redirect(tx, from, `/${page.slug}/`)
  return page.slug
}

function pageTitle(item: ImportedPage): string {
  return item.title.trim().slice(0, 300) || 'Untitled'
}

/**
 * Redirects (301) from old addresses, many at a time: an old path that already redirects is
 * repointed; paths that are not root-relative, or point at themselves, are skipped. Returns how
 * many were written.
 * @example await importRedirects(deps, actor, [{ from: '/author/ann/', to: '/author/ann-lee/' }])
 */
export async function importRedirects(
  deps: Kernel,
  actor: Actor,
  redirects: { from: string; to: string }[],
): Promise<number> {
  requirePermission(actor, 'taxonomy.manage')
  checkBatch(redirects.length)
  return transact(deps, async (tx) => {
    let written = 0
    for (const { from, to } of redirects) if (await redirect(tx, from, to)) written++
    await finishImport(tx, actor, { kind: 'redirect', count: written, slugs: [] })
    return written
  })
}

function checkBatch(length: number): void {
  if (length > MAX_BATCH) throw validationError('items', `import at most ${MAX_BATCH} at a time`)
}

async function redirect(tx: Kernel, from: string, to: string): Promise<boolean> {
  if (!PATH.test(from) || from.startsWith('//') || from.startsWith('/admin')) return false
  if (from.length > 500 || from === to) return false
  if (!(PATH.test(to) && !to.startsWith('//')) && !/^https?:\/\/\S+$/.test(to)) return false
  // The old site's own redirects point at its old addresses: follow ours to the new one.
  const target = (await findRedirect(tx.db, to))?.toPath ?? to
  if (target === from) return false
  await insertRedirectIfAbsent(tx.db, from, target, tx.clock.now().getTime())
  return true
}

async function knownIds(
  tx: Kernel,
  kind: 'category' | 'page',
  items: { origin: ImportOrigin }[],
): Promise<Map<string, number>> {
  const source = items[0]?.origin.source
  if (source === undefined) return new Map()
  if (items.some((i) => i.origin.source !== source))
    throw validationError('items', 'one batch comes from one source')
  return findImportTargets(
    tx,
    source,
    kind,
    items.map((i) => i.origin.id),
  )
}

function push(
  keys: Map<string, [string, number, string?][]>,
  origin: ImportOrigin,
  id: number,
  fingerprint?: string,
): void {
  const pair: [string, number, string?] = fingerprint
    ? [origin.id, id, fingerprint]
    : [origin.id, id]
  keys.set(origin.source, [...(keys.get(origin.source) ?? []), pair])
}

async function knownPages(
  tx: Kernel,
  items: ImportedPage[],
): Promise<Map<string, { targetId: number; fingerprint: string | null }>> {
  const source = items[0]?.origin.source
  if (source === undefined) return new Map()
  if (items.some((i) => i.origin.source !== source))
    throw validationError('items', 'one batch comes from one source')
  return findImportFingerprints(
    tx,
    source,
    'page',
    items.map((i) => i.origin.id),
  )
}

const FINISH = {
  category: { action: 'section.import', subjectType: 'section', event: 'section' },
  page: { action: 'page.import', subjectType: 'page', event: 'page' },
  redirect: { action: 'redirect.import', subjectType: 'redirect', event: 'page' },
} as const

/**
 * The end of every batch: record the origins of what was written, one audit line and one
 * `taxonomy.changed` announcement (when anything was written).
 */
async function finishImport(
  tx: Kernel,
  actor: Actor,
  batch: {
    kind: keyof typeof FINISH
    keys?: Map<string, [string, number, string?][]>
    count: number
    slugs: string[]
  },
): Promise<void> {
  const { action, subjectType, event } = FINISH[batch.kind]
  if (batch.kind !== 'redirect')
    for (const [source, pairs] of batch.keys ?? [])
      await recordImportKeys(tx, source, batch.kind, pairs)
  if (batch.count === 0) return
  await recordAudit(tx, actor, { action, subjectType, details: { count: batch.count } })
  tx.events.emit({ type: 'taxonomy.changed', kind: event, slugs: batch.slugs })
}

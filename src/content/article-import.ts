/**
 * Articles written elsewhere, added many at a time: importers (WordPress, Ghost, backups), the
 * wire's bulk catch-up and generated archives for scale tests. One transaction per batch, rows
 * inserted a batch at a time, bodies sanitized like the editor's, one audit line per batch and
 * one `articles.imported` announcement (no per-story purges: the importer purges at the end).
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { findImportFingerprints, recordImportKeys, type ImportOrigin } from '../provenance/index.js'
import { slugify } from '../text/slug.js'
import { articlePath, type ArticleStatus } from './article.js'
import { unique } from './article-fields.js'
import {
  findArticleVersion,
  insertArticleLinks,
  insertArticles,
  listTakenArticleSlugs,
  replaceArticleLinks,
  updateArticleIfVersion,
} from './article.repository.js'
import type { NewArticleRow } from './article.table.js'
import { sanitizeBody } from './body-html.js'
import { countTextWords, htmlToText, makeExcerpt, readingMinutes } from './reading-time.js'
import { insertRedirectsIfAbsent } from './redirect.repository.js'
import { insertFirstRevisions, insertRevision } from './revision.repository.js'
import { listCategories } from './taxonomy.repository.js'
import { ancestorIds, resolveTagNames } from './taxonomy.service.js'

/** One story as another system had it. Dates are kept as given. */
export interface ImportedArticle {
  title: string
  /** The slug it had; made unique (`-2`, `-3`…) when taken. Default: from the title. */
  slug?: string
  standfirst?: string
  bodyHtml: string
  /** An excerpt of its own (WordPress's); default: from the standfirst or the body. */
  excerpt?: string
  status: ArticleStatus
  publishedAt: Date | null
  createdAt?: Date
  updatedAt?: Date
  /** Authors in byline order (user ids); the first is the main author. */
  authorIds: number[]
  primaryCategoryId: number | null
  /** More sections besides the primary one. */
  categoryIds?: number[]
  /** Tags by name, created when missing. */
  tags?: string[]
  /** Tags by id (a backup's, created beforehand with their own slugs), after those by name. */
  tagIds?: number[]
  featuredMediaId?: number | null
  featuredAlt?: string
  featuredCaption?: string
  featuredCredit?: string
  isEditorsPick?: boolean
  isFeatured?: boolean
  allowComments?: boolean
  seoTitle?: string
  seoDescription?: string
  canonicalUrl?: string
  /**
   * Where it came from (old site and id). Recorded with the article, in its transaction; an
   * article whose origin is already recorded is not added again (its id is returned).
   */
  origin?: ImportOrigin
  /** Root-relative addresses it had (`/2019/03/budget-vote/`, `/?p=42`): each redirects (301) to it. */
  oldPaths?: string[]
  /**
   * A digest of the source record, kept with the origin. When the origin is known and its digest
   * differs (the story changed on the old site), the article is updated, with a revision.
   */
  fingerprint?: string
}

/** What one `importArticleBatch` call did. */
export interface ArticleBatchOutcome {
  /** Broadsheet id per item, in order. */
  ids: number[]
  created: number
  updated: number
  /** Known already, unchanged (or imported before digests were kept). */
  skipped: number
}

export interface ImportArticlesOptions {
  /** The site's time zone, for the `/YYYY/MM/slug/` the old addresses redirect to. Default UTC. */
  timeZone?: string
}

const MAX_BATCH = 1_000

/**
 * Add a batch of articles in one transaction; returns their ids in order. Importing is an
 * editor's job: the actor needs `article.publish` on anyone's stories.
 * @example const ids = await importArticles(deps, systemActor('wordpress-import'), batch)
 */
export async function importArticles(
  deps: Kernel,
  actor: Actor,
  all: ImportedArticle[],
  options: ImportArticlesOptions = {},
): Promise<number[]> {
  return (await importArticleBatch(deps, actor, all, options)).ids
}

/**
 * `importArticles` that also updates: an item whose origin is known and whose `fingerprint`
 * differs from the one recorded is rewritten (content, dates, status, sections, tags, authors;
 * the slug stays) with a new revision, in the same transaction. Says what it did.
 * @example const { created, updated, skipped } = await importArticleBatch(deps, actor, batch)
 */
export async function importArticleBatch(
  deps: Kernel,
  actor: Actor,
  all: ImportedArticle[],
  options: ImportArticlesOptions = {},
): Promise<ArticleBatchOutcome> {
  requirePermission(actor, 'article.publish', { authorIds: [] })
  if (all.length === 0) return { ids: [], created: 0, updated: 0, skipped: 0 }
  if (all.length > MAX_BATCH)
    throw validationError('articles', `import at most ${MAX_BATCH} articles at a time`)
  const now = deps.clock.now().getTime()
  return transact(deps, async (tx) => {
    const known = await knownOrigins(tx, all)
    const items = all.filter((item) => !item.origin || !known.has(originKey(item.origin)))
    const changed = all.filter((item) => {
      const was = item.origin && known.get(originKey(item.origin))
      return (
        !!was &&
        was.fingerprint !== null &&
        !!item.fingerprint &&
        was.fingerprint !== item.fingerprint
      )
    })
    const newIds = items.length === 0 ? [] : await insertBatch(tx, actor, items, now, options)
    if (changed.length > 0)
      await updateBatch(
        tx,
        actor,
        changed.map((item) => ({ item, id: known.get(originKey(item.origin!))!.targetId })),
        now,
      )
    const byItem = new Map(items.map((item, i) => [item, newIds[i]!]))
    return {
      ids: all.map((item) => byItem.get(item) ?? known.get(originKey(item.origin!))!.targetId),
      created: items.length,
      updated: changed.length,
      skipped: all.length - items.length - changed.length,
    }
  })
}

function originKey(origin: ImportOrigin): string {
  return `${origin.source}\n${origin.id}`
}

/** Articles of the batch an earlier import already wrote, by origin, with their digests. */
async function knownOrigins(
  tx: Kernel,
  items: ImportedArticle[],
): Promise<Map<string, { targetId: number; fingerprint: string | null }>> {
  const found = new Map<string, { targetId: number; fingerprint: string | null }>()
  const bySource = new Map<string, string[]>()
  for (const { origin } of items)
    if (origin) bySource.set(origin.source, [...(bySource.get(origin.source) ?? []), origin.id])
  for (const [source, ids] of bySource)
    for (const [id, target] of await findImportFingerprints(tx, source, 'article', ids))
      found.set(originKey({ source, id }), target)
  return found
}

/** Rewrite articles whose source changed: row, links and a revision each; digests recorded. */
async function updateBatch(
  tx: Kernel,
  actor: Actor,
  updates: { item: ImportedArticle; id: number }[],
  now: number,
): Promise<void> {
  const sections = await listCategories(tx.db)
  const known = new Set(sections.map((s) => s.id))
  const tagIds = await resolveAllTags(
    tx,
    updates.map((u) => u.item),
  )
  for (const { item, id } of updates) {
    const current = await findArticleVersion(tx.db, id)
    if (current === undefined) continue
    const { row } = prepare(item, now)
    const { slug: _slug, created_at: _created, ...fields } = row
    const version = current + 1
    await updateArticleIfVersion(tx.db, id, current, { ...fields, body_doc: null })
    const chosen = unique(
      [item.primaryCategoryId, ...(item.categoryIds ?? [])].filter(
        (c): c is number => c !== null && known.has(c),
      ),
    )
    const inherited = unique(chosen.flatMap((c) => ancestorIds(sections, c))).filter(
      (c) => !chosen.includes(c),
    )
    await replaceArticleLinks(
      tx.db,
      id,
      {
        categories: [
          ...chosen.map((c) => ({ id: c, inherited: false })),
          ...inherited.map((c) => ({ id: c, inherited: true })),
        ],
        tagIds: unique([
          ...(item.tags ?? []).flatMap((t) => tagIds.get(t) ?? []),
          ...(item.tagIds ?? []),
        ]),
        authorIds: unique(item.authorIds),
      },
      row.status === 'published' ? (row.published_at ?? null) : null,
    )
    await insertRevision(
      tx.db,
      id,
      version,
      {
        title: row.title,
        standfirst: row.standfirst ?? '',
        bodyHtml: row.body_html ?? '',
        bodyDoc: null,
      },
      row.author_id ?? null,
      now,
    )
  }
  await recordOrigins(
    tx,
    updates.map((u) => u.item),
    updates.map((u) => u.id),
  )
  const ids = updates.map((u) => u.id)
  await recordAudit(tx, actor, {
    action: 'article.import',
    subjectType: 'article',
    details: { updated: ids.length, first: ids[0], last: ids[ids.length - 1] },
  })
  tx.events.emit({ type: 'articles.imported', articleIds: ids })
}

async function insertBatch(
  tx: Kernel,
  actor: Actor,
  items: ImportedArticle[],
  now: number,
  options: ImportArticlesOptions,
): Promise<number[]> {
  const prepared = items.map((item) => prepare(item, now))
  {
    const sections = await listCategories(tx.db)
    const known = new Set(sections.map((s) => s.id))
    const slugs = await uniqueSlugs(
      tx,
      prepared.map((p) => p.row.slug),
    )
    const rows = prepared.map((p, i) => ({ ...p.row, slug: slugs[i]! }))
    const ids = await insertArticles(tx.db, rows)
    const links: Parameters<typeof insertArticleLinks>[1] = {
      categories: [],
      tags: [],
      authors: [],
    }
    const tagIds = await resolveAllTags(tx, items)
    for (const [i, item] of items.entries()) {
      const articleId = ids[i]!
      const listedAt = rows[i]!.status === 'published' ? (rows[i]!.published_at ?? null) : null
      const chosen = unique(
        [item.primaryCategoryId, ...(item.categoryIds ?? [])].filter(
          (id): id is number => id !== null && known.has(id),
        ),
      )
      const inherited = unique(chosen.flatMap((id) => ancestorIds(sections, id))).filter(
        (id) => !chosen.includes(id),
      )
      for (const [position, id] of [...chosen, ...inherited].entries())
        links.categories.push({
          article_id: articleId,
          category_id: id,
          position,
          inherited: position < chosen.length ? 0 : 1,
          listed_at: listedAt,
        })
      for (const [position, tagId] of unique([
        ...(item.tags ?? []).map((t) => tagIds.get(t)),
        ...(item.tagIds ?? []),
      ]).entries())
        if (tagId !== undefined)
          links.tags.push({ article_id: articleId, tag_id: tagId, position, listed_at: listedAt })
      for (const [position, userId] of unique(item.authorIds).entries())
        links.authors.push({
          article_id: articleId,
          user_id: userId,
          position,
          listed_at: listedAt,
        })
    }
    await insertArticleLinks(tx.db, links)
    await insertFirstRevisions(
      tx.db,
      rows.map((row, i) => ({
        articleId: ids[i]!,
        title: row.title,
        standfirst: row.standfirst ?? '',
        bodyHtml: row.body_html ?? '',
        authorId: row.author_id ?? null,
        createdAt: row.created_at,
      })),
    )
    await recordOrigins(tx, items, ids)
    await redirectOldPaths(tx, items, rows, options.timeZone, now)
    await recordAudit(tx, actor, {
      action: 'article.import',
      subjectType: 'article',
      details: { count: ids.length, first: ids[0], last: ids[ids.length - 1] },
    })
    tx.events.emit({ type: 'articles.imported', articleIds: ids })
    return ids
  }
}

async function recordOrigins(tx: Kernel, items: ImportedArticle[], ids: number[]): Promise<void> {
  const bySource = new Map<string, [string, number, string?][]>()
  for (const [i, { origin, fingerprint }] of items.entries())
    if (origin)
      bySource.set(origin.source, [
        ...(bySource.get(origin.source) ?? []),
        [origin.id, ids[i]!, fingerprint],
      ])
  for (const [source, pairs] of bySource) await recordImportKeys(tx, source, 'article', pairs)
}

async function redirectOldPaths(
  tx: Kernel,
  items: ImportedArticle[],
  rows: NewArticleRow[],
  timeZone: string | undefined,
  now: number,
): Promise<void> {
  const pairs: { from: string; to: string }[] = []
  for (const [i, item] of items.entries()) {
    const row = rows[i]!
    const to = articlePath(
      { slug: row.slug, publishedAt: row.published_at ? new Date(row.published_at) : null },
      timeZone,
    )
    for (const from of item.oldPaths ?? [])
      if (from.startsWith('/') && from.length <= 500) pairs.push({ from, to })
  }
  await insertRedirectsIfAbsent(tx.db, pairs, now)
}

function prepare(item: ImportedArticle, now: number): { row: NewArticleRow } {
  const title = item.title.trim().slice(0, 300) || 'Untitled'
  const body = sanitizeBody(item.bodyHtml)
  // The body's text once, for the word count and (when needed) the excerpt.
  const text = htmlToText(body)
  const words = countTextWords(text)
  const standfirst = (item.standfirst ?? '').trim()
  const publishedAt = item.publishedAt?.getTime() ?? null
  const createdAt = item.createdAt?.getTime() ?? publishedAt ?? now
  const url = (item.canonicalUrl ?? '').trim()
  return {
    row: {
      title,
      slug: slugify(item.slug || title) || 'story',
      standfirst,
      body_html: body,
      excerpt: makeExcerpt(item.excerpt?.trim() || standfirst || text),
      status: item.status,
      published_at: publishedAt,
      created_at: createdAt,
      updated_at: item.updatedAt?.getTime() ?? createdAt,
      author_id: item.authorIds[0] ?? null,
      primary_category_id: item.primaryCategoryId,
      featured_media_id: item.featuredMediaId ?? null,
      featured_alt: item.featuredAlt ?? '',
      featured_caption: item.featuredCaption ?? '',
      featured_credit: item.featuredCredit ?? '',
      is_editors_pick: item.isEditorsPick ? 1 : 0,
      is_featured: item.isFeatured ? 1 : 0,
      allow_comments: item.allowComments === false ? 0 : 1,
      seo_title: item.seoTitle ?? '',
      seo_description: item.seoDescription ?? '',
      canonical_url: /^https?:\/\/\S+$/i.test(url) ? url : '',
      word_count: words,
      reading_minutes: readingMinutes(words),
    },
  }
}

/** Each wanted slug, or the first free `slug-N` after it (free in the table and the batch). */
async function uniqueSlugs(tx: Kernel, wanted: string[]): Promise<string[]> {
  const taken = await listTakenArticleSlugs(tx.db, unique(wanted))
  const out: string[] = []
  for (const slug of wanted) {
    let candidate = slug
    for (let n = 2; taken.has(candidate); n++) {
      candidate = `${slug}-${n}`
      if (!taken.has(candidate) && (await listTakenArticleSlugs(tx.db, [candidate])).size > 0)
        taken.add(candidate)
    }
    taken.add(candidate)
    out.push(candidate)
  }
  return out
}

/** Every tag name of the batch to its tag id (created when missing). */
async function resolveAllTags(tx: Kernel, items: ImportedArticle[]): Promise<Map<string, number>> {
  const map = new Map<string, number>()
  for (const name of unique(items.flatMap((item) => item.tags ?? []))) {
    // No events: an import announces its tags to nobody (no webhooks fire for imports).
    const [id] = await resolveTagNames({ db: tx.db, clock: tx.clock }, [name])
    if (id !== undefined) map.set(name, id)
  }
  return map
}

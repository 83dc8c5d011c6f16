/**
 * Article use cases: write, save, move through the workflow. Plain functions over
 * `{db, clock}`; every save keeps a revision and bumps the version.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/database.js'
import { AppError, validationError } from '../errors.js'
import type { ArticleRefs, EventSink } from '../events.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import { canTransition, type Article, type ArticleStatus } from './article.js'
import {
  findArticleById,
  insertArticle,
  isArticleSlugTaken,
  listDueScheduledIds,
  replaceArticleLinks,
  setListedAt,
  updateArticleIfVersion,
} from './article.repository.js'
import type { ArticleUpdate } from './article.table.js'
import { sanitizeBody } from './body-html.js'
import { countWords, htmlToText, makeExcerpt, readingMinutes } from './reading-time.js'
import { insertRevision } from './revision.repository.js'
import { ancestorIds, resolveTagNames } from './taxonomy.service.js'
import { listCategories } from './taxonomy.repository.js'
import { insertRedirectIfAbsent } from './redirect.repository.js'
import { articlePath } from './article.js'

export interface ContentDeps {
  db: Kysely<Database>
  clock: Clock
  /** Where to announce changes (cache purge, search index). Optional for scripts and tests. */
  events?: EventSink
}

export interface ArticleInput {
  title: string
  slug?: string
  standfirst?: string
  bodyHtml?: string
  bodyDoc?: unknown
  primaryCategoryId?: number | null
  categoryIds?: number[]
  tags?: string[]
  authorIds?: number[]
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
}

const MAX_TITLE = 300

/** Create a draft article. `authorId` is the writer; co-authors come in `authorIds`. */
export async function createArticle(
  deps: ContentDeps,
  authorId: number | null,
  input: ArticleInput,
): Promise<Article> {
  const fields = await prepareFields(deps, input, undefined)
  const now = deps.clock.now().getTime()
  const id = await insertArticle(deps.db, {
    ...fields.row,
    title: fields.row.title ?? '',
    slug: fields.row.slug ?? '',
    author_id: authorId,
    status: 'draft',
    published_at: null,
    created_at: now,
    updated_at: now,
  })
  const authorIds = unique([...(authorId === null ? [] : [authorId]), ...(input.authorIds ?? [])])
  await replaceArticleLinks(deps.db, id, { ...fields.links, authorIds }, null)
  await insertRevision(deps.db, id, 1, fields.revision, authorId, now)
  return announce(deps, null, await mustFind(deps, id))
}

/**
 * Save changes to an article. With `expectedVersion`, a save based on an older version is
 * refused with VERSION_CONFLICT instead of silently overwriting someone else's words.
 */
export async function updateArticle(
  deps: ContentDeps,
  id: number,
  input: Partial<ArticleInput>,
  options: { expectedVersion?: number; editorId?: number | null } = {},
): Promise<Article> {
  const current = await mustFind(deps, id)
  const expected = options.expectedVersion ?? current.version
  const fields = await prepareFields(deps, input, current)
  const now = deps.clock.now().getTime()
  const saved = await updateArticleIfVersion(deps.db, id, expected, {
    ...fields.row,
    updated_at: now,
  })
  if (!saved) {
    throw new AppError(
      'VERSION_CONFLICT',
      `this article was changed by someone else (you edited version ${expected}, it is now version ${current.version})`,
      { property: 'version' },
    )
  }
  const listedAt = current.status === 'published' ? (current.publishedAt?.getTime() ?? null) : null
  if (input.categoryIds || input.primaryCategoryId !== undefined || input.tags || input.authorIds) {
    const authorIds = input.authorIds ?? current.authors.map((a) => a.id)
    await replaceArticleLinks(deps.db, id, { ...fields.links, authorIds }, listedAt)
  }
  if (fields.row.slug && fields.row.slug !== current.slug && current.status === 'published') {
    const from = articlePath(current)
    await insertRedirectIfAbsent(
      deps.db,
      from,
      articlePath({ ...current, slug: fields.row.slug }),
      now,
    )
  }
  await insertRevision(deps.db, id, expected + 1, fields.revision, options.editorId ?? null, now)
  return announce(deps, current, await mustFind(deps, id))
}

/** Draft → pending: the writer asks an editor to review. */
export function submitForReview(deps: ContentDeps, id: number): Promise<Article> {
  return transition(deps, id, 'pending', () => ({}))
}

/** Publish now. A previously published article keeps its original publication time. */
export function publishArticle(deps: ContentDeps, id: number): Promise<Article> {
  const now = deps.clock.now().getTime()
  return transition(deps, id, 'published', (current) => ({
    published_at:
      current.status !== 'scheduled' && current.publishedAt && current.publishedAt.getTime() <= now
        ? current.publishedAt.getTime()
        : now,
  }))
}

/** Publish at a future time. The job runner calls `publishDueArticles` every minute. */
export async function scheduleArticle(deps: ContentDeps, id: number, at: Date): Promise<Article> {
  if (Number.isNaN(at.getTime()))
    throw validationError('publishAt', 'publish time is not a valid date')
  if (at.getTime() <= deps.clock.now().getTime()) {
    throw validationError('publishAt', 'scheduled time must be in the future')
  }
  return transition(deps, id, 'scheduled', () => ({ published_at: at.getTime() }))
}

/** Take an article off the site; it becomes a draft again (keeping its publication date). */
export function unpublishArticle(deps: ContentDeps, id: number): Promise<Article> {
  return transition(deps, id, 'draft', () => ({}))
}

/** Remove an article from the site for good: its URL answers 410 Gone. */
export function archiveArticle(deps: ContentDeps, id: number): Promise<Article> {
  return transition(deps, id, 'archived', () => ({}))
}

/**
 * Publish every scheduled article whose time has come, oldest first. Safe to call from several
 * processes at once: each article flips from scheduled to published in one guarded update.
 */
export async function publishDueArticles(deps: ContentDeps): Promise<number[]> {
  const now = deps.clock.now().getTime()
  const ids = await listDueScheduledIds(deps.db, now, 500)
  const published: number[] = []
  for (const id of ids) {
    const article = await findArticleById(deps.db, id)
    if (!article || article.status !== 'scheduled') continue
    const ok = await updateArticleIfVersion(deps.db, id, article.version, {
      status: 'published',
      updated_at: now,
    })
    if (!ok) continue
    await setListedAt(deps.db, id, article.publishedAt?.getTime() ?? now)
    announce(deps, article, await mustFind(deps, id))
    published.push(id)
  }
  return published
}

async function transition(
  deps: ContentDeps,
  id: number,
  to: ArticleStatus,
  extra: (current: Article) => ArticleUpdate,
): Promise<Article> {
  const current = await mustFind(deps, id)
  if (!canTransition(current.status, to)) {
    throw new AppError('INVALID_TRANSITION', `a ${current.status} article cannot become ${to}`, {
      property: 'status',
    })
  }
  const update: ArticleUpdate = {
    status: to,
    updated_at: deps.clock.now().getTime(),
    ...extra(current),
  }
  const ok = await updateArticleIfVersion(deps.db, id, current.version, update)
  if (!ok)
    throw new AppError(
      'VERSION_CONFLICT',
      'this article was changed by someone else; reload and try again',
    )
  const publishedAt = update.published_at ?? current.publishedAt?.getTime() ?? null
  await setListedAt(deps.db, id, to === 'published' ? publishedAt : null)
  return announce(deps, current, await mustFind(deps, id))
}

/** Tell listeners what the article was linked to before and after a change; returns `after`. */
function announce(deps: ContentDeps, before: Article | null, after: Article): Article {
  deps.events?.emit({
    type: 'article.changed',
    articleId: after.id,
    before: before && refsOf(before),
    after: refsOf(after),
  })
  return after
}

function refsOf(article: Article): ArticleRefs {
  return {
    id: article.id,
    slug: article.slug,
    status: article.status,
    publishedAt: article.publishedAt,
    categorySlugs: article.sectionSlugs,
    tagSlugs: article.tags.map((t) => t.slug),
    authorIds: article.authors.map((a) => a.id),
  }
}

async function mustFind(deps: ContentDeps, id: number): Promise<Article> {
  const article = await findArticleById(deps.db, id)
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', `article ${id} does not exist`)
  return article
}

interface PreparedFields {
  row: ArticleUpdate
  links: { categories: { id: number; inherited: boolean }[]; tagIds: number[] }
  revision: { title: string; standfirst: string; bodyHtml: string; bodyDoc: string | null }
}

async function prepareFields(
  deps: ContentDeps,
  input: Partial<ArticleInput>,
  current: Article | undefined,
): Promise<PreparedFields> {
  const row: ArticleUpdate = {}
  const title = input.title !== undefined ? input.title.trim() : current?.title
  if (!title) throw validationError('title', 'headline is required')
  if (title.length > MAX_TITLE)
    throw validationError('title', `headline must be at most ${MAX_TITLE} characters`)
  if (input.title !== undefined) row.title = title

  if (input.slug !== undefined || !current) {
    const wanted =
      input.slug !== undefined && input.slug.trim() !== '' ? slugify(input.slug) : slugify(title)
    if (input.slug && !wanted) throw validationError('slug', 'slug must contain letters or digits')
    row.slug = await uniqueSlug(
      wanted,
      (s) => isArticleSlugTaken(deps.db, s, current?.id),
      'article',
    )
  }
  if (input.standfirst !== undefined) row.standfirst = input.standfirst.trim()
  if (input.bodyHtml !== undefined) {
    const body = sanitizeBody(input.bodyHtml)
    const words = countWords(body)
    row.body_html = body
    row.word_count = words
    row.reading_minutes = readingMinutes(words)
  }
  if (input.bodyDoc !== undefined)
    row.body_doc = input.bodyDoc === null ? null : JSON.stringify(input.bodyDoc)
  const standfirst = row.standfirst ?? current?.standfirst ?? ''
  if (row.standfirst !== undefined || row.body_html !== undefined) {
    row.excerpt = makeExcerpt(standfirst || htmlToText(row.body_html ?? current?.bodyHtml ?? ''))
  }
  copyOptional(row, input)

  const categories = await resolveCategories(deps, input, current)
  const tagIds = input.tags
    ? await resolveTagNames(deps, input.tags)
    : (current?.tags.map((t) => t.id) ?? [])
  if (input.primaryCategoryId !== undefined || input.categoryIds) {
    row.primary_category_id = categories.find((c) => !c.inherited)?.id ?? null
  }
  return {
    row,
    links: { categories, tagIds },
    revision: {
      title,
      standfirst,
      bodyHtml: row.body_html ?? current?.bodyHtml ?? '',
      bodyDoc:
        row.body_doc !== undefined
          ? row.body_doc
          : current?.bodyDoc
            ? JSON.stringify(current.bodyDoc)
            : null,
    },
  }
}

function copyOptional(row: ArticleUpdate, input: Partial<ArticleInput>): void {
  if (input.featuredMediaId !== undefined) row.featured_media_id = input.featuredMediaId
  if (input.featuredAlt !== undefined) row.featured_alt = input.featuredAlt.trim()
  if (input.featuredCaption !== undefined) row.featured_caption = input.featuredCaption.trim()
  if (input.featuredCredit !== undefined) row.featured_credit = input.featuredCredit.trim()
  if (input.isEditorsPick !== undefined) row.is_editors_pick = input.isEditorsPick ? 1 : 0
  if (input.isFeatured !== undefined) row.is_featured = input.isFeatured ? 1 : 0
  if (input.allowComments !== undefined) row.allow_comments = input.allowComments ? 1 : 0
  if (input.seoTitle !== undefined) row.seo_title = input.seoTitle.trim()
  if (input.seoDescription !== undefined) row.seo_description = input.seoDescription.trim()
  if (input.canonicalUrl !== undefined) {
    const url = input.canonicalUrl.trim()
    if (url && !/^https?:\/\/[^\s]+$/i.test(url))
      throw validationError('canonicalUrl', 'canonical URL must be an http(s) URL')
    row.canonical_url = url
  }
}

/** Chosen sections (primary first) plus every ancestor, marked inherited, so parent sections list them. */
async function resolveCategories(
  deps: ContentDeps,
  input: Partial<ArticleInput>,
  current: Article | undefined,
): Promise<{ id: number; inherited: boolean }[]> {
  const primary =
    input.primaryCategoryId !== undefined
      ? input.primaryCategoryId
      : (current?.category?.id ?? null)
  // Without an explicit list, the extra sections stay and the old primary gives way to the new.
  const extra =
    input.categoryIds ??
    current?.categories.filter((c) => c.id !== current.category?.id).map((c) => c.id) ??
    []
  const chosen = unique([...(primary === null ? [] : [primary]), ...extra])
  if (chosen.length === 0) return []
  const all = await listCategories(deps.db)
  const known = new Set(all.map((c) => c.id))
  for (const id of chosen) {
    if (!known.has(id))
      throw new AppError('CATEGORY_NOT_FOUND', `section ${id} does not exist`, {
        property: 'categoryIds',
      })
  }
  const inherited = unique(chosen.flatMap((id) => ancestorIds(all, id))).filter(
    (id) => !chosen.includes(id),
  )
  return [
    ...chosen.map((id) => ({ id, inherited: false })),
    ...inherited.map((id) => ({ id, inherited: true })),
  ]
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

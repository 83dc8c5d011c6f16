/**
 * From what an editor, an API client or an importer sends (`ArticleInput`) to the article's row,
 * its links and its revision: validation, slugs, sanitizing, word counts, excerpts, sections
 * with their ancestors and tags by name. Runs inside the caller's transaction.
 */
import type { Kernel } from '../kernel.js'
import { AppError, validationError } from '../errors.js'
import { cleanLine, cleanText } from '../text/clean-text.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import type { Article } from './article.js'
import { isArticleSlugTaken } from './article.repository.js'
import type { ArticleUpdate } from './article.table.js'
import { sanitizeBody } from './body-html.js'
import { countWords, htmlToText, makeExcerpt, readingMinutes } from './reading-time.js'
import { listCategories } from './taxonomy.repository.js'
import { ancestorIds, resolveTagNames } from './taxonomy.service.js'

/** An article's fields as a writer gives them. Absent fields keep their stored value. */
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

export interface PreparedFields {
  row: ArticleUpdate
  /** Whether the sections, tags or authors were given (and so are to be replaced). */
  linksGiven: boolean
  links: { categories: { id: number; inherited: boolean }[]; tagIds: number[] }
  revision: { title: string; standfirst: string; bodyHtml: string; bodyDoc: string | null }
}

/** Validate and shape `input` against the stored article (`current`, absent for a new one). */
export async function prepareFields(
  deps: Pick<Kernel, 'db' | 'clock'> & Partial<Pick<Kernel, 'events'>>,
  input: Partial<ArticleInput>,
  current: Article | undefined,
): Promise<PreparedFields> {
  const row: ArticleUpdate = {}
  // Titles are one line without control or bidi-override characters (NUL breaks PostgreSQL).
  const title = input.title !== undefined ? cleanLine(input.title).trim() : current?.title
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
  if (input.standfirst !== undefined) row.standfirst = cleanText(input.standfirst).trim()
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
    linksGiven:
      input.categoryIds !== undefined ||
      input.primaryCategoryId !== undefined ||
      input.tags !== undefined ||
      input.authorIds !== undefined,
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
  if (input.featuredAlt !== undefined) row.featured_alt = cleanLine(input.featuredAlt).trim()
  if (input.featuredCaption !== undefined)
    row.featured_caption = cleanText(input.featuredCaption).trim()
  if (input.featuredCredit !== undefined)
    row.featured_credit = cleanLine(input.featuredCredit).trim()
  if (input.isEditorsPick !== undefined) row.is_editors_pick = input.isEditorsPick ? 1 : 0
  if (input.isFeatured !== undefined) row.is_featured = input.isFeatured ? 1 : 0
  if (input.allowComments !== undefined) row.allow_comments = input.allowComments ? 1 : 0
  if (input.seoTitle !== undefined) row.seo_title = cleanLine(input.seoTitle).trim()
  if (input.seoDescription !== undefined)
    row.seo_description = cleanText(input.seoDescription).trim()
  if (input.canonicalUrl !== undefined) {
    const url = input.canonicalUrl.trim()
    if (url && !/^https?:\/\/[^\s]+$/i.test(url))
      throw validationError('canonicalUrl', 'canonical URL must be an http(s) URL')
    row.canonical_url = url
  }
}

/** Chosen sections (primary first) plus every ancestor, marked inherited, so parent sections list them. */
async function resolveCategories(
  deps: Pick<Kernel, 'db'>,
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

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

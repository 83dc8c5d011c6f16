/**
 * Search use cases: keep the readers' index in step with published articles and the
 * newsroom's with every story, and answer readers.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import {
  findArticle,
  findArticleSummaries,
  findCategoryBySlug,
  htmlToLines,
  listIndexableArticles,
  listStoryTexts,
  type ArticleSummary,
  type DomainEvent,
  type IndexableArticle,
  type StoryText,
} from '../content/index.js'
import type { Database } from '../db/database.js'
import { AppError } from '../errors.js'
import type { SearchDocument, SearchIndex, SearchRequest } from './search-index.js'
import {
  isEmptyQuery,
  parseSearchQuery,
  WHOLE_WORDS_ENOUGH,
  type ParsedQuery,
  type SnippetPart,
} from './search-query.js'

export interface SearchDeps {
  db: Kysely<Database>
  clock: Clock
  index: SearchIndex
}

/** Put an article in the index when readers can see it, take it out otherwise. */
export async function indexArticle(
  deps: SearchDeps,
  articleId: number,
): Promise<'indexed' | 'removed'> {
  const article = await findArticle(deps, articleId)
  // Scheduled stories are indexed when they go live (the scheduler announces it).
  if (!article || article.status !== 'published') {
    await deps.index.remove(articleId)
    return 'removed'
  }
  await deps.index.upsert({
    articleId,
    title: article.title,
    standfirst: article.standfirst,
    body: htmlToLines(article.bodyHtml),
    tags: article.tags.map((t) => t.name).join(' '),
    authors: article.authors.map((a) => a.name).join(' '),
    publishedAt: article.publishedAt?.getTime() ?? 0,
  })
  return 'indexed'
}

/** Put a story in the newsroom's index (any status), or take it out once it is deleted. */
export async function indexStory(deps: SearchDeps, articleId: number): Promise<void> {
  const [story] = await listStoryTexts(deps, { ids: [articleId] })
  if (story) await deps.index.upsertStory(storyDocument(story))
  else await deps.index.removeStory(articleId)
}

/** `known`: the lines of this body made already (when its HTML is the same). */
function searchDocument(
  a: IndexableArticle,
  known?: { html: string; body: string },
): SearchDocument {
  return {
    articleId: a.id,
    title: a.title,
    standfirst: a.standfirst,
    body: known && known.html === a.bodyHtml ? known.body : htmlToLines(a.bodyHtml),
    tags: a.tagNames.join(' '),
    authors: a.authorNames.join(' '),
    publishedAt: a.publishedAt,
  }
}

function storyDocument(story: StoryText) {
  return {
    articleId: story.id,
    title: story.title,
    standfirst: story.standfirst,
    body: htmlToLines(story.bodyHtml),
  }
}

/**
 * Rebuild both indexes from the archive in batches: the newsroom's from every story, the
 * readers' from the published ones. Returns how many the readers' index holds.
 */
export async function reindexAll(
  deps: SearchDeps,
  onProgress?: (done: number) => void,
): Promise<number> {
  await deps.index.clearStories()
  for (let afterId = 0; ;) {
    const batch = await listStoryTexts(deps, { afterId, limit: 500 })
    if (batch.length === 0) break
    await deps.index.insertStories(batch.map(storyDocument))
    afterId = batch[batch.length - 1]?.id ?? afterId
  }
  await deps.index.clear()
  let afterId = 0
  let done = 0
  for (;;) {
    const batch = await listIndexableArticles(deps, { afterId, limit: 500 })
    if (batch.length === 0) return done
    await deps.index.insertMany(batch.map((a) => searchDocument(a)))
    done += batch.length
    afterId = batch[batch.length - 1]?.id ?? afterId
    onProgress?.(done)
  }
}

/**
 * An event listener that follows every write: the newsroom's index takes every story created,
 * saved, moved or deleted; the readers' every publish, update, unpublish and archive.
 */
export function searchIndexListener(deps: SearchDeps): (event: DomainEvent) => Promise<void> {
  return async (event) => {
    if (event.type === 'articles.imported') {
      for (let i = 0; i < event.articleIds.length; i += 500) {
        const ids = event.articleIds.slice(i, i + 500)
        const stories = await listStoryTexts(deps, { ids })
        const docs = stories.map(storyDocument)
        await deps.index.insertStories(docs)
        // The readers' index: published ones in (replacing), the others out, a batch per commit.
        // Their text was just made for the newsroom's: each body is turned to lines once.
        const lines = new Map(
          stories.map((s, n) => [s.id, { html: s.bodyHtml, body: docs[n]!.body }]),
        )
        const published = await listIndexableArticles(deps, { ids })
        const listed = new Set(published.map((a) => a.id))
        await deps.index.replaceMany(
          published.map((a) => searchDocument(a, lines.get(a.id))),
          ids.filter((id) => !listed.has(id)),
        )
      }
      return
    }
    if (event.type !== 'article.changed') return
    if (event.after?.status === 'published' || event.before?.status === 'published')
      await indexArticle(deps, event.articleId)
    await indexStory(deps, event.articleId)
  }
}

export interface SearchInput {
  q: string
  section?: string
  /** ISO dates (YYYY-MM-DD), inclusive, in UTC. */
  from?: string
  to?: string
  sort?: 'relevance' | 'date'
  page?: number
  perPage?: number
}

export interface SearchResults {
  query: ParsedQuery
  items: { article: ArticleSummary; snippet: SnippetPart[] }[]
  total: number
  /** More stories matched than were ranked (`total` is then the number ranked). */
  capped: boolean
  page: number
  perPage: number
  totalPages: number
}

/** Answer a reader's search. Any text is safe: unusable input gives an empty result. */
export async function searchArticles(deps: SearchDeps, input: SearchInput): Promise<SearchResults> {
  const query = parseSearchQuery(input.q)
  const page = input.page ?? 1
  const perPage = input.perPage ?? 10
  if (!Number.isInteger(page) || page < 1 || page > 1000)
    throw new AppError('VALIDATION_FAILED', 'page must be 1 to 1000', { property: 'page' })
  const empty: SearchResults = {
    query,
    items: [],
    total: 0,
    capped: false,
    page,
    perPage,
    totalPages: 1,
  }
  if (isEmptyQuery(query)) return empty
  let categoryIds: number[] | undefined
  if (input.section) {
    const category = await findCategoryBySlug(deps, input.section)
    if (!category) return empty
    categoryIds = [category.id]
  }
  const request: SearchRequest = {
    query: { ...query, exact: true },
    categoryIds,
    from: parseDay(input.from, 'from', 0),
    to: parseDay(input.to, 'to', 86_399_999),
    sort: input.sort === 'date' ? 'date' : 'relevance',
    offset: (page - 1) * perPage,
    limit: perPage,
  }
  // Whole words first (stemmed: "elections" finds "election"), then prefixes if they find
  // little (see WHOLE_WORDS_ENOUGH).
  let answer = await deps.index.search(request)
  if (query.terms.length > 0 && !answer.capped && answer.total < WHOLE_WORDS_ENOUGH)
    answer = await deps.index.search({ ...request, query })
  const { hits, total, capped = false } = answer
  const summaries = await findArticleSummaries(
    deps,
    hits.map((h) => h.articleId),
  )
  const byId = new Map(summaries.map((s) => [s.id, s]))
  const items = hits.flatMap((hit) => {
    const article = byId.get(hit.articleId)
    return article ? [{ article, snippet: hit.snippet }] : []
  })
  return {
    query,
    items,
    total,
    capped,
    page,
    perPage,
    totalPages: Math.max(1, Math.ceil(total / perPage)),
  }
}

/** Up to five headlines for as-you-type suggestions. */
export async function suggestHeadlines(
  deps: SearchDeps,
  q: string,
): Promise<{ title: string; articleId: number }[]> {
  const results = await searchArticles(deps, { q, perPage: 5 })
  return results.items.map((item) => ({ title: item.article.title, articleId: item.article.id }))
}

function parseDay(
  value: string | undefined,
  property: string,
  offsetMs: number,
): number | undefined {
  if (!value) return undefined
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const time = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : Number.NaN
  if (Number.isNaN(time))
    throw new AppError('VALIDATION_FAILED', `${property} must be a date like 2026-05-01`, {
      property,
    })
  return time + offsetMs
}

/**
 * Read models for the platform APIs: published stories under a client's filter, order and page
 * (loaded a batch at a time, so `limit=all` never holds every story at once), static pages,
 * sections and tags together, and the people who write.
 */
import { validationError } from '../errors.js'
import type { CategoryRef, TagRef } from './article.js'
import type { ApiPostQuery } from './api-query.js'
import {
  countApiPosts,
  findApiOwner,
  findApiPostLinks,
  findApiPostRows,
  findOwnerId,
  listApiPages,
  listApiPeople,
  listApiPostIds,
  listApiTagRows,
  type ApiPageRow,
  type ApiPerson,
  type ApiPostRow,
  type ApiTagRow,
} from './api-query.repository.js'
import type { ContentDeps } from './content-deps.js'

export type { ApiPageRow, ApiPerson, ApiPostRow, ApiTagRow }

/** A published story with everything an API post shows. */
export interface ApiPost extends ApiPostRow {
  /** Chosen sections, first the primary one. */
  sections: CategoryRef[]
  tags: TagRef[]
  /** Bylines in order; the site's owner when the story has none. */
  authors: ApiPerson[]
}

/**
 * Keeps a count under `key` until a write anywhere drops it (the page cache's purge), so a
 * browse of a large archive does not count it on every request.
 */
export type RememberTotal = (key: string, count: () => Promise<number>) => Promise<number>

/** Stories are loaded this many at a time. */
const BATCH = 200

/**
 * Published stories matching `query`: how many match, and the page asked for in batches.
 * @example
 * const { total, batches } = await browseApiPosts(deps, { filter: { field: 'tags.slug', op: 'eq', value: 'world' }, limit: 15, page: 1 })
 * for await (const posts of batches) send(posts)
 */
export async function browseApiPosts(
  deps: ContentDeps,
  query: ApiPostQuery,
  options: { rememberTotal?: RememberTotal } = {},
): Promise<{ total: number; batches: AsyncIterable<ApiPost[]> }> {
  const { total, ids } = await pageApiPostIds(deps, query, options)
  return { total, batches: loadApiPostBatches(deps, ids) }
}

/**
 * How many published stories match `query`, and the ids of the page asked for, in order: for a
 * caller that already holds some of those posts (see `loadApiPostBatches`).
 */
export async function pageApiPostIds(
  deps: ContentDeps,
  query: ApiPostQuery,
  options: { rememberTotal?: RememberTotal } = {},
): Promise<{ total: number; ids: number[] }> {
  if (query.page < 1 || (query.limit !== 'all' && query.limit < 1))
    throw validationError('limit', 'limit and page must be positive')
  const now = deps.clock.now().getTime()
  const count = () => countApiPosts(deps.db, now, query.filter, query.audience)
  // Counting a filter's matches reads an index range (100,000 entries for every published
  // story): readers' totals are kept until the next write, as the reader site's list totals are.
  const total =
    options.rememberTotal && (query.audience ?? 'readers') === 'readers'
      ? await options.rememberTotal(`api-posts:${JSON.stringify(query.filter ?? null)}`, count)
      : await count()
  const all = query.limit === 'all'
  const limit = all ? total : (query.limit as number)
  const offset = all ? 0 : (query.page - 1) * limit
  const order = query.order ?? [{ field: 'published_at', direction: 'desc' }]
  const ids =
    limit === 0 || offset >= total
      ? []
      : await listApiPostIds(deps.db, now, {
          filter: query.filter,
          order,
          limit,
          offset,
          audience: query.audience,
          total,
        })
  return { total, ids }
}

/** The posts of `ids`, in that order, a batch at a time (an id whose story is gone is skipped). */
export async function* loadApiPostBatches(
  deps: ContentDeps,
  ids: number[],
): AsyncIterable<ApiPost[]> {
  for (let start = 0; start < ids.length; start += BATCH)
    yield loadApiPosts(deps, ids.slice(start, start + BATCH))
}

/** One published story by id or slug, or undefined. */
export async function findApiPost(
  deps: ContentDeps,
  by: { id: number } | { slug: string },
  audience: 'readers' | 'staff' = 'readers',
): Promise<ApiPost | undefined> {
  const filter =
    'id' in by
      ? ({ field: 'id', op: 'eq', value: by.id } as const)
      : ({ field: 'slug', op: 'eq', value: by.slug } as const)
  const { batches } = await browseApiPosts(deps, { filter, limit: 1, page: 1, audience })
  for await (const posts of batches) return posts[0]
  return undefined
}

/**
 * Four queries for any number of stories (rows, sections, tags, bylines; a fifth for the owner
 * only when a story has no byline), each compiled once: a page of 15 is the Content API's
 * commonest read, and building its queries afresh cost more than running them.
 */
async function loadApiPosts(deps: ContentDeps, ids: number[]): Promise<ApiPost[]> {
  const [rows, links] = await Promise.all([
    findApiPostRows(deps.db, ids),
    findApiPostLinks(deps.db, ids),
  ])
  let owner: Promise<ApiPerson | undefined> | undefined
  const posts: ApiPost[] = []
  for (const id of ids) {
    const row = rows.get(id)
    const link = links.get(id)
    if (!row || !link) continue
    const { sections, tags } = link
    let authors = link.authors
    if (authors.length === 0) {
      const found = await (owner ??= findApiOwner(deps.db))
      if (found) authors = [found]
    }
    const primary = sections.findIndex((s) => s.id === row.primaryCategoryId)
    if (primary > 0) sections.unshift(...sections.splice(primary, 1))
    // The row is this load's own: extended in place, as copying its fields into a new object
    // for every post was a quarter of the load's CPU.
    posts.push(Object.assign(row, { sections, tags, authors }))
  }
  return posts
}

/** Static pages (published ones, or all for staff), each with its byline (the owner when it has none). */
export async function listApiStaticPages(
  deps: ContentDeps,
  audience: 'readers' | 'staff' = 'readers',
): Promise<(ApiPageRow & { authors: ApiPerson[] })[]> {
  const [pages, ownerId] = await Promise.all([
    listApiPages(deps.db, audience),
    findOwnerId(deps.db),
  ])
  const ids = new Set<number>(ownerId === undefined ? [] : [ownerId])
  for (const page of pages) if (page.authorId !== null) ids.add(page.authorId)
  const people = await listApiPeople(deps.db, deps.clock.now().getTime(), {
    ids: [...ids],
    withPostsOnly: false,
    withCounts: false,
  })
  const byId = new Map(people.map((p) => [p.id, p]))
  return pages.map((page) => {
    const author = byId.get(page.authorId ?? -1) ?? byId.get(ownerId ?? -1)
    return { ...page, authors: author ? [author] : [] }
  })
}

/** Sections, then tags, each with its count of published stories. */
export function listApiTags(deps: ContentDeps): Promise<ApiTagRow[]> {
  return listApiTagRows(deps.db, deps.clock.now().getTime())
}

/** People with at least one published story, with their counts. Never their email. */
export function listApiAuthors(deps: ContentDeps): Promise<ApiPerson[]> {
  return listApiPeople(deps.db, deps.clock.now().getTime(), { withPostsOnly: true })
}

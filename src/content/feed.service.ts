/**
 * What feeds carry: the newest published stories of the whole site, one section, one tag or
 * one author, as whole articles. Ids come from the same indexes as the reader lists.
 */
import { findUserBySlug } from '../auth/user.repository.js'
import { listLinkedIds, listPublishedIds } from './article.repository.js'
import type { ContentDeps } from './content-deps.js'
import { findLatestArticleChange } from './archive.repository.js'
import { findFeedArticlesByIds, type FeedArticle } from './feed.repository.js'
import { findCategoryBySlug, findTagBySlug } from './taxonomy.repository.js'

/** Whose stories a feed carries. */
export type FeedScope = { kind: 'site' } | { kind: 'section' | 'tag' | 'author'; slug: string }

export interface FeedListing {
  scope: FeedScope
  /** The section's, tag's or author's name; empty for the whole site. */
  name: string
  description: string
  items: FeedArticle[]
  /**
   * The newest change to any article or item: moves forward when a story in the feed is edited
   * and when one leaves it (unpublishing bumps that story's updated time), so it is safe for
   * If-Modified-Since.
   */
  lastChangedAt: Date | null
}

const MAX_ITEMS = 100

/** The latest `limit` published stories in `scope`, or undefined when the scope does not exist. */
export async function listFeedArticles(
  deps: ContentDeps,
  scope: FeedScope,
  limit = 20,
): Promise<FeedListing | undefined> {
  const count = Math.min(Math.max(1, Math.floor(limit)), MAX_ITEMS)
  const now = deps.clock.now().getTime()
  const source = await findScope(deps, scope)
  if (!source) return undefined
  const ids =
    source.link === undefined
      ? await listPublishedIds(deps.db, now, 0, count, { count: false })
      : await listLinkedIds(deps.db, source.link.table, source.link.id, now, 0, count, {
          count: false,
        })
  const [items, latestChange] = await Promise.all([
    findFeedArticlesByIds(deps.db, ids.ids),
    findLatestArticleChange(deps.db),
  ])
  const newest = Math.max(latestChange ?? 0, ...items.map((i) => i.updatedAt.getTime()))
  return {
    scope,
    name: source.name,
    description: source.description,
    items,
    lastChangedAt: newest > 0 ? new Date(newest) : null,
  }
}

interface ScopeSource {
  name: string
  description: string
  link?: {
    table: 'article_categories' | 'article_tags' | 'article_authors'
    id: number
  }
}

async function findScope(deps: ContentDeps, scope: FeedScope): Promise<ScopeSource | undefined> {
  switch (scope.kind) {
    case 'site':
      return { name: '', description: '' }
    case 'section': {
      const category = await findCategoryBySlug(deps.db, scope.slug)
      return (
        category && {
          name: category.name,
          description: category.description,
          link: { table: 'article_categories', id: category.id },
        }
      )
    }
    case 'tag': {
      const tag = await findTagBySlug(deps.db, scope.slug)
      return (
        tag && {
          name: tag.name,
          description: tag.description,
          link: { table: 'article_tags', id: tag.id },
        }
      )
    }
    case 'author': {
      const user = await findUserBySlug(deps.db, scope.slug)
      return (
        user && {
          name: user.name,
          description: user.bio,
          link: { table: 'article_authors', id: user.id },
        }
      )
    }
  }
}

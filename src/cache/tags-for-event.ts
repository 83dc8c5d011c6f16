/**
 * @module tags-for-event
 * Which cache tags a domain event touched: the exact purge set for each kind of write.
 */
import type { ArticleRefs, DomainEvent } from '../events.js'
import { cacheTag } from './cache-tags.js'

/**
 * The tags to purge for one domain event. An article change purges the story and every list
 * that showed it before or shows it after; a change to an article nobody could read (draft →
 * draft, draft → scheduled) purges nothing.
 * @example tagsForEvent({ type: 'settings.changed', keys: ['title'] }) // ['settings']
 */
export function tagsForEvent(event: DomainEvent): string[] {
  switch (event.type) {
    case 'article.changed':
      return articleTags(event.articleId, event.before, event.after)
    case 'articles.imported':
      // Every page carries `settings`: an import may touch any list, so purge them all.
      return [cacheTag.settings]
    case 'comments.changed':
      return [cacheTag.article(event.articleId), cacheTag.home]
    case 'settings.changed':
      return [cacheTag.settings]
    case 'author.changed':
      return [cacheTag.author(event.userId)]
    case 'taxonomy.changed':
      return unique([cacheTag.menu, ...event.slugs.map(taxonomyTag(event.kind))])
    case 'integrations.changed':
      return [cacheTag.api]
    // Announced alongside `taxonomy.changed` / `comments.changed`, which carry the purge.
    case 'tag.changed':
    case 'page.changed':
    case 'comment.added':
    case 'subscriber.added':
    case 'job.queued':
      return []
  }
}

function articleTags(id: number, before: ArticleRefs | null, after: ArticleRefs | null): string[] {
  const visible = [before, after].filter((refs): refs is ArticleRefs => isReaderVisible(refs))
  if (visible.length === 0) return []
  // Both sides, even the unpublished one: a story moved out of a section leaves that list too.
  const sides = [before, after].filter((refs): refs is ArticleRefs => refs !== null)
  return unique([
    cacheTag.article(id),
    ...sides.flatMap((refs) => refs.categorySlugs.map(cacheTag.section)),
    ...sides.flatMap((refs) => refs.tagSlugs.map(cacheTag.tag)),
    ...sides.flatMap((refs) => refs.authorIds.map(cacheTag.author)),
    cacheTag.home,
    cacheTag.feed,
    cacheTag.sitemap,
    cacheTag.search,
    cacheTag.api,
    ...(changesLatest(before, after) ? [cacheTag.latest] : []),
  ])
}

/** A story entered or left the lists of newest stories, or moved within them. */
function changesLatest(before: ArticleRefs | null, after: ArticleRefs | null): boolean {
  if (isReaderVisible(before) !== isReaderVisible(after)) return true
  return before?.publishedAt?.getTime() !== after?.publishedAt?.getTime()
}

function isReaderVisible(refs: ArticleRefs | null): boolean {
  return refs?.status === 'published'
}

function taxonomyTag(kind: 'menu' | 'section' | 'tag' | 'page'): (slug: string) => string {
  switch (kind) {
    case 'menu':
      return () => cacheTag.menu
    case 'section':
      return cacheTag.section
    case 'tag':
      return cacheTag.tag
    case 'page':
      return cacheTag.page
  }
}

function unique(tags: string[]): string[] {
  return [...new Set(tags)]
}

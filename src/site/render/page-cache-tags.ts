/**
 * The cache tags of a rendered reader page: one for the page itself and one for every story it
 * shows anywhere (lead, lists, sidebar, Trending ticker, Keep Reading), found by walking the
 * data the template rendered. Whatever a page shows, it is tagged with: nothing to forget.
 */
import { cacheTag } from '../../cache/cache-tags.js'
import type { TemplateRequest } from './templates.js'

const MAX_DEPTH = 6

export function pageCacheTags(request: TemplateRequest, data: unknown): string[] {
  const tags = new Set<string>([cacheTag.latest])
  switch (request.kind) {
    case 'home':
      tags.add(cacheTag.home)
      break
    case 'section':
      tags.add(cacheTag.section(request.slug))
      break
    case 'tag':
      tags.add(cacheTag.tag(request.slug))
      break
    case 'page':
      tags.add(cacheTag.page(request.slug))
      break
    case 'search':
      tags.add(cacheTag.search)
      break
    default:
      break
  }
  collect(data, tags, 0, new Set())
  return [...tags]
}

function collect(value: unknown, tags: Set<string>, depth: number, seen: Set<object>): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || seen.has(value)) return
  seen.add(value)
  if (value instanceof Date) return
  if (Array.isArray(value)) {
    for (const item of value) collect(item, tags, depth + 1, seen)
    return
  }
  const record = value as Record<string, unknown>
  if (isStory(record)) tags.add(cacheTag.article(record.id))
  if (isAuthorProfile(record)) tags.add(cacheTag.author(record.id))
  for (const child of Object.values(record)) collect(child, tags, depth + 1, seen)
}

function isStory(o: Record<string, unknown>): o is { id: number } {
  return (
    typeof o.id === 'number' &&
    typeof o.slug === 'string' &&
    typeof o.title === 'string' &&
    'publishedAt' in o
  )
}

/** A full author (the author page's subject) rather than a byline reference. */
function isAuthorProfile(o: Record<string, unknown>): o is { id: number } {
  return (
    typeof o.id === 'number' &&
    typeof o.slug === 'string' &&
    typeof o.role === 'string' &&
    'bio' in o
  )
}

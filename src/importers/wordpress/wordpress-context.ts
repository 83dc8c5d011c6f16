/**
 * What mapping WXR records needs to remember while it streams: the site's address, its clock,
 * and the small indexes (author ids, category paths) later records refer back to. Everything
 * here grows with the number of authors and terms, never with the number of posts.
 */
import { decodeHTML } from 'entities'
import { slugify } from '../../text/slug.js'
import type { ImportWarning } from '../import-model.js'
import { utcDate, type SiteClock } from '../site-time.js'

export class WordPressContext {
  /** The old site's address, without a trailing slash. */
  base = ''
  /** Author id → login, for comments made by signed-in users. */
  readonly authorLogins = new Map<string, string>()
  readonly knownAuthors = new Set<string>()
  /** Category nicename → its path of nicenames (`news/council`), for old category URLs. */
  readonly categoryPaths = new Map<string, string>()
  readonly knownTags = new Set<string>()
  /** Dates read on the site's clock because the export gave no UTC time. */
  localTimes = 0

  constructor(public clock: SiteClock) {}

  /** An absolute URL on the old site. */
  url(path: string): string {
    return `${this.base}${path}`
  }

  /** The UTC time when there is one, else the local time on the site's clock. */
  date(gmt: string, local: string): Date | undefined {
    const exact = utcDate(gmt)
    if (exact) return exact
    const fromLocal = this.clock.toDate(local)
    if (fromLocal) this.localTimes++
    return fromLocal
  }
}

/** Plain text of a title or term name: WordPress stores names with HTML entities (`&amp;`). */
export function plainName(text: string): string {
  return decodeHTML(text.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()
}

/** A slug as WordPress wrote it (percent-encoded for non-Latin scripts), or made from a name. */
export function wordpressSlug(slug: string, fallback: string): string {
  let decoded = slug
  try {
    decoded = decodeURIComponent(slug)
  } catch {
    // Keep it as written.
  }
  return slugify(decoded) || slugify(fallback)
}

/** How the report names an item: `post 42 “Budget vote”`. */
export function itemName(type: string, id: string, title: string): string {
  return title ? `${type} ${id} “${title}”` : `${type} ${id}`
}

export function warning(item: string, message: string): ImportWarning {
  return { item, message }
}

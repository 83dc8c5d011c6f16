/**
 * A source's settings as an editor, the CLI or an OPML file gives them: checked and shaped into
 * columns. Pure: the use cases in sources.service.ts write what this returns.
 */
import { validationError } from '../errors.js'
import type { PublishPolicy, SourceMode, WireSourceUpdate } from './wire.table.js'

export interface SourceSettings {
  name?: string
  siteUrl?: string
  /** The section stories go into. */
  sectionId?: number | null
  /** The default byline (a user). */
  authorId?: number | null
  tags?: string[]
  /** Only items whose title or text has one of these words (none: every item). */
  includeWords?: string[]
  /** Never items whose title or text has one of these words. */
  excludeWords?: string[]
  /** Items older than this many days are skipped (null: no limit). */
  maxAgeDays?: number | null
  mode?: SourceMode
  /** In full mode, fetch each item's page and extract the article (for feeds of excerpts). */
  fetchFullText?: boolean
  /** The item's categories become tags (default yes). */
  mapCategories?: boolean
  publish?: PublishPolicy
  intervalMinutes?: number
}

/** The default poll interval, and the bounds an editor may choose within. */
export const DEFAULT_INTERVAL_MINUTES = 15
export const MIN_INTERVAL_MINUTES = 5
export const MAX_INTERVAL_MINUTES = 24 * 60

/** A feed address: http or https, absolute. */
export function checkFeedUrl(text: string): string {
  const trimmed = text.trim()
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw validationError('url', 'give the full address of the feed or site, with https://')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw validationError('url', 'only http and https addresses can be followed')
  if (trimmed.length > 2000) throw validationError('url', 'that address is too long')
  url.hash = ''
  return url.href
}

/** The columns for `settings`; only the settings given are in the update. */
export function settingsColumns(settings: SourceSettings): WireSourceUpdate {
  const row: WireSourceUpdate = {}
  if (settings.name !== undefined) {
    const name = settings.name.trim()
    if (!name) throw validationError('name', 'a source needs a name')
    if (name.length > 200) throw validationError('name', 'at most 200 characters')
    row.name = name
  }
  if (settings.siteUrl !== undefined) row.site_url = settings.siteUrl.trim().slice(0, 2000)
  if (settings.sectionId !== undefined) row.section_id = settings.sectionId
  if (settings.authorId !== undefined) row.author_id = settings.authorId
  if (settings.tags !== undefined) row.tags = words(settings.tags, 'tags')
  if (settings.includeWords !== undefined)
    row.include_words = words(settings.includeWords, 'includeWords')
  if (settings.excludeWords !== undefined)
    row.exclude_words = words(settings.excludeWords, 'excludeWords')
  if (settings.maxAgeDays !== undefined) {
    const days = settings.maxAgeDays
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650))
      throw validationError('maxAgeDays', 'the maximum age is a whole number of days, 1 to 3650')
    row.max_age_days = days
  }
  if (settings.mode !== undefined) {
    if (settings.mode !== 'excerpt' && settings.mode !== 'full')
      throw validationError('mode', 'the mode is excerpt or full')
    row.mode = settings.mode
  }
  if (settings.fetchFullText !== undefined) row.fetch_full_text = settings.fetchFullText ? 1 : 0
  if (settings.mapCategories !== undefined) row.map_categories = settings.mapCategories ? 1 : 0
  if (settings.publish !== undefined) {
    if (settings.publish !== 'auto' && settings.publish !== 'review')
      throw validationError('publish', 'publishing is auto or review')
    row.publish = settings.publish
  }
  if (settings.intervalMinutes !== undefined) {
    const minutes = settings.intervalMinutes
    if (
      !Number.isInteger(minutes) ||
      minutes < MIN_INTERVAL_MINUTES ||
      minutes > MAX_INTERVAL_MINUTES
    )
      throw validationError(
        'intervalMinutes',
        `the interval is ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES} minutes`,
      )
    row.interval_minutes = minutes
  }
  return row
}

/** Comma-separated words, each once, without commas of their own. */
function words(list: string[], property: string): string {
  const seen = new Set<string>()
  for (const word of list) {
    const clean = word.replace(/,/g, ' ').trim()
    if (clean) seen.add(clean)
  }
  const text = [...seen].join(', ')
  if (text.length > 2000) throw validationError(property, 'that list is too long')
  return text
}

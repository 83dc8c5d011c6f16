import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export type SourceStatus = 'active' | 'paused'
/** `excerpt`: title, a short excerpt and a link to the original. `full`: the whole body (licensed). */
export type SourceMode = 'excerpt' | 'full'
/** `auto`: published as they arrive. `review`: they wait on the desk. */
export type PublishPolicy = 'auto' | 'review'

export interface WireSourceTable {
  id: Generated<number>
  name: string
  /** The feed's URL; moves when the feed answers a permanent redirect. */
  url: string
  site_url: Generated<string>
  status: Generated<SourceStatus>
  section_id: number | null
  /** The default byline: a user (a named "source" author). */
  author_id: number | null
  /** Tags added to every story, comma-separated. */
  tags: Generated<string>
  include_words: Generated<string>
  exclude_words: Generated<string>
  max_age_days: number | null
  mode: Generated<SourceMode>
  /** 1: in full mode, fetch each item's page and extract the article (feeds of excerpts only). */
  fetch_full_text: Generated<number>
  /** 1: the item's categories become tags. */
  map_categories: Generated<number>
  publish: Generated<PublishPolicy>
  interval_minutes: Generated<number>
  etag: string | null
  last_modified: string | null
  next_poll_at: number
  last_polled_at: number | null
  last_success_at: number | null
  last_error_code: string | null
  last_error: string | null
  /** Failed polls in a row; the source is paused at 10. */
  failures: Generated<number>
  created_at: number
  updated_at: number
}
export type WireSourceRow = Selectable<WireSourceTable>
export type NewWireSourceRow = Insertable<WireSourceTable>
export type WireSourceUpdate = Updateable<WireSourceTable>

/**
 * `new`: waiting on the desk. `published` / `draft`: a story was made of it. `skipped`: an
 * editor said no, or a rule (keywords, age) did. `duplicate`: the same story already came in.
 */
export type WireItemStatus = 'new' | 'published' | 'draft' | 'skipped' | 'duplicate'

export interface WireItemTable {
  id: Generated<number>
  source_id: number
  item_key: string
  guid: string | null
  is_global_guid: Generated<number>
  link: string | null
  normalized_link: string | null
  title: string
  author: string | null
  excerpt: Generated<string>
  /** The item's body (URLs absolute, not yet sanitized), kept while it waits on the desk. */
  content_html: string | null
  image_url: string | null
  /** JSON array of the item's categories. */
  categories: Generated<string>
  published_at: number
  fingerprint: string
  status: WireItemStatus
  article_id: number | null
  /** The story's version when the wire last wrote it: a newer one means an editor changed it. */
  article_version: number | null
  /** 1 when the source changed the item after an editor changed its story here. */
  changed_at_source: Generated<number>
  created_at: number
  updated_at: number
}
export type WireItemRow = Selectable<WireItemTable>
export type NewWireItemRow = Insertable<WireItemTable>

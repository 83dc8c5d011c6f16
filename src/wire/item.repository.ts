/** Every SQL statement about the items the wire has seen. */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { webAddress } from './item-link.js'
import type { NewWireItemRow, WireItemRow, WireItemStatus } from './wire.table.js'

type Db = Kysely<Database>

/** An incoming item as the desk shows it. */
export interface WireItem {
  id: number
  sourceId: number
  sourceName: string
  guid: string | null
  link: string | null
  title: string
  author: string | null
  excerpt: string
  imageUrl: string | null
  categories: string[]
  publishedAt: Date
  status: WireItemStatus
  articleId: number | null
  /** The source changed the item after an editor changed its story here. */
  changedAtSource: boolean
  createdAt: Date
}

/** What a poll needs to know about an item it has seen before. */
export interface SeenItem {
  id: number
  itemKey: string
  fingerprint: string
  status: WireItemStatus
  articleId: number | null
  articleVersion: number | null
}

/** The items of `sourceId` among `keys`, by key. */
export async function findSeenItems(
  db: Db,
  sourceId: number,
  keys: string[],
): Promise<Map<string, SeenItem>> {
  const seen = new Map<string, SeenItem>()
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('wire_items')
      .select(['id', 'item_key', 'fingerprint', 'status', 'article_id', 'article_version'])
      .where('source_id', '=', sourceId)
      .where('item_key', 'in', keys.slice(i, i + 500))
      .execute()
    for (const r of rows)
      seen.set(r.item_key, {
        id: r.id,
        itemKey: r.item_key,
        fingerprint: r.fingerprint,
        status: r.status,
        articleId: r.article_id,
        articleVersion: r.article_version,
      })
  }
  return seen
}

/**
 * Which of these normalised links and worldwide guids are already on the wire (any source), as
 * anything but a duplicate: a poll's new items with one of them are the same story.
 */
export async function findKnownStories(
  db: Db,
  links: string[],
  globalGuids: string[],
): Promise<{ links: Set<string>; guids: Set<string> }> {
  const known = { links: new Set<string>(), guids: new Set<string>() }
  for (let i = 0; i < links.length; i += 400) {
    const rows = await db
      .selectFrom('wire_items')
      .select('normalized_link')
      .where('normalized_link', 'in', links.slice(i, i + 400))
      .where('status', '!=', 'duplicate')
      .execute()
    for (const r of rows) if (r.normalized_link) known.links.add(r.normalized_link)
  }
  for (let i = 0; i < globalGuids.length; i += 400) {
    const rows = await db
      .selectFrom('wire_items')
      .select('guid')
      .where('guid', 'in', globalGuids.slice(i, i + 400))
      .where('is_global_guid', '=', 1)
      .where('status', '!=', 'duplicate')
      .execute()
    for (const r of rows) if (r.guid) known.guids.add(r.guid)
  }
  return known
}

/**
 * Insert items, skipping those whose source already has one with the same key (another poll got
 * there first: the unique index decides, even across processes). Returns the new ids by key.
 */
export async function insertItemsIfNew(
  db: Db,
  rows: NewWireItemRow[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (let i = 0; i < rows.length; i += 100) {
    const inserted = await db
      .insertInto('wire_items')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) => oc.columns(['source_id', 'item_key']).doNothing())
      .returning(['id', 'item_key'])
      .execute()
    for (const r of inserted) ids.set(r.item_key, r.id)
  }
  return ids
}

export async function updateItem(
  db: Db,
  id: number,
  update: Partial<
    Pick<
      WireItemRow,
      | 'status'
      | 'article_id'
      | 'article_version'
      | 'fingerprint'
      | 'title'
      | 'excerpt'
      | 'content_html'
      | 'image_url'
      | 'link'
      | 'author'
      | 'changed_at_source'
      | 'updated_at'
    >
  >,
): Promise<void> {
  await db.updateTable('wire_items').set(update).where('id', '=', id).execute()
}

/** An item with what is needed to make a story of it. */
export async function findItemRow(db: Db, id: number): Promise<WireItemRow | undefined> {
  return db.selectFrom('wire_items').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface ItemFilter {
  sourceId?: number | undefined
  /** Items of the sources that feed this section. */
  sectionId?: number | undefined
  status?: WireItemStatus | undefined
  /** Words to find in the title. */
  query?: string | undefined
  limit: number
  offset?: number
}

/** Items for the desk, newest first; duplicates only when asked for. */
export async function listItemRows(db: Db, filter: ItemFilter): Promise<WireItem[]> {
  let query = db
    .selectFrom('wire_items as i')
    .innerJoin('wire_sources as s', 's.id', 'i.source_id')
    .select([
      'i.id',
      'i.source_id',
      's.name as source_name',
      'i.guid',
      'i.link',
      'i.title',
      'i.author',
      'i.excerpt',
      'i.image_url',
      'i.categories',
      'i.published_at',
      'i.status',
      'i.article_id',
      'i.changed_at_source',
      'i.created_at',
    ])
  if (filter.sourceId !== undefined) query = query.where('i.source_id', '=', filter.sourceId)
  if (filter.sectionId !== undefined) query = query.where('s.section_id', '=', filter.sectionId)
  query = filter.status
    ? query.where('i.status', '=', filter.status)
    : query.where('i.status', '!=', 'duplicate')
  const words = filter.query
    ?.replace(/[%_\\]/g, ' ')
    .trim()
    .toLowerCase()
  if (words) query = query.where(sql`lower(i.title)`, 'like', `%${words}%`)
  const rows = await query
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    sourceId: r.source_id,
    sourceName: r.source_name,
    guid: r.guid,
    link: r.link,
    title: r.title,
    author: r.author,
    excerpt: r.excerpt,
    imageUrl: r.image_url,
    categories: JSON.parse(r.categories) as string[],
    publishedAt: new Date(Number(r.published_at)),
    status: r.status,
    articleId: r.article_id,
    changedAtSource: r.changed_at_source === 1,
    createdAt: new Date(Number(r.created_at)),
  }))
}

/** How many items wait on the desk (the badge). */
export async function countWaitingItems(db: Db): Promise<number> {
  const row = await db
    .selectFrom('wire_items')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('status', '=', 'new')
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Items of `sourceId` dated since `since` (how often it publishes). */
export async function countRecentItems(db: Db, sourceId: number, since: number): Promise<number> {
  const row = await db
    .selectFrom('wire_items')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('source_id', '=', sourceId)
    .where('published_at', '>=', since)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Where a wire story came from: its source's name and address, and the item's own byline. */
export interface StoryOrigin {
  sourceName: string
  /** The source's site (http or https), or '' when it has none. */
  siteUrl: string
  author: string | null
}

/** The origin of the story `articleId`, or undefined when the wire did not bring it. */
export async function findOriginOfStory(
  db: Db,
  articleId: number,
): Promise<StoryOrigin | undefined> {
  const row = await db
    .selectFrom('wire_items as i')
    .innerJoin('wire_sources as s', 's.id', 'i.source_id')
    .select(['s.name', 's.site_url', 's.url', 'i.author'])
    .where('i.article_id', '=', articleId)
    .orderBy('i.id')
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    sourceName: row.name,
    siteUrl: webAddress(row.site_url) ?? webAddress('/', webAddress(row.url)) ?? '',
    // A feed that signs every item with its own name has no writer to show.
    author:
      row.author && row.author.trim().toLowerCase() !== row.name.trim().toLowerCase()
        ? row.author
        : null,
  }
}

/** `text` when it is an http(s) address (or its origin), else undefined. */

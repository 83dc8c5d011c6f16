import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { listTextFilter, searchedNewestOf, type ListSearch } from '../db/list-search.js'
import type { MediaRow } from './media.table.js'

type Db = Kysely<Database>

export interface NewMedia {
  path: string
  mimeType: string
  width: number | null
  height: number | null
  bytes: number
  alt?: string
  caption?: string
  credit?: string
  uploadedBy?: number | null
}

export interface MediaVariant {
  kind: string
  format: string
  width: number
  height: number
  url: string
  bytes: number
}

export interface MediaItem {
  id: number
  path: string
  url: string
  mimeType: string
  width: number | null
  height: number | null
  bytes: number
  alt: string
  caption: string
  credit: string
  uploadedBy: number | null
  createdAt: Date
}

export async function insertMedia(db: Db, media: NewMedia, now: number): Promise<number> {
  const row = await db
    .insertInto('media')
    .values({
      path: media.path,
      mime_type: media.mimeType,
      width: media.width,
      height: media.height,
      bytes: media.bytes,
      alt: media.alt ?? '',
      caption: media.caption ?? '',
      credit: media.credit ?? '',
      uploaded_by: media.uploadedBy ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertVariants(
  db: Db,
  mediaId: number,
  variants: Omit<MediaVariant, 'url'>[],
  pathOf: (v: Omit<MediaVariant, 'url'>) => string,
): Promise<void> {
  if (variants.length === 0) return
  await db
    .insertInto('media_variants')
    .values(
      variants.map((v) => ({
        media_id: mediaId,
        kind: v.kind,
        format: v.format,
        width: v.width,
        height: v.height,
        bytes: v.bytes,
        path: pathOf(v),
      })),
    )
    .execute()
}

export async function findMediaById(db: Db, id: number): Promise<MediaItem | undefined> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toMedia(row)
}

/** The media item stored at `path`, or the one that has a variant there. */
export async function findMediaIdByPath(db: Db, path: string): Promise<number | undefined> {
  const own = await db.selectFrom('media').select('id').where('path', '=', path).executeTakeFirst()
  if (own) return own.id
  const variant = await db
    .selectFrom('media_variants')
    .select('media_id')
    .where('path', '=', path)
    .executeTakeFirst()
  return variant?.media_id
}

export async function listVariants(
  db: Db,
  mediaIds: number[],
): Promise<Map<number, MediaVariant[]>> {
  const out = new Map<number, MediaVariant[]>()
  if (mediaIds.length === 0) return out
  const rows = await db
    .selectFrom('media_variants')
    .select(['media_id', 'kind', 'format', 'width', 'height', 'path', 'bytes'])
    .where('media_id', 'in', mediaIds)
    .orderBy('media_id')
    .orderBy('width')
    .execute()
  for (const r of rows) {
    const list = out.get(r.media_id) ?? []
    list.push({
      kind: r.kind,
      format: r.format,
      width: r.width,
      height: r.height,
      url: `/media/${r.path}`,
      bytes: r.bytes,
    })
    out.set(r.media_id, list)
  }
  return out
}

/**
 * Newest first; `search` matches the words of the alt text, caption, credit or file name
 * (through the list index), `type` a MIME prefix.
 */
export async function listMedia(
  db: Db,
  search: ListSearch,
  options: { search?: string; mimePrefix?: string; offset: number; limit: number },
): Promise<{ items: MediaItem[]; total: number; searchedNewest?: number }> {
  let all = db.selectFrom('media')
  if (options.mimePrefix)
    all = all.where('mime_type', 'like', `${options.mimePrefix.replace(/[%_]/g, '')}%`)
  const text = await listTextFilter(db, search, 'media', sql.ref('media.id'), options.search)
  const query = text ? all.where(text.page) : all
  const counted = text ? all.where(text.count) : all
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(options.offset)
      .limit(options.limit)
      .execute(),
    counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toMedia), total: Number(count.n), ...searchedNewestOf(text) }
}

export async function updateMediaText(
  db: Db,
  id: number,
  text: { alt?: string; caption?: string; credit?: string },
): Promise<void> {
  if (Object.keys(text).length === 0) return
  await db.updateTable('media').set(text).where('id', '=', id).execute()
}

/** Articles that use a media item as their featured image (how the library shows "usage"). */
export async function listMediaUsage(
  db: Db,
  mediaId: number,
): Promise<{ id: number; title: string; status: string }[]> {
  return db
    .selectFrom('articles')
    .select(['id', 'title', 'status'])
    .where('featured_media_id', '=', mediaId)
    .orderBy('id', 'desc')
    .limit(50)
    .execute()
}

function toMedia(row: MediaRow): MediaItem {
  return {
    id: row.id,
    path: row.path,
    url: `/media/${row.path}`,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    uploadedBy: row.uploaded_by,
    createdAt: new Date(row.created_at),
  }
}

/** A library entry with the storage paths of its variants (backups). */
export interface StoredMediaRecord extends MediaItem {
  variants: (Omit<MediaVariant, 'url'> & { path: string })[]
}

/** Library entries after `afterId`, in id order, with their variants' paths. */
export async function listMediaAfter(
  db: Db,
  afterId: number,
  limit: number,
): Promise<StoredMediaRecord[]> {
  const rows = await db
    .selectFrom('media')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  if (rows.length === 0) return []
  const variants = await db
    .selectFrom('media_variants')
    .select(['media_id', 'kind', 'format', 'width', 'height', 'path', 'bytes'])
    .where(
      'media_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('media_id')
    .orderBy('id')
    .execute()
  const byMedia = new Map<number, StoredMediaRecord['variants']>()
  for (const { media_id, ...v } of variants)
    byMedia.set(media_id, [...(byMedia.get(media_id) ?? []), v])
  return rows.map((row) => ({ ...toMedia(row), variants: byMedia.get(row.id) ?? [] }))
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

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

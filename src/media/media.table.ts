import type { Generated, Selectable } from 'kysely'

export interface MediaTable {
  id: Generated<number>
  path: string
  mime_type: string
  width: number | null
  height: number | null
  bytes: Generated<number>
  alt: Generated<string>
  caption: Generated<string>
  credit: Generated<string>
  uploaded_by: number | null
  created_at: number
}
export type MediaRow = Selectable<MediaTable>

/** A resized or cropped rendition of an image, in one format. */
export interface MediaVariantTable {
  id: Generated<number>
  media_id: number
  /** 'w640' for a resize to 640 px wide, 'crop-16x9' etc. for fixed-ratio crops. */
  kind: string
  format: string
  width: number
  height: number
  path: string
  bytes: number
}
export type MediaVariantRow = Selectable<MediaVariantTable>

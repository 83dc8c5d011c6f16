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

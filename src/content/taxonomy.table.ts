import type { Generated, Selectable } from 'kysely'

export interface CategoryTable {
  id: Generated<number>
  parent_id: number | null
  name: string
  slug: string
  description: Generated<string>
  position: Generated<number>
  created_at: number
}
export type CategoryRow = Selectable<CategoryTable>

export interface TagTable {
  id: Generated<number>
  name: string
  slug: string
  description: Generated<string>
  created_at: number
}
export type TagRow = Selectable<TagTable>

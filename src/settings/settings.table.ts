import type { Generated, Selectable } from 'kysely'

export interface SettingTable {
  key: string
  /** JSON-encoded value. */
  value: string
  updated_at: number
}

export interface MenuTable {
  id: Generated<number>
  location: string
  name: string
}

export interface MenuItemTable {
  id: Generated<number>
  menu_id: number
  parent_id: number | null
  label: string
  url: Generated<string>
  category_id: number | null
  page_id: number | null
  position: Generated<number>
}
export type MenuItemRow = Selectable<MenuItemTable>

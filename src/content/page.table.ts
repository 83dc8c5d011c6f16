import type { Generated, Selectable } from 'kysely'

export type PageStatus = 'draft' | 'published'

export interface PageTable {
  id: Generated<number>
  title: string
  slug: string
  body_html: Generated<string>
  body_doc: string | null
  status: PageStatus
  author_id: number | null
  seo_title: Generated<string>
  seo_description: Generated<string>
  published_at: number | null
  created_at: number
  updated_at: number
}
export type PageRow = Selectable<PageTable>

export interface RedirectTable {
  id: Generated<number>
  from_path: string
  to_path: string
  status_code: Generated<number>
  created_at: number
}
export type RedirectRow = Selectable<RedirectTable>

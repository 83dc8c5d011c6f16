import type { Generated, Selectable } from 'kysely'

export interface ArticleCorrectionTable {
  id: Generated<number>
  article_id: number
  body: string
  created_by: number | null
  created_at: number
}

export type ArticleCorrectionRow = Selectable<ArticleCorrectionTable>

export interface ArticlePreviewTable {
  article_id: number
  token: string
  created_at: number
}

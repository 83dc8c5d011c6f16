import type { Generated, Selectable } from 'kysely'

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash'

export interface CommentTable {
  id: Generated<number>
  article_id: number
  parent_id: number | null
  user_id: number | null
  author_name: string
  author_email: string
  author_url: Generated<string>
  body: string
  status: CommentStatus
  created_at: number
}
export type CommentRow = Selectable<CommentTable>

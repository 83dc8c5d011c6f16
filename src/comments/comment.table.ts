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
  /** 1 when the commenter asked to be mailed about replies. */
  notify_replies: Generated<number>
  /** 1 once the parent comment's author was told about this reply. */
  reply_notified: Generated<number>
}
export type CommentRow = Selectable<CommentTable>

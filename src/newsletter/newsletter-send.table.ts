import type { Generated, Selectable } from 'kysely'

export type SendKind = 'daily' | 'weekly' | 'article'

export interface NewsletterSendTable {
  id: Generated<number>
  kind: SendKind
  subject: string
  /** JSON array of article ids. */
  article_ids: string
  created_at: number
  recipients: Generated<number>
  sent: Generated<number>
  failed: Generated<number>
}
export type NewsletterSendRow = Selectable<NewsletterSendTable>

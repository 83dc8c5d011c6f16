import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { SendKind } from './newsletter-send.table.js'

type Db = Kysely<Database>

export interface NewsletterSend {
  id: number
  kind: SendKind
  subject: string
  articleIds: number[]
  createdAt: Date
  recipients: number
  sent: number
  failed: number
}

export async function insertSend(
  db: Db,
  input: { kind: SendKind; subject: string; articleIds: number[]; recipients: number },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('newsletter_sends')
    .values({
      kind: input.kind,
      subject: input.subject,
      article_ids: JSON.stringify(input.articleIds),
      recipients: input.recipients,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Add a batch's outcome to the send's counters (atomic increments: batches run anywhere). */
export async function addSendCounts(
  db: Db,
  id: number,
  counts: { sent: number; failed: number },
): Promise<void> {
  await db
    .updateTable('newsletter_sends')
    .set((eb) => ({
      sent: eb('sent', '+', counts.sent),
      failed: eb('failed', '+', counts.failed),
    }))
    .where('id', '=', id)
    .execute()
}

export async function findSend(db: Db, id: number): Promise<NewsletterSend | undefined> {
  const row = await db
    .selectFrom('newsletter_sends')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toSend(row)
}

export async function listSends(db: Db, limit = 50): Promise<NewsletterSend[]> {
  const rows = await db
    .selectFrom('newsletter_sends')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(toSend)
}

function toSend(row: {
  id: number
  kind: SendKind
  subject: string
  article_ids: string
  created_at: number
  recipients: number
  sent: number
  failed: number
}): NewsletterSend {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    articleIds: JSON.parse(row.article_ids) as number[],
    createdAt: new Date(Number(row.created_at)),
    recipients: Number(row.recipients),
    sent: Number(row.sent),
    failed: Number(row.failed),
  }
}

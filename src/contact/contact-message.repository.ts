import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

export interface ContactMessage {
  id: number
  name: string
  email: string
  subject: string
  message: string
  createdAt: Date
}

export async function insertContactMessage(
  db: Db,
  input: Omit<ContactMessage, 'id' | 'createdAt'>,
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('contact_messages')
    .values({ ...input, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function listContactMessages(
  db: Db,
  input: { limit: number; offset: number },
): Promise<ContactMessage[]> {
  const rows = await db
    .selectFrom('contact_messages')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .offset(input.offset)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    subject: r.subject,
    message: r.message,
    createdAt: new Date(Number(r.created_at)),
  }))
}

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

/** Messages newest first, a page at a time, with how many match `q` (name, address, subject, text). */
export async function listContactMessages(
  db: Db,
  input: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: ContactMessage[]; total: number }> {
  let query = db.selectFrom('contact_messages')
  const words = (input.q ?? '')
    .trim()
    .toLowerCase()
    .replace(/[%_\\]/g, '')
  if (words) {
    const like = `%${words}%`
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), 'like', like),
        eb(eb.fn('lower', ['email']), 'like', like),
        eb(eb.fn('lower', ['subject']), 'like', like),
        eb(eb.fn('lower', ['message']), 'like', like),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    subject: r.subject,
    message: r.message,
    createdAt: new Date(Number(r.created_at)),
  }))
  return { items, total: Number(count.n) }
}

import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { listTextFilter, searchedNewestOf, type ListSearch } from '../db/list-search.js'

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

/**
 * Messages newest first, a page at a time, with how many match `q` (words of the name, address,
 * subject or text, through the list index).
 */
export async function listContactMessages(
  db: Db,
  search: ListSearch,
  input: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: ContactMessage[]; total: number; searchedNewest?: number }> {
  const all = db.selectFrom('contact_messages')
  const text = await listTextFilter(
    db,
    search,
    'contact_messages',
    sql.ref('contact_messages.id'),
    input.q,
  )
  const [rows, count] = await Promise.all([
    (text ? all.where(text.page) : all)
      .select(['id', 'name', 'email', 'subject', 'message', 'created_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    (text ? all.where(text.count) : all)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ])
  const items = rows.map(toContactMessage)
  return { items, total: Number(count.n), ...searchedNewestOf(text) }
}

/** Messages after `afterId`, in id order (oldest first), `limit` at a time. */
export async function listContactMessagesAfter(
  db: Db,
  afterId: number,
  limit: number,
): Promise<ContactMessage[]> {
  const rows = await db
    .selectFrom('contact_messages')
    .select(['id', 'name', 'email', 'subject', 'message', 'created_at'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(toContactMessage)
}

/** Add messages as they were received (imports, generated archives), in one multi-row insert. */
export async function insertContactMessages(
  db: Db,
  records: Omit<ContactMessage, 'id'>[],
): Promise<void> {
  for (let i = 0; i < records.length; i += 500) {
    await db
      .insertInto('contact_messages')
      .values(
        records.slice(i, i + 500).map(({ createdAt, ...r }) => ({
          ...r,
          created_at: createdAt.getTime(),
        })),
      )
      .execute()
  }
}

function toContactMessage(r: {
  id: number
  name: string
  email: string
  subject: string
  message: string
  created_at: number
}): ContactMessage {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    subject: r.subject,
    message: r.message,
    createdAt: new Date(Number(r.created_at)),
  }
}

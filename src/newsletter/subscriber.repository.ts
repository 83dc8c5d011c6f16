import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { SubscriberStatus } from './subscriber.table.js'

type Db = Kysely<Database>

export interface Subscriber {
  id: number
  email: string
  status: SubscriberStatus
  source: string
  createdAt: Date
}

/** Add an address unless it is already on the list (then nothing changes). True when added. */
export async function insertSubscriberIfAbsent(
  db: Db,
  input: { email: string; source: string; status: SubscriberStatus },
  now: number,
): Promise<boolean> {
  const result = await db
    .insertInto('subscribers')
    .values({ email: input.email, source: input.source, status: input.status, created_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

export async function findSubscriberByEmail(
  db: Db,
  email: string,
): Promise<Subscriber | undefined> {
  const row = await db
    .selectFrom('subscribers')
    .select(['id', 'email', 'status', 'source', 'created_at'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst()
  return (
    row && {
      id: row.id,
      email: row.email,
      status: row.status,
      source: row.source,
      createdAt: new Date(row.created_at),
    }
  )
}

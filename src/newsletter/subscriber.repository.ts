import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { listTextFilter, searchedNewestOf, type ListSearch } from '../db/list-search.js'
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

/** Move an address to a new status, stamping when it confirmed or left. */
export async function updateSubscriberStatus(
  db: Db,
  email: string,
  status: SubscriberStatus,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('subscribers')
    .set({
      status,
      ...(status === 'confirmed' ? { confirmed_at: now, unsubscribed_at: null } : {}),
      ...(status === 'unsubscribed' ? { unsubscribed_at: now } : {}),
    })
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Ids of confirmed subscribers, in id order (a send's recipient list). */
export async function listConfirmedSubscriberIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('subscribers')
    .select('id')
    .where('status', '=', 'confirmed')
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

/** Of these ids, the subscribers still confirmed (someone may have left since the send began). */
export async function findConfirmedSubscribers(db: Db, ids: number[]): Promise<Subscriber[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('subscribers')
    .select(['id', 'email', 'status', 'source', 'created_at'])
    // By primary key only, status checked here: a status condition can lead SQLite's planner
    // through the whole status index instead of one seek per id.
    .where('id', 'in', ids)
    .orderBy('id')
    .execute()
  return rows.filter((r) => r.status === 'confirmed').map(toSubscriber)
}

/**
 * The admin's list: optional status and search (words of the address or name, through the list
 * index; `search` is needed for it), newest first, with the counts per status.
 */
export async function listSubscribers(
  db: Db,
  search: ListSearch | undefined,
  input: {
    status?: SubscriberStatus | undefined
    search?: string | undefined
    limit: number
    offset: number
  },
): Promise<{
  items: Subscriber[]
  total: number
  counts: Record<SubscriberStatus, number>
  searchedNewest?: number
}> {
  if (input.search?.trim() && !search) throw new Error('searching subscribers needs the list index')
  const text = search
    ? await listTextFilter(db, search, 'subscribers', sql.ref('subscribers.id'), input.search)
    : undefined
  const all = db.selectFrom('subscribers')
  const matching = text ? all.where(text.count) : all
  const shown = text ? all.where(text.page) : all
  const query = input.status ? shown.where('status', '=', input.status) : shown
  const [rows, byStatus] = await Promise.all([
    query
      .select(['id', 'email', 'status', 'source', 'created_at'])
      .orderBy('id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    matching
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
  ])
  const counts: Record<SubscriberStatus, number> = {
    pending: 0,
    confirmed: 0,
    unsubscribed: 0,
    bounced: 0,
    complained: 0,
  }
  for (const row of byStatus) counts[row.status] = Number(row.n)
  const total = input.status
    ? counts[input.status]
    : Object.values(counts).reduce((sum, n) => sum + n, 0)
  return { items: rows.map(toSubscriber), total, counts, ...searchedNewestOf(text) }
}

function toSubscriber(row: {
  id: number
  email: string
  status: SubscriberStatus
  source: string
  created_at: number
}): Subscriber {
  return {
    id: row.id,
    email: row.email,
    status: row.status,
    source: row.source,
    createdAt: new Date(Number(row.created_at)),
  }
}

/** A subscriber with every date, as backups carry it. */
export interface SubscriberRecord {
  id: number
  email: string
  name: string
  status: SubscriberStatus
  source: string
  createdAt: Date
  confirmedAt: Date | null
  unsubscribedAt: Date | null
}

/** Subscribers after `afterId`, in id order. */
export async function listSubscribersAfter(
  db: Db,
  afterId: number,
  limit: number,
): Promise<SubscriberRecord[]> {
  const rows = await db
    .selectFrom('subscribers')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
  const date = (n: number | null) => (n == null ? null : new Date(Number(n)))
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    status: r.status,
    source: r.source,
    createdAt: new Date(Number(r.created_at)),
    confirmedAt: date(r.confirmed_at),
    unsubscribedAt: date(r.unsubscribed_at),
  }))
}

/** Add subscribers with their own status and dates; ones already listed are left. Returns how many were added. */
export async function insertSubscriberRecords(
  db: Db,
  records: Omit<SubscriberRecord, 'id'>[],
): Promise<number> {
  if (records.length === 0) return 0
  const result = await db
    .insertInto('subscribers')
    .values(
      records.map((r) => ({
        email: r.email,
        name: r.name,
        status: r.status,
        source: r.source,
        created_at: r.createdAt.getTime(),
        confirmed_at: r.confirmedAt?.getTime() ?? null,
        unsubscribed_at: r.unsubscribedAt?.getTime() ?? null,
      })),
    )
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

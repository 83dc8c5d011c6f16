/** Every SQL statement about wire sources. */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type {
  NewWireSourceRow,
  PublishPolicy,
  SourceMode,
  SourceStatus,
  WireSourceRow,
  WireSourceUpdate,
} from './wire.table.js'

type Db = Kysely<Database>

/** A source as the newsroom sees it: settings, then health. */
export interface WireSource {
  id: number
  name: string
  url: string
  siteUrl: string
  status: SourceStatus
  sectionId: number | null
  authorId: number | null
  tags: string[]
  includeWords: string[]
  excludeWords: string[]
  maxAgeDays: number | null
  mode: SourceMode
  /** In full mode: fetch each item's page for the whole article. */
  fetchFullText: boolean
  /** The item's categories become tags. */
  mapCategories: boolean
  publish: PublishPolicy
  intervalMinutes: number
  etag: string | null
  lastModified: string | null
  nextPollAt: Date
  lastPolledAt: Date | null
  lastSuccessAt: Date | null
  lastErrorCode: string | null
  lastError: string | null
  failures: number
  createdAt: Date
}

export async function insertSource(db: Db, row: NewWireSourceRow): Promise<number> {
  const inserted = await db
    .insertInto('wire_sources')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function updateSource(db: Db, id: number, update: WireSourceUpdate): Promise<void> {
  await db.updateTable('wire_sources').set(update).where('id', '=', id).execute()
}

export async function deleteSource(db: Db, id: number): Promise<void> {
  await db.deleteFrom('wire_items').where('source_id', '=', id).execute()
  await db.deleteFrom('wire_sources').where('id', '=', id).execute()
}

export async function findSourceById(db: Db, id: number): Promise<WireSource | undefined> {
  const row = await db
    .selectFrom('wire_sources')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row && toSource(row)
}

export async function findSourceByUrl(db: Db, url: string): Promise<WireSource | undefined> {
  const row = await db
    .selectFrom('wire_sources')
    .selectAll()
    .where('url', '=', url)
    .executeTakeFirst()
  return row && toSource(row)
}

export async function listSourceRows(db: Db): Promise<WireSource[]> {
  const rows = await db.selectFrom('wire_sources').selectAll().orderBy('name').execute()
  return rows.map(toSource)
}

/** Active sources whose next poll is due, soonest first. */
export async function listDueSources(
  db: Db,
  now: number,
  limit: number,
): Promise<{ id: number; url: string; nextPollAt: number }[]> {
  const rows = await db
    .selectFrom('wire_sources')
    .select(['id', 'url', 'next_poll_at'])
    .where('status', '=', 'active')
    .where('next_poll_at', '<=', now)
    .orderBy('next_poll_at')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ id: r.id, url: r.url, nextPollAt: Number(r.next_poll_at) }))
}

/** Items per source: in all, waiting on the desk, and arrived since `since`. */
export async function countItemsBySource(
  db: Db,
  since: number,
): Promise<Map<number, { total: number; waiting: number; recent: number }>> {
  const rows = await db
    .selectFrom('wire_items')
    .select((eb) => [
      'source_id',
      eb.fn.countAll<string | number>().as('total'),
      sql<string | number>`sum(case when status = 'new' then 1 else 0 end)`.as('waiting'),
      sql<string | number>`sum(case when created_at >= ${since} then 1 else 0 end)`.as('recent'),
    ])
    .groupBy('source_id')
    .execute()
  return new Map(
    rows.map((r) => [
      r.source_id,
      { total: Number(r.total), waiting: Number(r.waiting), recent: Number(r.recent) },
    ]),
  )
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
}

function date(value: number | null): Date | null {
  return value === null ? null : new Date(Number(value))
}

export function toSource(row: WireSourceRow): WireSource {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    siteUrl: row.site_url,
    status: row.status,
    sectionId: row.section_id,
    authorId: row.author_id,
    tags: list(row.tags),
    includeWords: list(row.include_words),
    excludeWords: list(row.exclude_words),
    maxAgeDays: row.max_age_days,
    mode: row.mode,
    fetchFullText: row.fetch_full_text === 1,
    mapCategories: row.map_categories === 1,
    publish: row.publish,
    intervalMinutes: row.interval_minutes,
    etag: row.etag,
    lastModified: row.last_modified,
    nextPollAt: new Date(Number(row.next_poll_at)),
    lastPolledAt: date(row.last_polled_at),
    lastSuccessAt: date(row.last_success_at),
    lastErrorCode: row.last_error_code,
    lastError: row.last_error,
    failures: row.failures,
    createdAt: new Date(Number(row.created_at)),
  }
}

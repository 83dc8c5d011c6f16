import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { NewSessionRow, SessionRow } from './session.table.js'

type Db = Kysely<Database>

/** A signed-in browser, as the session list shows it. */
export interface Session {
  id: string
  userId: number
  createdAt: Date
  lastSeenAt: Date
  expiresAt: Date
  ip: string
  userAgent: string
}

export async function insertSession(db: Db, row: NewSessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

export async function findSessionById(db: Db, id: string): Promise<Session | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toSession(row)
}

export async function touchSession(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute()
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
}

/** Delete a user's sessions, except one when given; returns how many went. */
export async function deleteUserSessions(
  db: Db,
  userId: number,
  exceptId?: string,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** A user's live sessions, most recently used first. */
export async function listUserSessions(db: Db, userId: number, now: number): Promise<Session[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute()
  return rows.map(toSession)
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: new Date(Number(row.created_at)),
    lastSeenAt: new Date(Number(row.last_seen_at)),
    expiresAt: new Date(Number(row.expires_at)),
    ip: row.ip,
    userAgent: row.user_agent,
  }
}

/** When each person was last seen in any live session (people with none are absent). */
export async function listLastSeen(db: Db): Promise<Map<number, Date>> {
  const rows = await db
    .selectFrom('sessions')
    .select(['user_id', (eb) => eb.fn.max('last_seen_at').as('seen')])
    .groupBy('user_id')
    .execute()
  return new Map(rows.map((r) => [r.user_id, new Date(Number(r.seen))]))
}

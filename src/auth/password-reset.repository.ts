import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { PasswordResetRow, TokenPurpose } from './session.table.js'

type Db = Kysely<Database>

export async function insertPasswordReset(
  db: Db,
  row: { id: string; userId: number; purpose: TokenPurpose; createdAt: number; expiresAt: number },
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({
      id: row.id,
      user_id: row.userId,
      purpose: row.purpose,
      created_at: row.createdAt,
      expires_at: row.expiresAt,
      used_at: null,
    })
    .execute()
}

export async function findPasswordReset(db: Db, id: string): Promise<PasswordResetRow | undefined> {
  return db.selectFrom('password_resets').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Mark a link used; false when it was already used or has expired (so only one use wins). */
export async function markPasswordResetUsed(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Void every unused link of a user (their password changed: old links must not work). */
export async function markUserResetsUsed(db: Db, userId: number, now: number): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute()
}

/** An account waiting for its invitation to be taken up (no password chosen yet). */
export interface PendingInvitation {
  userId: number
  email: string
  name: string
  role: string
  /** When the latest invitation mail went out, and when its link stops working. */
  sentAt: Date
  expiresAt: Date
}

/** Invited accounts without a password yet, oldest invitation first. */
export async function listPendingInvitations(db: Db): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('password_resets as pr', 'pr.user_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      (eb) => eb.fn.max('pr.created_at').as('sent_at'),
      (eb) => eb.fn.max('pr.expires_at').as('expires_at'),
    ])
    .where('pr.purpose', '=', 'invite')
    .where('users.password_hash', 'is', null)
    .where('users.deactivated_at', 'is', null)
    .groupBy(['users.id', 'users.email', 'users.name', 'users.role'])
    .orderBy('users.id')
    .execute()
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    sentAt: new Date(Number(r.sent_at)),
    expiresAt: new Date(Number(r.expires_at)),
  }))
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

/** The user's TOTP secret (null while two-factor sign-in is off). */
export async function findTotpSecret(db: Db, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .select('totp_secret')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.totp_secret ?? null
}

export async function updateTotpSecret(
  db: Db,
  userId: number,
  secret: string | null,
  lastStep: number | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_last_step: lastStep })
    .where('id', '=', userId)
    .execute()
}

/**
 * Accept a TOTP time step once: true when it is later than every step accepted before (one
 * conditional UPDATE, so two requests with the same code cannot both pass).
 */
export async function claimTotpStep(db: Db, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function replaceRecoveryCodes(
  db: Db,
  userId: number,
  hashes: string[],
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  if (hashes.length === 0) return
  await db
    .insertInto('recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
    .execute()
}

/** Spend a recovery code: true for the one request that marks it used. */
export async function useRecoveryCode(
  db: Db,
  userId: number,
  hash: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countUnusedRecoveryCodes(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

/** Remember a device for a user; true when it was new to them. */
export async function rememberDevice(
  db: Db,
  userId: number,
  deviceHash: string,
  now: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('user_devices')
    .set({ last_seen_at: now })
    .where('user_id', '=', userId)
    .where('device_hash', '=', deviceHash)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) > 0) return false
  await db
    .insertInto('user_devices')
    .values({ user_id: userId, device_hash: deviceHash, created_at: now, last_seen_at: now })
    .execute()
  return true
}

export async function countDevices(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('user_devices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

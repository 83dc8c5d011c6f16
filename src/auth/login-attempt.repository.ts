import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

export async function insertLoginFailure(
  db: Db,
  account: string,
  ip: string,
  now: number,
): Promise<void> {
  await db.insertInto('login_attempts').values({ account, ip, created_at: now }).execute()
}

/** Times of the most recent failures since `since` for an (account, IP) pair or an IP, newest first. */
export async function listRecentFailures(
  db: Db,
  by: { account: string; ip: string } | { ip: string },
  since: number,
  limit: number,
): Promise<number[]> {
  let query = db
    .selectFrom('login_attempts')
    .select('created_at')
    .where('created_at', '>', since)
    .where('ip', '=', by.ip)
  if ('account' in by) query = query.where('account', '=', by.account)
  const rows = await query.orderBy('created_at', 'desc').limit(limit).execute()
  return rows.map((r) => Number(r.created_at))
}

/** A successful sign-in wipes this pair's slate (not other IPs' failures for the account). */
export async function deletePairFailures(db: Db, account: string, ip: string): Promise<void> {
  await db
    .deleteFrom('login_attempts')
    .where('account', '=', account)
    .where('ip', '=', ip)
    .execute()
}

export async function deleteFailuresBefore(db: Db, before: number): Promise<number> {
  const result = await db
    .deleteFrom('login_attempts')
    .where('created_at', '<=', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

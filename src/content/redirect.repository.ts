import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

export interface Redirect {
  fromPath: string
  toPath: string
  statusCode: number
}

export async function findRedirect(db: Db, fromPath: string): Promise<Redirect | undefined> {
  const row = await db
    .selectFrom('redirects')
    .select(['from_path', 'to_path', 'status_code'])
    .where('from_path', '=', fromPath)
    .executeTakeFirst()
  return row && { fromPath: row.from_path, toPath: row.to_path, statusCode: row.status_code }
}

/** Record `from → to`; an existing redirect from the same path is repointed, and chains collapse. */
export async function insertRedirectIfAbsent(
  db: Db,
  fromPath: string,
  toPath: string,
  now: number,
): Promise<void> {
  if (fromPath === toPath) return
  await db
    .updateTable('redirects')
    .set({ to_path: toPath })
    .where('to_path', '=', fromPath)
    .execute()
  await db.deleteFrom('redirects').where('from_path', '=', toPath).execute()
  const existing = await findRedirect(db, fromPath)
  if (existing) {
    await db
      .updateTable('redirects')
      .set({ to_path: toPath })
      .where('from_path', '=', fromPath)
      .execute()
    return
  }
  await db
    .insertInto('redirects')
    .values({ from_path: fromPath, to_path: toPath, status_code: 301, created_at: now })
    .execute()
}

export async function listRedirects(db: Db): Promise<(Redirect & { createdAt: Date })[]> {
  const rows = await db
    .selectFrom('redirects')
    .select(['from_path', 'to_path', 'status_code', 'created_at'])
    .orderBy('from_path')
    .limit(1000)
    .execute()
  return rows.map((r) => ({
    fromPath: r.from_path,
    toPath: r.to_path,
    statusCode: r.status_code,
    createdAt: new Date(Number(r.created_at)),
  }))
}

export async function deleteRedirect(db: Db, fromPath: string): Promise<boolean> {
  const result = await db
    .deleteFrom('redirects')
    .where('from_path', '=', fromPath)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

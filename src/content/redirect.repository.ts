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

/**
 * Many `insertRedirectIfAbsent`s at once (imports: two or three per story). Pairs that touch no
 * existing redirect, the usual case, go in one multi-row insert; the others, and a path named
 * twice, take the one-at-a-time way so chains still collapse.
 */
export async function insertRedirectsIfAbsent(
  db: Db,
  pairs: { from: string; to: string }[],
  now: number,
): Promise<void> {
  const wanted = pairs.filter((p) => p.from !== p.to)
  for (let i = 0; i < wanted.length; i += 250) {
    const chunk = wanted.slice(i, i + 250)
    const paths = [...new Set(chunk.flatMap((p) => [p.from, p.to]))]
    const touched = new Set<string>()
    for (const row of await db
      .selectFrom('redirects')
      .select(['from_path', 'to_path'])
      .where((eb) => eb.or([eb('from_path', 'in', paths), eb('to_path', 'in', paths)]))
      .execute()) {
      touched.add(row.from_path)
      touched.add(row.to_path)
    }
    const seen = new Set<string>()
    const plain: { from: string; to: string }[] = []
    const careful: { from: string; to: string }[] = []
    for (const p of chunk) {
      const clash = touched.has(p.from) || touched.has(p.to) || seen.has(p.from) || seen.has(p.to)
      ;(clash ? careful : plain).push(p)
      seen.add(p.from)
      seen.add(p.to)
    }
    if (plain.length > 0)
      await db
        .insertInto('redirects')
        .values(
          plain.map((p) => ({
            from_path: p.from,
            to_path: p.to,
            status_code: 301,
            created_at: now,
          })),
        )
        .execute()
    for (const p of careful) await insertRedirectIfAbsent(db, p.from, p.to, now)
  }
}

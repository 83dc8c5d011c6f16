/**
 * A simple title/standfirst search over published articles. A stopgap until the search index
 * arrives: `LIKE` cannot use an index, so it scans the published rows.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { IdPage } from './article.repository.js'

/** Ids of published articles whose title or standfirst contains every word, newest first. */
export async function searchPublishedIds(
  db: Kysely<Database>,
  words: string[],
  now: number,
  offset: number,
  limit: number,
): Promise<IdPage> {
  let base = db
    .selectFrom('articles')
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
  for (const word of words) {
    const pattern = `%${word.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    base = base.where((eb) =>
      eb.or([
        eb(sql`lower(title)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(standfirst)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    base
      .select('id')
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { ids: rows.map((r) => r.id), total: Number(count.n) }
}

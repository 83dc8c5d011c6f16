/** Writes behind the site-management screens: sections' fields and order, tag renames and merges. */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

export async function updateCategoryRow(
  db: Db,
  id: number,
  update: { name?: string; description?: string; parent_id?: number | null; position?: number },
): Promise<void> {
  if (Object.keys(update).length === 0) return
  await db.updateTable('categories').set(update).where('id', '=', id).execute()
}

export interface TagWithCount {
  id: number
  name: string
  slug: string
  articleCount: number
}

export async function listTagsWithCounts(
  db: Db,
  limit: number | 'all' = 2000,
): Promise<TagWithCount[]> {
  let query = db
    .selectFrom('tags as t')
    .leftJoin('article_tags as at', 'at.tag_id', 't.id')
    .select(['t.id', 't.name', 't.slug', (eb) => eb.fn.count<number>('at.article_id').as('n')])
    .groupBy(['t.id', 't.name', 't.slug'])
    .orderBy('t.name')
  if (limit !== 'all') query = query.limit(limit)
  const rows = await query.execute()
  return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, articleCount: Number(r.n) }))
}

/**
 * One page of tags by name, with their article counts, and how many match: `search` is a
 * substring of the name or slug.
 */
export async function listTagsPage(
  db: Db,
  options: { search?: string | undefined; limit: number; offset: number },
): Promise<{ tags: TagWithCount[]; total: number }> {
  const like = options.search ? `%${options.search.replace(/[\\%_]/g, '\\$&')}%` : undefined
  let base = db.selectFrom('tags as t')
  if (like)
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`lower(t.name) like lower(${like}) escape '\\'`,
        sql<boolean>`t.slug like lower(${like}) escape '\\'`,
      ]),
    )
  const [page, counted] = await Promise.all([
    base
      .select(['t.id', 't.name', 't.slug'])
      .orderBy('t.name')
      .orderBy('t.id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ])
  const ids = page.map((t) => t.id)
  const counts =
    ids.length === 0
      ? []
      : await db
          .selectFrom('article_tags')
          .select(['tag_id', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('tag_id', 'in', ids)
          .groupBy('tag_id')
          .execute()
  const byId = new Map(counts.map((c) => [c.tag_id, Number(c.n)]))
  return {
    tags: page.map((t) => ({ ...t, articleCount: byId.get(t.id) ?? 0 })),
    total: Number(counted.n),
  }
}

/** A tag by its name (any case) or its slug. */
export async function findTagByNameOrSlug(
  db: Db,
  text: string,
): Promise<{ id: number; name: string; slug: string } | undefined> {
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'slug'])
    .where((eb) =>
      eb.or([eb('slug', '=', text.toLowerCase()), sql<boolean>`lower(name) = lower(${text})`]),
    )
    .orderBy('id')
    .executeTakeFirst()
}

export async function updateTagRow(
  db: Db,
  id: number,
  update: { name?: string; slug?: string; description?: string },
): Promise<void> {
  if (Object.keys(update).length === 0) return
  await db.updateTable('tags').set(update).where('id', '=', id).execute()
}

/** Delete a tag and its links to articles. Returns the ids of the articles that carried it. */
export async function deleteTagRow(db: Db, id: number): Promise<number[]> {
  const carried = await db
    .selectFrom('article_tags')
    .select('article_id')
    .where('tag_id', '=', id)
    .execute()
  await db.deleteFrom('article_tags').where('tag_id', '=', id).execute()
  await db.deleteFrom('tags').where('id', '=', id).execute()
  return carried.map((r) => r.article_id)
}

/** Articles tagged `fromId` get `intoId` instead (once), then `fromId` is deleted. Returns their ids. */
export async function mergeTagRows(db: Db, fromId: number, intoId: number): Promise<number[]> {
  const moved = await db
    .selectFrom('article_tags')
    .select('article_id')
    .where('tag_id', '=', fromId)
    .execute()
  await db
    .insertInto('article_tags')
    .columns(['article_id', 'tag_id', 'position', 'listed_at'])
    .expression((eb) =>
      eb
        .selectFrom('article_tags as f')
        .select(['f.article_id', sql.lit(intoId).as('tag_id'), 'f.position', 'f.listed_at'])
        .where('f.tag_id', '=', fromId)
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('article_tags as i')
                .select('i.article_id')
                .whereRef('i.article_id', '=', 'f.article_id')
                .where('i.tag_id', '=', intoId),
            ),
          ),
        ),
    )
    .execute()
  await db.deleteFrom('article_tags').where('tag_id', '=', fromId).execute()
  await db.deleteFrom('tags').where('id', '=', fromId).execute()
  return moved.map((r) => r.article_id)
}

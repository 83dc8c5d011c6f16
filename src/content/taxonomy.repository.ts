import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { TagRef } from './article.js'

type Db = Kysely<Database>

export interface Category {
  id: number
  parentId: number | null
  name: string
  slug: string
  description: string
  position: number
}

export interface Tag extends TagRef {
  description: string
}

export async function listCategories(db: Db): Promise<Category[]> {
  const rows = await db
    .selectFrom('categories')
    .select(['id', 'parent_id', 'name', 'slug', 'description', 'position'])
    .orderBy('position')
    .orderBy('name')
    .execute()
  return rows.map(toCategory)
}

export async function findCategoryBySlug(db: Db, slug: string): Promise<Category | undefined> {
  const row = await db
    .selectFrom('categories')
    .select(['id', 'parent_id', 'name', 'slug', 'description', 'position'])
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row && toCategory(row)
}

export async function insertCategory(
  db: Db,
  input: {
    name: string
    slug: string
    description: string
    parentId: number | null
    position: number
  },
  now: number,
): Promise<number> {
  const row = await db
    .insertInto('categories')
    .values({
      name: input.name,
      slug: input.slug,
      description: input.description,
      parent_id: input.parentId,
      position: input.position,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function isCategorySlugTaken(db: Db, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom('categories').select('id').where('slug', '=', slug).executeTakeFirst()) !==
    undefined
  )
}

export async function findTagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'slug', 'description'])
    .where('slug', '=', slug)
    .executeTakeFirst()
}

export async function findTagsByIds(db: Db, ids: number[]): Promise<Tag[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('tags')
    .select(['id', 'name', 'slug', 'description'])
    .where('id', 'in', ids)
    .execute()
}

export async function insertTag(db: Db, name: string, slug: string, now: number): Promise<number> {
  const row = await db
    .insertInto('tags')
    .values({ name, slug, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

function toCategory(row: {
  id: number
  parent_id: number | null
  name: string
  slug: string
  description: string
  position: number
}): Category {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    position: row.position,
  }
}

/** Tags whose name starts with `prefix` (case-insensitive), alphabetical: the editor's suggestions. */
export async function searchTags(db: Db, prefix: string, limit = 10): Promise<Tag[]> {
  const cleaned = prefix
    .trim()
    .toLowerCase()
    .replace(/[%_\\]/g, '')
  let query = db.selectFrom('tags').select(['id', 'name', 'slug', 'description'])
  if (cleaned) query = query.where((eb) => eb(eb.fn('lower', ['name']), 'like', `${cleaned}%`))
  return query.orderBy('name').limit(limit).execute()
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

export interface MenuItem {
  id: number
  label: string
  /** Resolved target: a section's or page's path, or the stored URL. */
  url: string
  categorySlug: string | null
  parentId: number | null
  /** The section or page it links to, when it links to one. */
  categoryId: number | null
  pageId: number | null
}

/** The items of the menu at `location` ('primary', 'footer'…), in order, with section/page links resolved. */
export async function findMenuItems(db: Db, location: string): Promise<MenuItem[]> {
  const rows = await db
    .selectFrom('menu_items as mi')
    .innerJoin('menus as m', 'm.id', 'mi.menu_id')
    .leftJoin('categories as c', 'c.id', 'mi.category_id')
    .leftJoin('pages as p', 'p.id', 'mi.page_id')
    .select([
      'mi.id',
      'mi.label',
      'mi.url',
      'mi.parent_id',
      'mi.category_id',
      'mi.page_id',
      'c.slug as category_slug',
      'p.slug as page_slug',
    ])
    .where('m.location', '=', location)
    .orderBy('mi.position')
    .orderBy('mi.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    url: r.category_slug ? `/${r.category_slug}/` : r.page_slug ? `/${r.page_slug}/` : r.url,
    categorySlug: r.category_slug,
    parentId: r.parent_id,
    categoryId: r.category_slug ? r.category_id : null,
    pageId: r.page_slug ? r.page_id : null,
  }))
}

export interface NewMenuItem {
  label: string
  url?: string
  categoryId?: number
  pageId?: number
}

/** Replace the menu at `location` with `items` (creating the menu if needed). */
export async function replaceMenu(
  db: Db,
  location: string,
  name: string,
  items: NewMenuItem[],
): Promise<void> {
  let menu = await db
    .selectFrom('menus')
    .select('id')
    .where('location', '=', location)
    .executeTakeFirst()
  if (!menu)
    menu = await db
      .insertInto('menus')
      .values({ location, name })
      .returning('id')
      .executeTakeFirstOrThrow()
  const menuId = menu.id
  await db.deleteFrom('menu_items').where('menu_id', '=', menuId).execute()
  if (items.length === 0) return
  await db
    .insertInto('menu_items')
    .values(
      items.map((item, position) => ({
        menu_id: menuId,
        label: item.label,
        url: item.url ?? '',
        category_id: item.categoryId ?? null,
        page_id: item.pageId ?? null,
        position,
      })),
    )
    .execute()
}

/** Put the items of the menu at `location` in the order of `orderedIds` (unknown ids are ignored). */
export async function reorderMenuItems(
  db: Db,
  location: string,
  orderedIds: number[],
): Promise<void> {
  const items = await findMenuItems(db, location)
  const known = new Set(items.map((i) => i.id))
  const order = [
    ...orderedIds.filter((id) => known.has(id)),
    ...items.map((i) => i.id).filter((id) => !orderedIds.includes(id)),
  ]
  for (const [position, id] of order.entries()) {
    await db.updateTable('menu_items').set({ position }).where('id', '=', id).execute()
  }
}

export interface NewMenuTreeItem extends NewMenuItem {
  /** Index in the same list of its parent (which comes earlier); null: top level. */
  parent: number | null
}

/** Replace the menu at `location` with a tree of items, parents first. */
export async function replaceMenuTree(
  db: Db,
  location: string,
  name: string,
  items: NewMenuTreeItem[],
): Promise<number> {
  await replaceMenu(db, location, name, [])
  const menu = await db
    .selectFrom('menus')
    .select('id')
    .where('location', '=', location)
    .executeTakeFirstOrThrow()
  await db.updateTable('menus').set({ name }).where('id', '=', menu.id).execute()
  const ids: number[] = []
  for (const [position, item] of items.entries()) {
    const parentId = item.parent === null ? null : (ids[item.parent] ?? null)
    const row = await db
      .insertInto('menu_items')
      .values({
        menu_id: menu.id,
        parent_id: parentId,
        label: item.label,
        url: item.url ?? '',
        category_id: item.categoryId ?? null,
        page_id: item.pageId ?? null,
        position,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.push(row.id)
  }
  return menu.id
}

export async function findMenuId(db: Db, location: string): Promise<number | undefined> {
  const row = await db.selectFrom('menus').select('id').where('location', '=', location).executeTakeFirst()
  return row?.id
}

/** The addresses `findMenuItems` would show for items not yet written. */
export async function resolveMenuUrls(
  db: Db,
  items: NewMenuTreeItem[],
): Promise<{ label: string; url: string; parent: number | null }[]> {
  const categoryIds = items.flatMap((i) => (i.categoryId === undefined ? [] : [i.categoryId]))
  const pageIds = items.flatMap((i) => (i.pageId === undefined ? [] : [i.pageId]))
  const categories = new Map(
    categoryIds.length === 0
      ? []
      : (
          await db.selectFrom('categories').select(['id', 'slug']).where('id', 'in', categoryIds).execute()
        ).map((r) => [r.id, r.slug]),
  )
  const pages = new Map(
    pageIds.length === 0
      ? []
      : (await db.selectFrom('pages').select(['id', 'slug']).where('id', 'in', pageIds).execute()).map(
          (r) => [r.id, r.slug],
        ),
  )
  return items.map((i) => {
    const slug =
      (i.categoryId !== undefined ? categories.get(i.categoryId) : undefined) ??
      (i.pageId !== undefined ? pages.get(i.pageId) : undefined)
    return { label: i.label, url: slug ? `/${slug}/` : (i.url ?? ''), parent: i.parent }
  })
}

/** Menus: read one by location, replace it, or put its items in a new order. */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { transact, type Kernel } from '../kernel.js'
import { findImportTargets, recordImportKeys, type ImportOrigin } from '../provenance/index.js'
import * as menus from './menu.repository.js'

/** The items of the menu at `location` ('primary', 'footer'…), in order. */
export function findMenuItems(
  deps: Pick<Kernel, 'db'>,
  location: string,
): Promise<menus.MenuItem[]> {
  return menus.findMenuItems(deps.db, location)
}

/** Replace the menu at `location` with `items` (creating the menu if needed). */
export async function replaceMenu(
  deps: Kernel,
  actor: Actor,
  input: { location: string; name: string; items: menus.NewMenuItem[] },
): Promise<void> {
  requirePermission(actor, 'taxonomy.manage')
  await transact(deps, async (tx) => {
    await menus.replaceMenu(tx.db, input.location, input.name, input.items)
    await recordAudit(tx, actor, {
      action: 'menu.update',
      subjectType: 'menu',
      details: { location: input.location, items: input.items.length },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'menu', slugs: [] })
  })
}

/** Put the menu's items in the order of `orderedIds` (unknown ids are ignored). */
export async function reorderMenu(
  deps: Kernel,
  actor: Actor,
  input: { location: string; orderedIds: number[] },
): Promise<void> {
  requirePermission(actor, 'taxonomy.manage')
  await transact(deps, async (tx) => {
    await menus.reorderMenuItems(tx.db, input.location, input.orderedIds)
    await recordAudit(tx, actor, {
      action: 'menu.update',
      subjectType: 'menu',
      details: { location: input.location, order: input.orderedIds },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'menu', slugs: [] })
  })
}

/** What `importMenu` did with the location. */
export type MenuImportOutcome = 'written' | 'unchanged' | 'kept'

/**
 * A menu from another system (the WordPress and Ghost importers): written at `location` when
 * that is empty or holds what an earlier import of the same origin wrote; a menu the newsroom
 * made there is kept (`kept`), and the same items again change nothing (`unchanged`). The
 * origin is recorded with the menu, in its transaction.
 * @example await importMenu(deps, actor, { location: 'primary', name: 'Main', items, origin })
 */
export async function importMenu(
  deps: Kernel,
  actor: Actor,
  input: {
    location: string
    name: string
    items: menus.NewMenuTreeItem[]
    origin: ImportOrigin
  },
): Promise<MenuImportOutcome> {
  requirePermission(actor, 'taxonomy.manage')
  return transact(deps, async (tx) => {
    const current = await menus.findMenuItems(tx.db, input.location)
    const position = new Map(current.map((item, i) => [item.id, i]))
    const shape = (items: { label: string; url: string; parent: number | null }[]) =>
      JSON.stringify(items.map((i) => [i.label, i.url, i.parent]))
    const before = current.map((c) => ({
      label: c.label,
      url: c.url,
      parent: c.parentId === null ? null : (position.get(c.parentId) ?? null),
    }))
    if (shape(before) === shape(await menus.resolveMenuUrls(tx.db, input.items))) return 'unchanged'
    const menuId = await menus.findMenuId(tx.db, input.location)
    const { source, id } = input.origin
    const ours = (await findImportTargets(tx, source, 'menu', [id])).get(id)
    if (current.length > 0 && (menuId === undefined || ours !== menuId)) return 'kept'
    const written = await menus.replaceMenuTree(tx.db, input.location, input.name, input.items)
    await recordImportKeys(tx, source, 'menu', [[id, written]])
    await recordAudit(tx, actor, {
      action: 'menu.import',
      subjectType: 'menu',
      details: { location: input.location, items: input.items.length },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'menu', slugs: [] })
    return 'written'
  })
}

/** Menus: read one by location, replace it, or put its items in a new order. */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { transact, type Kernel } from '../kernel.js'
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

/**
 * The wire desk: incoming items, and what an editor does with them. Publishing or drafting an
 * item makes its story through `importArticles` (the same rules as every imported story:
 * sanitized body, attribution, canonical link to the original); skipping records the decision.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { importArticles } from '../content/index.js'
import { validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import {
  countWaitingItems,
  findItemRow,
  listItemRows,
  updateItem,
  type ItemFilter,
  type WireItem,
} from './item.repository.js'
import { storyFor } from './item-story.js'
import { findSourceById, type WireSource } from './source.repository.js'
import { fetchStoryExtras, type Extras, type ExtrasWanted } from './story-extras.js'
import type { WireDeps } from './wire-deps.js'
import type { WireItemRow } from './wire.table.js'

/** What an editor does with items: publish them now, make drafts to edit first, or skip them. */
export type DeskAction = 'publish' | 'draft' | 'skip'
export const DESK_ACTIONS: readonly DeskAction[] = ['publish', 'draft', 'skip']

/** The result of a desk action: the stories made (in item order), and items left as they were. */
export interface DeskResult {
  articleIds: number[]
  /** Items that were already taken or skipped, or no longer exist. */
  unchanged: number
}

const MAX_ITEMS = 200

/**
 * Publish, draft or skip items waiting on the desk (a skipped item can still be taken). Items
 * already taken are left alone, so a double click never makes two stories.
 * @example const { articleIds: [id] } = await takeItems(deps, userActor(me), [itemId], 'draft')
 */
export async function takeItems(
  deps: Kernel | WireDeps,
  actor: Actor,
  itemIds: number[],
  action: DeskAction,
): Promise<DeskResult> {
  requirePermission(actor, 'wire.manage')
  if (!DESK_ACTIONS.includes(action)) throw validationError('action', 'publish, draft or skip')
  const ids = [...new Set(itemIds)]
  if (ids.length === 0) throw validationError('ids', 'choose at least one item')
  if (ids.length > MAX_ITEMS) throw validationError('ids', `at most ${MAX_ITEMS} items at a time`)
  // Images and full texts are fetched before the transaction: no network while it holds the database.
  const extras = action === 'skip' ? new Map<number, Extras>() : await fetchExtras(deps, actor, ids)
  return transact(deps, async (tx) => {
    const open: { row: WireItemRow; source: WireSource }[] = []
    for (const id of ids) {
      const row = await findItemRow(tx.db, id)
      if (!row || !(row.status === 'new' || (row.status === 'skipped' && action !== 'skip')))
        continue
      const source = await findSourceById(tx.db, row.source_id)
      if (source) open.push({ row, source })
    }
    const now = tx.clock.now().getTime()
    let articleIds: number[] = []
    if (action === 'skip') {
      for (const { row } of open)
        await updateItem(tx.db, row.id, { status: 'skipped', updated_at: now })
    } else if (open.length > 0) {
      const status = action === 'publish' ? 'published' : 'draft'
      articleIds = await importArticles(
        tx,
        actor,
        open.map(({ row, source }) => {
          const extra = extras.get(row.id)
          const item = storyItem(row)
          const full = extra?.contentHtml ? { ...item, contentHtml: extra.contentHtml } : item
          return storyFor(full, source, status, extra?.mediaId)
        }),
      )
      for (const [i, { row }] of open.entries())
        await updateItem(tx.db, row.id, {
          status: action === 'publish' ? 'published' : 'draft',
          article_id: articleIds[i] ?? null,
          article_version: 1,
          updated_at: now,
        })
    }
    if (open.length > 0)
      await recordAudit(tx, actor, {
        action: 'wire.item.take',
        subjectType: 'wire_item',
        ...(open.length === 1 ? { subjectId: open[0]!.row.id } : {}),
        details: { action, items: open.map((o) => o.row.id), articles: articleIds },
      })
    return { articleIds, unchanged: ids.length - open.length }
  })
}

/** Incoming items, newest first, by source, status or words in the title. */
export function listWireItems(
  deps: Pick<Kernel, 'db'>,
  filter: Partial<ItemFilter> = {},
): Promise<WireItem[]> {
  return listItemRows(deps.db, { ...filter, limit: Math.min(filter.limit ?? 50, 200) })
}

/** How many items wait on the desk (the badge). */
export function countNewItems(deps: Pick<Kernel, 'db'>): Promise<number> {
  return countWaitingItems(deps.db)
}

/**
 * For the waiting items among `ids` (by item id): the featured image into the library, and for
 * a full-text source that asks for it, the article from the item's page; a few at a time,
 * within one budget (story-extras.ts).
 */
async function fetchExtras(
  deps: Kernel | WireDeps,
  actor: Actor,
  ids: number[],
): Promise<Map<number, Extras>> {
  if (!('wireClient' in deps)) return new Map()
  const wanted: ExtrasWanted<number>[] = []
  for (const id of new Set(ids)) {
    const row = await findItemRow(deps.db, id)
    if (!row || !(row.status === 'new' || row.status === 'skipped')) continue
    const source = await findSourceById(deps.db, row.source_id)
    if (!source) continue
    wanted.push({
      key: row.id,
      image: row.image_url ? { url: row.image_url } : undefined,
      page: source.mode === 'full' && source.fetchFullText ? (row.link ?? undefined) : undefined,
      credit: source.name,
    })
  }
  return fetchStoryExtras(deps, actor, wanted)
}

function storyItem(row: WireItemRow) {
  return {
    title: row.title,
    link: row.link ?? undefined,
    author: row.author ?? undefined,
    categories: JSON.parse(row.categories) as string[],
    excerpt: row.excerpt,
    contentHtml: row.content_html ?? undefined,
    summaryHtml: undefined,
    publishedAt: new Date(Number(row.published_at)),
    image: row.image_url ? { url: row.image_url } : undefined,
  }
}

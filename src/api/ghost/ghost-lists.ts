/**
 * @module ghost-lists
 * Small resources (pages, tags, authors) are filtered, ordered and paged in memory: the same
 * NQL, `order`, `limit` and `fields` as posts, over the few fields each resource allows.
 */
import type { ApiScalar } from '../../content/index.js'
import { GhostError } from './ghost-errors.js'
import {
  limitOption,
  listOption,
  orderOption,
  pageOf,
  pagination,
  type GhostQuery,
  type OrderTerm,
} from './ghost-params.js'
import { pickFields, type GhostObject } from './ghost-serializers.js'
import { matchesFilter, parseNqlFilter } from './nql-filter.js'

/** A row to filter and order on (`record`) and what the client gets (`object`). */
export type Entry<F extends string> = { record: Record<F | string, ApiScalar>; object: GhostObject }

export interface ListOptions {
  fields: Set<string> | undefined
  keep: readonly string[]
  /** Fields `order` may name; the filter fields (and `count.posts`) when absent. */
  orderFields?: readonly string[]
}

/** The `fields` option as a set, or undefined when the client asked for every field. */
export function fieldsOption(query: GhostQuery): Set<string> | undefined {
  const fields = listOption('fields', query.fields, null)
  return fields.size > 0 ? fields : undefined
}

/** Filter, order and page a small resource in memory: `{[resource]: […], meta}`. */
export function inMemoryList<F extends string>(
  resource: string,
  entries: Entry<F>[],
  query: GhostQuery,
  fields: readonly F[],
  options: ListOptions,
) {
  const filter = query.filter ? parseNqlFilter(query.filter, fields) : undefined
  const order = orderOption<string>(query.order, options.orderFields ?? [...fields, 'count.posts'])
  let list = filter
    ? entries.filter((e) => matchesFilter(e.record as Record<F, ApiScalar>, filter))
    : entries
  if (order) list = [...list].sort((a, b) => compareBy(a.record, b.record, order))
  const limit = limitOption(query.limit)
  const page = query.page ?? 1
  return {
    [resource]: pageOf(list, page, limit).map((e) =>
      pickFields(e.object, options.fields, options.keep),
    ),
    meta: { pagination: pagination(list.length, page, limit) },
  }
}

function compareBy(
  a: Record<string, ApiScalar>,
  b: Record<string, ApiScalar>,
  order: OrderTerm<string>[],
): number {
  for (const { field, direction } of order) {
    const [x, y] = [a[field], b[field]]
    const diff =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x ?? '').localeCompare(String(y ?? ''))
    if (diff !== 0) return direction === 'asc' ? diff : -diff
  }
  return 0
}

/** The one item of a read, without `meta` (Ghost's client relies on its absence). */
export function readOne(
  resource: string,
  list: Record<string, unknown>,
  test: (object: GhostObject) => boolean,
) {
  const items = list[resource] as GhostObject[]
  const found = items.find(test)
  if (!found) throw new GhostError('NotFoundError', `${resource.slice(0, -1)} not found.`)
  return { [resource]: [found] }
}

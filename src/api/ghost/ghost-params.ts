/**
 * @module ghost-params
 * The query options Ghost's APIs share (`include`, `fields`, `formats`, `limit`, `page`,
 * `order`), as one TypeBox schema and small readers that turn them into sets and orders, with
 * a 400 for anything outside what a resource allows.
 */
import { Type, type Static } from '@sinclair/typebox'
import { badParameter } from './ghost-errors.js'

/** Options of a browse or read request. Extra keys (`key`, `slug`…) are allowed and ignored. */
export const GhostQuery = Type.Object(
  {
    key: Type.Optional(Type.String({ maxLength: 200, description: 'Content API key' })),
    include: Type.Optional(Type.String({ maxLength: 200, description: 'e.g. tags,authors' })),
    fields: Type.Optional(Type.String({ maxLength: 1000, description: 'e.g. title,url' })),
    formats: Type.Optional(Type.String({ maxLength: 100, description: 'html, plaintext' })),
    filter: Type.Optional(Type.String({ maxLength: 4000, description: 'NQL filter' })),
    limit: Type.Optional(
      Type.String({ pattern: '^(all|[1-9][0-9]{0,6})$', description: 'default 15, or all' }),
    ),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    order: Type.Optional(Type.String({ maxLength: 300, description: 'e.g. published_at desc' })),
  },
  { additionalProperties: true },
)
export type GhostQuery = Static<typeof GhostQuery>

/** A comma list as a set, every member among `allowed` (else a 400 naming the option). */
export function listOption(
  name: string,
  text: string | undefined,
  allowed: readonly string[] | null,
): Set<string> {
  const items = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (allowed)
    for (const item of items)
      if (!allowed.includes(item))
        throw badParameter(`Validation (AllowedValues) failed for ${name}: ${item}`, name)
  return new Set(items)
}

export interface OrderTerm<F extends string> {
  field: F
  direction: 'asc' | 'desc'
}

/** `published_at desc, title asc` → terms over `allowed` fields (else a 400). */
export function orderOption<F extends string>(
  text: string | undefined,
  allowed: readonly F[],
): OrderTerm<F>[] | undefined {
  if (!text?.trim()) return undefined
  return text.split(',').map((part) => {
    const [field = '', direction = 'asc', ...rest] = part.trim().split(/\s+/)
    const dir = direction.toLowerCase()
    if (rest.length > 0 || (dir !== 'asc' && dir !== 'desc'))
      throw badParameter(`Invalid order: ${part.trim()}`, 'order')
    if (!(allowed as readonly string[]).includes(field))
      throw badParameter(`Invalid order field: ${field}`, 'order')
    return { field: field as F, direction: dir }
  })
}

/** The page size: a number, `all`, or 15. */
export function limitOption(text: string | undefined): number | 'all' {
  if (text === 'all') return 'all'
  return text ? Number(text) : 15
}

/** Ghost's `meta.pagination` for a page of `total` items. */
export function pagination(total: number, page: number, limit: number | 'all') {
  const pages = limit === 'all' ? 1 : Math.max(1, Math.ceil(total / limit))
  return {
    page,
    limit,
    pages,
    total,
    next: page < pages ? page + 1 : null,
    prev: page > 1 ? page - 1 : null,
  }
}

/** One page of an in-memory list. */
export function pageOf<T>(items: T[], page: number, limit: number | 'all'): T[] {
  if (limit === 'all') return items
  return items.slice((page - 1) * limit, page * limit)
}

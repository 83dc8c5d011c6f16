/**
 * The responsive variants of every image a page shows, loaded in one query before rendering,
 * so image components can write `srcset` and the head can point at the social crop.
 */
import { findVariants } from '../../media/index.js'
import { mediaIdsInBody } from './body-images.js'
import type { ImageVariants } from './seo.js'
import type { SiteDeps } from '../site-view.js'

const MAX_DEPTH = 6

/**
 * Find image references (`{ mediaId, url }`, and library images inside a `bodyHtml`) anywhere in
 * `data` and load their variants.
 */
export async function loadImageVariants(
  deps: SiteDeps,
  ...data: unknown[]
): Promise<ImageVariants> {
  const ids = new Set<number>()
  for (const value of data) collect(value, ids, 0, new Set())
  if (ids.size === 0) return new Map()
  return findVariants(deps, [...ids])
}

function collect(value: unknown, ids: Set<number>, depth: number, seen: Set<object>): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || seen.has(value)) return
  seen.add(value)
  if (value instanceof Date) return
  if (Array.isArray(value)) {
    for (const item of value) collect(item, ids, depth + 1, seen)
    return
  }
  const record = value as Record<string, unknown>
  if (typeof record.mediaId === 'number' && typeof record.url === 'string') ids.add(record.mediaId)
  if (typeof record.bodyHtml === 'string')
    for (const id of mediaIdsInBody(record.bodyHtml)) ids.add(id)
  for (const child of Object.values(record)) collect(child, ids, depth + 1, seen)
}

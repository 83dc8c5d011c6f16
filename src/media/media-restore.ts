/**
 * The media library in a Broadsheet backup: records only (path, size, alt text, caption,
 * credit, variants). The files themselves travel separately (`broadsheet backup`, a copy of
 * DATA_DIR/media, or the bucket), so restoring writes rows that point at the same storage keys.
 */
import type { Actor } from '../auth/index.js'
import { recordAudit, requirePermission } from '../auth/index.js'
import { validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import {
  insertMedia,
  insertVariants,
  listMediaAfter,
  type NewMedia,
  type StoredMediaRecord,
} from './media.repository.js'
import { checkMediaKey } from './storage.js'

export type { StoredMediaRecord }

export interface RestoredMedia extends NewMedia {
  createdAt: Date
  variants: StoredMediaRecord['variants']
}

/** Library entries after `afterId`, in id order, `limit` at a time (full exports). */
export function listMediaForExport(
  deps: Pick<Kernel, 'db'>,
  afterId: number,
  limit = 200,
): Promise<StoredMediaRecord[]> {
  return listMediaAfter(deps.db, afterId, limit)
}

/**
 * Add library records for files already in storage, with their own dates; returns their ids in
 * order. Nothing is rendered: the variants are the ones the backup lists.
 * @example const ids = await restoreMedia(deps, systemActor('json-import'), records)
 */
export async function restoreMedia(
  deps: Kernel,
  actor: Actor,
  items: RestoredMedia[],
): Promise<number[]> {
  requirePermission(actor, 'media.upload')
  for (const item of [...items, ...items.flatMap((i) => i.variants)])
    try {
      checkMediaKey(item.path)
    } catch {
      throw validationError('path', `"${item.path}" is not a media path`)
    }
  return transact(deps, async (tx) => {
    const ids: number[] = []
    for (const item of items) {
      const id = await insertMedia(tx.db, item, item.createdAt.getTime())
      const paths = new Map<object, string>(item.variants.map((v) => [v, v.path]))
      await insertVariants(tx.db, id, item.variants, (v) => paths.get(v) ?? '')
      ids.push(id)
    }
    if (ids.length > 0)
      await recordAudit(tx, actor, {
        action: 'media.import',
        subjectType: 'media',
        details: { count: ids.length },
      })
    return ids
  })
}

/** Reads for full exports (WordPress WXR, Ghost JSON): everything, in id order, a page at a time. */
import type { Kernel } from '../kernel.js'
import { listArticleIdsAfter, listPagesAfter, type ExportPage } from './export.repository.js'

type Reader = Pick<Kernel, 'db'>

/** Article ids (every status) after `afterId`, in id order. */
export function listArticleIdsForExport(
  deps: Reader,
  afterId: number,
  limit = 200,
): Promise<number[]> {
  return listArticleIdsAfter(deps.db, afterId, limit)
}

/** Static pages (every status) after `afterId`, in id order. */
export function listPagesForExport(
  deps: Reader,
  afterId: number,
  limit = 200,
): Promise<ExportPage[]> {
  return listPagesAfter(deps.db, afterId, limit)
}

/** Reads for full exports (WordPress WXR, Ghost JSON): everything, in id order, a page at a time. */
import type { Kernel } from '../kernel.js'
import {
  listArticleIdsAfter,
  listPagesAfter,
  listRedirectsAfter,
  listTagsAfter,
  type ExportPage,
} from './export.repository.js'

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

/** Tags with descriptions after `afterId`, in id order. */
export function listTagsForExport(
  deps: Reader,
  afterId: number,
  limit = 1_000,
): ReturnType<typeof listTagsAfter> {
  return listTagsAfter(deps.db, afterId, limit)
}

/** Redirects after `afterId`, in id order. */
export function listRedirectsForExport(
  deps: Reader,
  afterId: number,
  limit = 1_000,
): ReturnType<typeof listRedirectsAfter> {
  return listRedirectsAfter(deps.db, afterId, limit)
}

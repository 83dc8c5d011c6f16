import { transact, type Kernel } from '../kernel.js'
import { addViews, listPublishedArticleIds } from './page-view.repository.js'

const HOUR = 3_600_000

/**
 * Counts views in memory and writes them as hourly aggregates in one short burst, so a popular
 * story costs one UPDATE per flush instead of one per reader. Holds state: built at the edge.
 */
export class ViewBuffer {
  private pending = new Map<string, { articleId: number; hour: number; count: number }>()

  /** Count one view of `articleId` at `at` (epoch ms). */
  add(articleId: number, at: number): void {
    const hour = Math.floor(at / HOUR) * HOUR
    const key = `${articleId}:${hour}`
    const entry = this.pending.get(key)
    if (entry) entry.count += 1
    else this.pending.set(key, { articleId, hour, count: 1 })
  }

  get size(): number {
    return this.pending.size
  }

  /** Write everything counted so far. Views of articles that no longer exist are dropped. */
  async flush(deps: Kernel): Promise<number> {
    const batch = [...this.pending.values()]
    this.pending = new Map()
    if (batch.length === 0) return 0
    const ids = [...new Set(batch.map((b) => b.articleId))]
    const existing = await listPublishedArticleIds(deps.db, ids)
    return transact(deps, async (tx) => {
      let written = 0
      for (const entry of batch) {
        if (!existing.has(entry.articleId)) continue
        await addViews(tx.db, entry.articleId, entry.hour, entry.count)
        written += entry.count
      }
      return written
    })
  }
}

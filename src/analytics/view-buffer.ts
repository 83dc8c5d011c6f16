import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { addViews } from './page-view.repository.js'

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
  async flush(db: Kysely<Database>): Promise<number> {
    const batch = [...this.pending.values()]
    this.pending = new Map()
    if (batch.length === 0) return 0
    const ids = [...new Set(batch.map((b) => b.articleId))]
    // By primary key only; the status is checked here (see findFeedArticlesByIds).
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'status'])
      .where('id', 'in', ids)
      .execute()
    const existing = new Set(rows.filter((r) => r.status === 'published').map((r) => r.id))
    let written = 0
    await db.transaction().execute(async (trx) => {
      for (const entry of batch) {
        if (!existing.has(entry.articleId)) continue
        await addViews(trx, entry.articleId, entry.hour, entry.count)
        written += entry.count
      }
    })
    return written
  }
}

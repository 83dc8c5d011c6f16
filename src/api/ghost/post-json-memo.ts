/**
 * @module post-json-memo
 * Content API posts as JSON (UTF-8 bytes, ready to send), kept between requests so a browse that misses the page cache
 * loads and serializes only the posts it has not shown lately. Kept as the reader site's chrome
 * is: cleared by every page-cache purge (local or from another process), entries expiring after
 * `ttlMs` for a write no purge announced (another process without a purge channel). Bounded by
 * `maxEntries`, oldest first out, so walking the whole archive holds at most that many posts.
 */
import type { Clock } from '../../clock.js'

export class PostJsonMemo {
  private readonly entries = new Map<string, { json: Buffer; expiresAt: number }>()
  private generation = 0

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** The JSON under `key`, or undefined when absent or expired. */
  get(key: string): Buffer | undefined {
    const found = this.entries.get(key)
    if (!found) return undefined
    if (found.expiresAt > this.clock.now().getTime()) return found.json
    this.entries.delete(key)
    return undefined
  }

  /** Where a load begins: `set` with it keeps nothing when a purge came in between. */
  mark(): number {
    return this.generation
  }

  /** Keep `json` under `key`, unless the memo was cleared since `mark` (it may be stale). */
  set(key: string, json: Buffer, mark: number): void {
    if (mark !== this.generation) return
    this.entries.delete(key)
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.entries.delete(oldest.value)
    }
    this.entries.set(key, { json, expiresAt: this.clock.now().getTime() + this.ttlMs })
  }

  /** Forget everything (a write happened somewhere). */
  clear(): void {
    this.entries.clear()
    this.generation++
  }

  get size(): number {
    return this.entries.size
  }
}

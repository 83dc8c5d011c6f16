/**
 * @module post-json-memo
 * Content API posts as JSON (UTF-8 bytes, ready to send), kept between requests so a browse that misses the page cache
 * loads and serializes only the posts it has not shown lately. Told of every page-cache purge
 * (local or from another process): a story's own purge forgets that story only, so a newsroom
 * publishing every few seconds leaves the other posts in place; any other purge (sections, tags,
 * people, settings, an import) forgets everything. Entries expire after `ttlMs` for a write no
 * purge announced (another process without a purge channel). Bounded by `maxEntries`, oldest
 * first out, so walking the whole archive holds at most that many posts. Keys begin with the
 * post's id and a `|`.
 */
import type { Clock } from '../../clock.js'

/**
 * The tags a story's own write purges (cache/tags-for-event.ts: its page, its lists, the feeds).
 * None of them says another post's JSON changed; a rename, a profile or a setting comes without
 * an `article:` tag.
 */
const STORY_PURGE = /^(article|section|tag|author):|^(home|latest|feed|sitemap|search|api)$/

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

  /** Forget what a page-cache purge of `tags` may have made stale (none: a purge of everything). */
  purge(tags: readonly string[]): void {
    const stories = new Set<string>()
    for (const tag of tags) {
      if (!STORY_PURGE.test(tag)) return this.clear()
      if (tag.startsWith('article:')) stories.add(tag.slice('article:'.length))
    }
    if (stories.size === 0) return this.clear()
    for (const key of this.entries.keys())
      if (stories.has(key.slice(0, key.indexOf('|')))) this.entries.delete(key)
    // A load in flight may hold a story from before the write: it keeps nothing.
    this.generation++
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

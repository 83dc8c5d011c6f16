/**
 * What every reader page shows around its content (settings, menus, sections, Trending, the
 * sidebar's lists), kept between renders. An uncached render otherwise spends about half its
 * queries on it. Cleared by every page-cache purge, local or from another process, so it is
 * never staler than the cached pages; entries also expire after `ttlMs`, for what changes
 * without a write (Trending follows page views).
 */
import type { Clock } from '../clock.js'

export class ChromeMemo {
  private readonly entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>()

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  /** The value under `key`, loading it when absent or expired. Failed loads are not kept. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime()
    const found = this.entries.get(key)
    if (found && found.expiresAt > now) return found.value as Promise<T>
    const value = load()
    const entry = { value, expiresAt: now + this.ttlMs }
    this.entries.set(key, entry)
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key)
    })
    return value
  }

  /** Forget everything (a write happened somewhere). */
  clear(): void {
    this.entries.clear()
  }
}

/**
 * @module page-cache
 * An in-memory LRU of finished responses, bounded by bytes, indexed by tag. Each entry holds the
 * identity body and its gzip and brotli variants, compressed once when stored, and a strong ETag.
 * A purge does not forget a page at once: it keeps it as a *stale* copy for a short grace period
 * so concurrent readers can be answered while one render refills it (stale-while-revalidate).
 */
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** What a route produced, as the cache receives it. */
export interface ResponseToStore {
  status: number
  /** Lower-case header names: content-type, last-modified… (no set-cookie, no content-length). */
  headers: Record<string, string>
  body: Buffer
  tags: readonly string[]
}

/** One cached response with its ready-made variants. Immutable once built. */
export interface CacheEntry {
  readonly key: string
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly identity: Buffer
  readonly gzip: Buffer
  readonly brotli: Buffer
  /** Hash of the identity body, without quotes; the variants' ETags derive from it. */
  readonly hash: string
  readonly tags: readonly string[]
  readonly bytes: number
}

export type Encoding = 'br' | 'gzip' | 'identity'

/** Compress the body twice (gzip, brotli quality 5: cheap enough to do on every store). */
export async function buildCacheEntry(key: string, response: ResponseToStore): Promise<CacheEntry> {
  const { body } = response
  const [gzipped, brotlied] = await Promise.all([
    gzip(body, { level: 6 }),
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  ])
  const headerBytes = Object.entries(response.headers).reduce(
    (sum, [name, value]) => sum + name.length + value.length,
    0,
  )
  return Object.freeze({
    key,
    status: response.status,
    headers: Object.freeze({ ...response.headers }),
    identity: body,
    gzip: gzipped,
    brotli: brotlied,
    hash: createHash('sha256').update(body).digest('base64url').slice(0, 32),
    tags: Object.freeze([...new Set(response.tags)]),
    bytes:
      body.length +
      gzipped.length +
      brotlied.length +
      headerBytes +
      key.length * 2 +
      response.tags.join('').length * 2 +
      ENTRY_OVERHEAD,
  })
}

/** The strong ETag of one variant: each encoding is its own representation (RFC 9110 §8.8.3). */
export function etagOf(entry: CacheEntry, encoding: Encoding): string {
  return encoding === 'identity' ? `"${entry.hash}"` : `"${entry.hash}-${encoding}"`
}

/** The body of one variant. */
export function bodyOf(entry: CacheEntry, encoding: Encoding): Buffer {
  return encoding === 'br' ? entry.brotli : encoding === 'gzip' ? entry.gzip : entry.identity
}

/** Rough per-entry bookkeeping (Map slots, objects, tag-index sets), so tiny pages count too. */
const ENTRY_OVERHEAD = 512
const PURGE_LOG_LENGTH = 512

export interface PageCacheOptions {
  /** Upper bound of the bytes held (bodies, variants, headers, bookkeeping estimate). */
  maxBytes: number
  /** How long a purged entry may still be served while its refill renders. 0 forgets at once. */
  staleGraceMs?: number
  /**
   * How long after its grace a purged entry is still kept for one use: answering when the
   * render that should replace it fails (the database is down). 0 (default) forgets it.
   */
  staleIfErrorMs?: number
  now?: () => number
}

/** A copy to answer with when a render fails, and when it was stored. */
export interface Fallback {
  entry: CacheEntry
  storedAt: number
}

export interface Lookup {
  entry: CacheEntry
  /** Purged: serve only while a refill is rendering, and never as fresh. */
  stale: boolean
}

interface Slot {
  entry: CacheEntry
  storedAt: number
  /** Set once purged: the time after which the stale copy is no longer served to readers. */
  staleUntil: number | null
}

/** The byte-bounded, tag-indexed LRU. Holds state, so it is a class; one per app. */
export class PageCache {
  /** Map iteration order is the recency order: first = least recently used. */
  private readonly slots = new Map<string, Slot>()
  private readonly byTag = new Map<string, Set<string>>()
  private readonly purgeLog: { generation: number; tags: ReadonlySet<string> | 'all' }[] = []
  private readonly maxBytes: number
  private readonly staleGraceMs: number
  private readonly staleIfErrorMs: number
  private readonly now: () => number
  private heldBytes = 0
  private purges = 0
  private maxAgeMs: number | null = null

  constructor(options: PageCacheOptions) {
    this.maxBytes = options.maxBytes
    this.staleGraceMs = options.staleGraceMs ?? 10_000
    this.staleIfErrorMs = options.staleIfErrorMs ?? 0
    this.now = options.now ?? Date.now
  }

  /** Bytes held now (never above `maxBytes`). */
  get bytes(): number {
    return this.heldBytes
  }

  /** Entries held, stale ones included. */
  get size(): number {
    return this.slots.size
  }

  /**
   * A counter that moves on every purge. Read it before rendering and hand it to `put`, so a
   * render that started before a purge of its tags is not stored as fresh.
   */
  get generation(): number {
    return this.purges
  }

  /**
   * Answer only with entries younger than `ms` (null: no limit). While purges from other nodes
   * may be missed (Redis down), this bounds how stale a page can be; older entries are kept
   * only as the fallback for a failed render.
   */
  limitAge(ms: number | null): void {
    this.maxAgeMs = ms
  }

  /** Find an entry (fresh or stale within its grace) and mark it recently used. */
  lookup(key: string): Lookup | undefined {
    const slot = this.slots.get(key)
    if (!slot) return undefined
    if (this.maxAgeMs !== null && this.now() - slot.storedAt > this.maxAgeMs) return undefined
    if (slot.staleUntil !== null && slot.staleUntil <= this.now()) {
      // Past its grace: kept (if at all) only as the fallback for a failed render.
      if (slot.staleUntil + this.staleIfErrorMs <= this.now()) this.remove(key)
      return undefined
    }
    this.slots.delete(key)
    this.slots.set(key, slot)
    return { entry: slot.entry, stale: slot.staleUntil !== null }
  }

  /**
   * Any copy of a key still held, fresh, stale or kept past its grace for errors: what to answer
   * with when the render that should replace it fails.
   */
  fallback(key: string): Fallback | undefined {
    const slot = this.slots.get(key)
    if (!slot) return undefined
    if (slot.staleUntil !== null && slot.staleUntil + this.staleIfErrorMs <= this.now()) {
      this.remove(key)
      return undefined
    }
    return { entry: slot.entry, storedAt: slot.storedAt }
  }

  /** The fresh entry for a key, if any. */
  get(key: string): CacheEntry | undefined {
    const found = this.lookup(key)
    return found && !found.stale ? found.entry : undefined
  }

  /** Keys of fresh entries carrying a tag (for tests and the static mirror). */
  keysTagged(tag: string): string[] {
    return [...(this.byTag.get(tag) ?? [])]
  }

  /**
   * Store an entry, evicting least recently used ones until it fits. Refused (false) when it is
   * larger than the whole cache, or when one of its tags was purged after `sinceGeneration`.
   */
  put(entry: CacheEntry, sinceGeneration = this.purges): boolean {
    if (entry.bytes > this.maxBytes) return false
    if (this.purgedSince(sinceGeneration, entry.tags)) return false
    this.remove(entry.key)
    this.slots.set(entry.key, { entry, storedAt: this.now(), staleUntil: null })
    this.heldBytes += entry.bytes
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag)
      if (!keys) this.byTag.set(tag, (keys = new Set()))
      keys.add(entry.key)
    }
    this.evictUntilWithin(this.maxBytes)
    return true
  }

  /**
   * Purge every entry carrying any of the tags. They turn stale (or vanish when the grace is 0).
   * Returns the keys purged.
   */
  purge(tags: Iterable<string>): string[] {
    const tagSet = new Set(tags)
    this.logPurge(tagSet)
    const keys = new Set<string>()
    for (const tag of tagSet) for (const key of this.byTag.get(tag) ?? []) keys.add(key)
    for (const key of keys) this.expire(key)
    return [...keys]
  }

  /** Purge everything. */
  purgeAll(): void {
    this.logPurge('all')
    for (const key of [...this.slots.keys()]) this.expire(key)
  }

  /** Drop an entry now, fresh or stale. */
  delete(key: string): void {
    this.remove(key)
  }

  private expire(key: string): void {
    const slot = this.slots.get(key)
    if (!slot || slot.staleUntil !== null) return
    if (this.staleGraceMs <= 0 && this.staleIfErrorMs <= 0) return this.remove(key)
    this.unindex(slot.entry)
    slot.staleUntil = this.now() + this.staleGraceMs
  }

  private logPurge(tags: ReadonlySet<string> | 'all'): void {
    this.purges += 1
    this.purgeLog.push({ generation: this.purges, tags })
    if (this.purgeLog.length > PURGE_LOG_LENGTH) this.purgeLog.shift()
  }

  private purgedSince(generation: number, tags: readonly string[]): boolean {
    if (generation >= this.purges) return false
    const oldest = this.purgeLog[0]
    // The log no longer reaches back that far: assume the worst.
    if (!oldest || oldest.generation > generation + 1) return true
    return this.purgeLog.some(
      (purge) =>
        purge.generation > generation &&
        (purge.tags === 'all' || tags.some((tag) => (purge.tags as Set<string>).has(tag))),
    )
  }

  private evictUntilWithin(limit: number): void {
    for (const key of this.slots.keys()) {
      if (this.heldBytes <= limit) return
      this.remove(key)
    }
  }

  private remove(key: string): void {
    const slot = this.slots.get(key)
    if (!slot) return
    this.slots.delete(key)
    this.heldBytes -= slot.entry.bytes
    if (slot.staleUntil === null) this.unindex(slot.entry)
  }

  private unindex(entry: CacheEntry): void {
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag)
      if (!keys) continue
      keys.delete(entry.key)
      if (keys.size === 0) this.byTag.delete(tag)
    }
  }
}

/**
 * @module cache-purger
 * One place a purge goes through: the local page cache, the other nodes (Redis) and the CDN.
 */
import type { PageCache } from './page-cache.js'

/** Anything that carries purges to the other processes/nodes. */
export interface PurgeChannel {
  /** Resolves once purges from elsewhere are being received. */
  readonly ready: Promise<void>
  /** Send this process's purge to the others. */
  publish(tags: readonly string[]): void
  /** Apply, with `apply`, the purges the others publish (one listener per channel). */
  listen(apply: (tags: string[]) => void): void
  /**
   * Told when the channel loses (false) and regains (true) its connection, for channels that
   * can: while it is down, purges from other nodes are missed.
   */
  onConnection?(listener: (connected: boolean) => void): void
  close(): Promise<void>
}

/**
 * Builds the channel once the app's logger exists. Chosen where the app is assembled
 * (`main.ts`): Redis between nodes, the cluster primary between workers, none on one process.
 */
export type PurgeChannelFactory = (log: PurgeLog) => PurgeChannel

export interface PurgeLog {
  info(object: object, message: string): void
  warn(object: object, message: string): void
}

export interface CachePurgerOptions {
  /** This process's cache; null when the in-memory cache is off (the CDN may still be purged). */
  cache: PageCache | null
  /** Carries purges to the other nodes; null on a single node. */
  channel?: Pick<PurgeChannel, 'publish'> | null
  /** `CDN_PURGE_URL`: receives `POST {"tags":[…]}` for every purge this node originates. */
  cdnPurgeUrl?: string
  /** Extra local purge targets (the static mirror). */
  onLocalPurge?: (tags: readonly string[]) => void
  log: PurgeLog
}

/** Routes purges to every place that holds a copy. */
export class CachePurger {
  constructor(private readonly options: CachePurgerOptions) {}

  /** Purge tags everywhere: here, on every other node, and at the CDN. */
  purge(tags: readonly string[]): void {
    if (tags.length === 0) return
    this.purgeLocally(tags)
    this.options.channel?.publish(tags)
    // Only the node where the write happened tells the CDN: one request per purge, not N.
    if (this.options.cdnPurgeUrl)
      void postCdnPurge(this.options.cdnPurgeUrl, tags, this.options.log)
  }

  /** Apply a purge that another node published. */
  purgeLocally(tags: readonly string[]): void {
    if (tags.length === 0) return
    this.options.cache?.purge(tags)
    this.options.onLocalPurge?.(tags)
  }
}

const CDN_TIMEOUT_MS = 5_000

/**
 * Fire-and-forget purge hook: `POST <url>` with `{"tags": [...]}` as JSON. A small relay turns it
 * into the CDN's own call (Fastly `POST /service/:id/purge` with `Surrogate-Key`, Cloudflare
 * `purge_cache` with `tags`). Never throws; failures are logged.
 */
export async function postCdnPurge(
  url: string,
  tags: readonly string[],
  log: PurgeLog,
): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(CDN_TIMEOUT_MS),
    })
    await response.arrayBuffer()
    if (!response.ok) {
      log.warn({ status: response.status, tags }, 'CDN purge hook answered with an error')
      return false
    }
    return true
  } catch (error) {
    log.warn({ err: error, tags }, 'CDN purge hook failed')
    return false
  }
}

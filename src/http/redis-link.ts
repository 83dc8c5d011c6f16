/**
 * @module redis-link
 * The node's one connection to Redis (`REDIS_URL`) for shared state: rate-limit counters and
 * the view gate. It never makes a request wait for Redis: commands fail at once while it is
 * disconnected (no offline queue, no retries per command), and callers then fall back to this
 * process's memory. It reconnects by itself. Each outage is logged once when it starts and once
 * when it ends, and `/readyz` reports it as degraded.
 */
import { Redis } from 'ioredis'

export interface RedisLinkLog {
  warn(object: object, message: string): void
  info(object: object, message: string): void
}

/** The longest a command waits before its caller falls back to memory. */
const COMMAND_TIMEOUT_MS = 500

export class RedisLink {
  readonly client: Redis
  private down = false
  private closing = false

  constructor(
    url: string,
    private readonly log: RedisLinkLog,
  ) {
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1_000,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (times: number) => Math.min(times * 100, 1_000),
    })
    this.client.on('error', (error: Error) => this.failed(error))
    this.client.on('close', () => this.failed(new Error('connection closed')))
    this.client.on('ready', () => this.recovered())
  }

  /** Connected and ready: worth sending a command. */
  get up(): boolean {
    return this.client.status === 'ready'
  }

  /** A command or the connection failed: the first failure of an outage is logged. */
  failed(error: unknown): void {
    if (this.down || this.closing) return
    this.down = true
    this.log.warn(
      { err: error },
      "redis unreachable: rate limits and the view gate use this process's memory until it returns",
    )
  }

  private recovered(): void {
    if (!this.down) return
    this.down = false
    this.log.info({}, 'redis back: rate limits and the view gate are shared again')
  }

  async close(): Promise<void> {
    this.closing = true
    this.client.disconnect()
  }
}

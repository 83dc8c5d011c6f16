/**
 * @module redis-purge-channel
 * Purges between nodes over Redis pub/sub: each node publishes the tags it purged and applies
 * the tags other nodes publish. A node recognises (and ignores) its own messages by its id.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { PurgeChannel, PurgeLog } from './cache-purger.js'

export const DEFAULT_PURGE_CHANNEL = 'broadsheet:cache-purge'

export interface RedisPurgeChannelOptions {
  url: string
  log: PurgeLog
  channel?: string
  /** Give up connecting after this many failed tries in a row (default: keep trying). */
  maxConnectRetries?: number
}

interface PurgeMessage {
  origin: string
  tags: string[]
}

/** A publisher and a subscriber connection to one Redis, carrying purge messages. */
export class RedisPurgeChannel implements PurgeChannel {
  /** This node's id, sent with every message. */
  readonly nodeId = randomUUID()
  /** Resolves once this node is subscribed (rejects if the subscription fails). */
  readonly ready: Promise<void>
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly channel: string
  private apply: (tags: string[]) => void = () => {}
  private connectionListener: (connected: boolean) => void = () => {}
  private closing = false

  constructor(private readonly options: RedisPurgeChannelOptions) {
    this.channel = options.channel ?? DEFAULT_PURGE_CHANNEL
    const connection = {
      lazyConnect: false,
      retryStrategy: (times: number) =>
        options.maxConnectRetries !== undefined && times > options.maxConnectRetries
          ? null
          : Math.min(times * 200, 2_000),
    }
    this.publisher = new Redis(options.url, connection)
    this.subscriber = new Redis(options.url, connection)
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: unknown) =>
        options.log.warn({ err: error }, 'Redis purge channel'),
      )
    }
    // ioredis subscribes again by itself after a reconnect, before it reports `ready`.
    this.subscriber.on('ready', () => this.connectionListener(true))
    this.subscriber.on('close', () => {
      if (!this.closing) this.connectionListener(false)
    })
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message)
    })
    this.ready = this.subscriber.subscribe(this.channel).then(() => undefined)
    // Callers may not wait for `ready`; a failure is still reported.
    void this.ready.catch((error: unknown) =>
      options.log.warn({ err: error }, 'Redis purge channel: subscribe failed'),
    )
  }

  listen(apply: (tags: string[]) => void): void {
    this.apply = apply
  }

  onConnection(listener: (connected: boolean) => void): void {
    this.connectionListener = listener
  }

  publish(tags: readonly string[]): void {
    const message: PurgeMessage = { origin: this.nodeId, tags: [...tags] }
    void this.publisher
      .publish(this.channel, JSON.stringify(message))
      .catch((error: unknown) =>
        this.options.log.warn({ err: error, tags }, 'Redis purge channel: publish failed'),
      )
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.allSettled([this.subscriber.quit(), this.publisher.quit()])
  }

  private receive(raw: string): void {
    let message: PurgeMessage
    try {
      message = JSON.parse(raw) as PurgeMessage
    } catch {
      return this.options.log.warn({ raw }, 'Redis purge channel: unreadable message')
    }
    if (message.origin === this.nodeId || !Array.isArray(message.tags)) return
    this.apply(message.tags.filter((tag) => typeof tag === 'string'))
  }
}

/**
 * Publish one purge from a process that is not a node (the CLI after `seed` or
 * `search:reindex`): one connection, one message, then gone. Resolves with the number of nodes
 * that received it; rejects when Redis cannot be reached within `timeoutMs`.
 */
export async function publishPurgeOnce(
  url: string,
  tags: readonly string[],
  options: { channel?: string; timeoutMs?: number } = {},
): Promise<number> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.timeoutMs ?? 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  client.on('error', () => {})
  try {
    await client.connect()
    const message: PurgeMessage = { origin: `cli-${randomUUID()}`, tags: [...tags] }
    return await client.publish(options.channel ?? DEFAULT_PURGE_CHANNEL, JSON.stringify(message))
  } finally {
    client.disconnect()
  }
}

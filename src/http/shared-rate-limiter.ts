/**
 * @module shared-rate-limiter
 * Rate-limit counters shared by every node through Redis (`REDIS_URL`): one Redis key per
 * (scope, hashed key, window), counted with INCR and expiring with the window, so all nodes
 * count together and agree on when a window ends. While Redis is unreachable the counters live
 * in this process's memory (each node then limits on its own) and the outage is logged once
 * (`redis-link.ts`); they are shared again as soon as it returns. The Content API's limit
 * (`@fastify/rate-limit`) gets the same treatment through `sharedRateLimitStore`.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import { RateLimiter, type RateLimits, type RateRule } from '../comments/index.js'
import type { RedisLink } from './redis-link.js'

const PREFIX = 'broadsheet:rate:'

export class SharedRateLimiter implements RateLimits {
  private readonly local: RateLimiter

  constructor(
    private readonly link: RedisLink,
    secret: string,
  ) {
    this.local = new RateLimiter(secret)
  }

  async allows(scope: string, key: string, rule: RateRule, now: number): Promise<boolean> {
    if (this.link.up) {
      try {
        const count = await this.link.client.get(this.redisKey(scope, key, rule, now))
        return count === null || Number(count) < rule.limit
      } catch (error) {
        this.link.failed(error)
      }
    }
    return this.local.allowsNow(scope, key, rule, now)
  }

  async record(scope: string, key: string, rule: RateRule, now: number): Promise<void> {
    if (this.link.up) {
      try {
        const name = this.redisKey(scope, key, rule, now)
        await this.link.client.multi().incr(name).pexpire(name, rule.windowMs).exec()
        return
      } catch (error) {
        this.link.failed(error)
      }
    }
    this.local.recordNow(scope, key, rule, now)
  }

  /** The counter of the window `now` falls in: windows start at multiples of its length. */
  private redisKey(scope: string, key: string, rule: RateRule, now: number): string {
    return `${PREFIX}${this.local.hash(scope, key)}:${Math.floor(now / rule.windowMs)}`
  }
}

/**
 * A store for `@fastify/rate-limit` (the Content API's per-key limit) counting in Redis shared
 * by every node, and in this process's memory while Redis is unreachable.
 */
export function sharedRateLimitStore(link: RedisLink): FastifyRateLimitStoreCtor {
  const local = new Map<string, { current: number; resetAt: number }>()
  const countLocally = (key: string, windowMs: number) => {
    const now = Date.now()
    let window = local.get(key)
    if (!window || window.resetAt <= now) {
      if (local.size >= 50_000) local.clear()
      window = { current: 0, resetAt: now + windowMs }
      local.set(key, window)
    }
    window.current++
    return { current: window.current, ttl: window.resetAt - now }
  }
  const count = async (key: string, windowMs: number) => {
    if (link.up) {
      try {
        const name = `${PREFIX}api:${key}`
        // The window starts with the first request: SET NX gives it its expiry, INCR keeps it.
        const replies = await link.client
          .multi()
          .set(name, 0, 'PX', windowMs, 'NX')
          .incr(name)
          .pttl(name)
          .exec()
        const [, current, ttl] = (replies ?? []).map(([error, value]) => {
          if (error) throw error
          return value
        })
        return { current: Number(current), ttl: Math.max(0, Number(ttl)) }
      } catch (error) {
        link.failed(error)
      }
    }
    return countLocally(key, windowMs)
  }
  class SharedStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      void count(key, timeWindow).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error as Error),
      )
    }

    child(): FastifyRateLimitStore {
      return this
    }
  }
  return SharedStore
}

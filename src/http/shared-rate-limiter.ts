/**
 * @module shared-rate-limiter
 * Rate-limit counters shared by every node through Redis (`REDIS_URL`): one Redis key per
 * (scope, hashed key, window), counted with INCR and expiring with the window, so all nodes
 * count together and agree on when a window ends. While Redis is unreachable the counters live
 * in this process's memory (each node then limits on its own) and the outage is logged once
 * (`redis-link.ts`); they are shared again as soon as it returns.
 */
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

/**
 * Fixed-window counters for per-IP and per-email limits. `RateLimiter` keeps them in this
 * process's memory; with `REDIS_URL` the app shares them between nodes (`http/shared-rate-limiter.ts`)
 * behind the same `RateLimits` interface. Keys are hashed with the site secret before they are
 * kept, so no raw IP or address is stored. Built at the edge (app.ts).
 */
import { createHmac } from 'node:crypto'

export interface RateRule {
  limit: number
  windowMs: number
}

const MAX_KEYS = 50_000

/** Counters under (scope, key), checked before an action and counted once it is accepted. */
export interface RateLimits {
  /** Would one more under `key` stay within the rule? Counts nothing. */
  allows(scope: string, key: string, rule: RateRule, now: number): Promise<boolean>
  /** Count one under `key` (call it for what was accepted, so failed attempts cost nothing). */
  record(scope: string, key: string, rule: RateRule, now: number): Promise<void>
}

/** The counters in this process's memory. */
export class RateLimiter implements RateLimits {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()

  constructor(private readonly secret: string) {}

  async allows(scope: string, key: string, rule: RateRule, now: number): Promise<boolean> {
    return this.allowsNow(scope, key, rule, now)
  }

  async record(scope: string, key: string, rule: RateRule, now: number): Promise<void> {
    this.recordNow(scope, key, rule, now)
  }

  /** `allows`, answered at once. */
  allowsNow(scope: string, key: string, rule: RateRule, now: number): boolean {
    const window = this.windows.get(this.hash(scope, key))
    return !window || window.resetAt <= now || window.count < rule.limit
  }

  /** `record`, done at once. */
  recordNow(scope: string, key: string, rule: RateRule, now: number): void {
    const hashed = this.hash(scope, key)
    let window = this.windows.get(hashed)
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= MAX_KEYS) this.prune(now)
      window = { count: 0, resetAt: now + rule.windowMs }
      this.windows.set(hashed, window)
    }
    window.count++
  }

  /** The stored name of (scope, key): an HMAC, never the raw key. */
  hash(scope: string, key: string): string {
    return createHmac('sha256', this.secret)
      .update(`${scope}:${key.toLowerCase()}`)
      .digest('base64url')
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key)
    // Still full (a flood of distinct keys): forget the oldest half rather than grow forever.
    if (this.windows.size >= MAX_KEYS) {
      let drop = this.windows.size / 2
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break
        this.windows.delete(key)
      }
    }
  }
}

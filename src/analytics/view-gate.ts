/**
 * @module view-gate
 * Decides whether a beacon is a new reader's view. A reader is `HMAC(key, IP + User-Agent +
 * UTC day)`: the IP and User-Agent are never kept, only that keyed digest, and the key is
 * random per process and never stored, so a digest cannot be tested against guessed addresses.
 * One view per reader and story per day; beacons from one client past the burst limit are
 * refused. Holds state (the day's digests and the windows): built at the edge, one per process.
 */
import { createHmac, randomBytes } from 'node:crypto'

export interface ViewGateRules {
  /** Beacons one client may send per window before they are refused. */
  burst: number
  windowMs: number
  /** Readers × stories remembered per day; past it the oldest are forgotten. */
  maxSeen: number
}

export const VIEW_GATE_RULES: ViewGateRules = { burst: 30, windowMs: 60_000, maxSeen: 500_000 }

const DAY = 86_400_000

export type ViewVerdict = 'count' | 'repeat' | 'too-many'

export class ViewGate {
  private readonly key = randomBytes(32)
  private day = -1
  private seen = new Set<string>()
  private windows = new Map<string, { count: number; resetAt: number }>()

  constructor(private readonly rules: ViewGateRules = VIEW_GATE_RULES) {}

  /** Whether this beacon counts, repeats a view already counted today, or is over the limit. */
  check(input: { articleId: number; ip: string; userAgent: string; at: number }): ViewVerdict {
    const day = Math.floor(input.at / DAY)
    if (day !== this.day) {
      this.day = day
      this.seen = new Set()
      this.windows = new Map()
    }
    const reader = this.digest(`${input.ip}\u0000${input.userAgent}\u0000${day}`)
    if (!this.withinBurst(this.digest(`client\u0000${input.ip}`), input.at)) return 'too-many'
    const view = `${reader}:${input.articleId}`
    if (this.seen.has(view)) return 'repeat'
    if (this.seen.size >= this.rules.maxSeen) this.forgetOldest(this.seen)
    this.seen.add(view)
    return 'count'
  }

  private withinBurst(client: string, now: number): boolean {
    let window = this.windows.get(client)
    if (!window || window.resetAt <= now) {
      if (this.windows.size >= this.rules.maxSeen) this.forgetOldest(this.windows)
      window = { count: 0, resetAt: now + this.rules.windowMs }
      this.windows.set(client, window)
    }
    window.count += 1
    return window.count <= this.rules.burst
  }

  private digest(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url').slice(0, 22)
  }

  /** Drop the older half (insertion order) rather than grow without bound under a flood. */
  private forgetOldest(collection: Set<string> | Map<string, unknown>): void {
    let drop = Math.ceil(collection.size / 2)
    for (const key of collection.keys()) {
      if (drop-- <= 0) break
      collection.delete(key)
    }
  }
}

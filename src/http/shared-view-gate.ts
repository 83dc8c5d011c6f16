/**
 * @module shared-view-gate
 * The view gate (`analytics/view-gate.ts`) for several nodes: who has been counted today, and
 * each client's burst window, are kept in Redis (`REDIS_URL`), so a reader whose beacons land
 * on different nodes still counts once per story and day. Readers are stored only as keyed
 * digests (HMAC with the site secret, which every node shares), and the keys expire with the
 * day. While Redis is unreachable each node gates in its own memory (a reader may then count
 * once per node), and the outage is logged once (`redis-link.ts`).
 */
import { createHmac } from 'node:crypto'
import {
  ViewGate,
  VIEW_GATE_RULES,
  type ViewGateRules,
  type ViewVerdict,
} from '../analytics/index.js'
import type { RedisLink } from './redis-link.js'

const PREFIX = 'broadsheet:views:'
const DAY = 86_400_000

export interface ViewCheck {
  articleId: number
  ip: string
  userAgent: string
  at: number
}

export class SharedViewGate {
  private readonly local: ViewGate

  constructor(
    private readonly link: RedisLink,
    private readonly secret: string,
    private readonly rules: ViewGateRules = VIEW_GATE_RULES,
  ) {
    this.local = new ViewGate(rules)
  }

  async check(input: ViewCheck): Promise<ViewVerdict> {
    if (this.link.up) {
      try {
        return await this.checkShared(input)
      } catch (error) {
        this.link.failed(error)
      }
    }
    return this.local.check(input)
  }

  private async checkShared(input: ViewCheck): Promise<ViewVerdict> {
    const day = Math.floor(input.at / DAY)
    const window = Math.floor(input.at / this.rules.windowMs)
    const client = `${PREFIX}burst:${this.digest(`client\u0000${input.ip}`)}:${window}`
    const reader = this.digest(`${input.ip}\u0000${input.userAgent}\u0000${day}`)
    const seen = `${PREFIX}seen:${reader}:${input.articleId}`
    // Kept until the day is over (and a little after, for clocks a little apart).
    const untilTomorrow = (day + 1) * DAY - input.at + 60_000
    const replies = await this.link.client
      .multi()
      .incr(client)
      .pexpire(client, this.rules.windowMs)
      .exec()
    const burst = Number(replies?.[0]?.[1] ?? 0)
    if (replies?.[0]?.[0]) throw replies[0][0]
    if (burst > this.rules.burst) return 'too-many'
    const fresh = await this.link.client.set(seen, '1', 'PX', untilTomorrow, 'NX')
    return fresh === 'OK' ? 'count' : 'repeat'
  }

  private digest(value: string): string {
    return createHmac('sha256', this.secret)
      .update('view-gate\u0000')
      .update(value)
      .digest('base64url')
      .slice(0, 22)
  }
}

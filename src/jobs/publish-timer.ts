/**
 * @module publish-timer
 * Scheduled stories go out within a moment of their time, on exactly one node:
 *
 * - **a precise timer** on every node, set for the next scheduled story's time and re-set
 *   whenever this node schedules, reschedules or unschedules a story;
 * - **a sweep** every second re-reads the next time through the (status, published_at) index,
 *   so a story scheduled on another node (or a timer lost to a restart) is seen within a second;
 * - **the claim in the database**: every node whose timer fires runs `publishDueArticles`, and
 *   its versioned update lets exactly one of them publish each story; the others write nothing.
 */
import { systemActor } from '../auth/index.js'
import { nextScheduledPublish, publishDueArticles } from '../content/index.js'
import type { Services } from '../services.js'

const SCHEDULER = systemActor('scheduler')
/** setTimeout's ceiling (about 24.8 days); a later story is re-armed by the sweep meanwhile. */
const MAX_DELAY_MS = 2 ** 31 - 1
const RETRY_MS = 5_000

export interface PublishTimerOptions {
  /** How often the next scheduled time is re-read (default 1 s). */
  sweepMs?: number
  onError?: (error: unknown, context: string) => void
  /** Told the ids this node published (tests, logs). */
  onPublished?: (ids: number[]) => void
}

export class PublishTimer {
  private timer: NodeJS.Timeout | undefined
  private sweeper: NodeJS.Timeout | undefined
  private armedFor: number | undefined
  /** When the timer last fired: a story due before then and still scheduled failed to publish. */
  private firedAt = -Infinity
  private publishing: Promise<void> | undefined
  private unsubscribe: (() => void) | undefined
  private stopped = true

  constructor(
    private readonly services: Services,
    private readonly options: PublishTimerOptions = {},
  ) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.unsubscribe = this.services.events.on((event) => {
      if (event.type === 'article.changed') void this.arm()
    })
    this.sweeper = setInterval(() => void this.arm(), this.options.sweepMs ?? 1_000)
    this.sweeper.unref()
    void this.arm()
  }

  /** Stop timing and wait for a publish in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true
    this.unsubscribe?.()
    clearInterval(this.sweeper)
    clearTimeout(this.timer)
    this.timer = undefined
    await this.publishing
  }

  /** Set the timer for the next scheduled story (or none). */
  private async arm(): Promise<void> {
    let next: Date | undefined
    try {
      next = await nextScheduledPublish(this.services)
    } catch (error) {
      return this.options.onError?.(error, 'reading the next scheduled story')
    }
    if (this.stopped) return
    const at = next?.getTime()
    if (at === this.armedFor && this.timer) return
    clearTimeout(this.timer)
    this.timer = undefined
    this.armedFor = at
    if (at === undefined) return
    const now = this.services.clock.now().getTime()
    // A story that stayed scheduled through a firing (its publish failed) is retried after a
    // pause, not in a tight loop.
    const earliest = at <= this.firedAt ? this.firedAt + RETRY_MS : at
    const delay = Math.min(Math.max(0, earliest - now), MAX_DELAY_MS)
    this.timer = setTimeout(() => void this.fire(), delay)
    this.timer.unref()
  }

  private async fire(): Promise<void> {
    this.timer = undefined
    this.armedFor = undefined
    if (this.stopped) return
    this.firedAt = this.services.clock.now().getTime()
    // One publish at a time on this node; a firing during one waits for it, then runs again.
    await this.publishing
    this.publishing = publishDueArticles(this.services, SCHEDULER)
      .then((ids) => {
        if (ids.length > 0) this.options.onPublished?.(ids)
      })
      .catch((error: unknown) => this.options.onError?.(error, 'publishing scheduled stories'))
      .finally(() => {
        this.publishing = undefined
      })
    await this.publishing
    await this.arm()
  }
}

import type { Kernel } from '../kernel.js'
import type { MediaStorage } from '../media/index.js'
import type { HttpClient } from '../net/index.js'

/** What the wire's use cases need: the kernel, and the guarded client for the feeds. */
export interface WireDeps extends Kernel {
  readonly wireClient: HttpClient
  /**
   * Where featured images go: with it, an item's image is downloaded into the media library;
   * without it (or when the download fails) the story shows the image from its source.
   */
  readonly storage?: MediaStorage
  /**
   * How many images and pages a poll fetches at once, and how long it may spend on them before
   * the rest stay remote (story-extras.ts has the defaults). For tests and the bench.
   */
  readonly extrasLimits?: { concurrency?: number; budgetMs?: number }
}

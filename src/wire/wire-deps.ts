import type { Kernel } from '../kernel.js'
import type { HttpClient } from '../net/index.js'

/** What the wire's use cases need: the kernel, and the guarded client for the feeds. */
export interface WireDeps extends Kernel {
  readonly wireClient: HttpClient
}

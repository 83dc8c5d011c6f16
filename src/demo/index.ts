/**
 * Demo content: the Broadsheet Gazette newsroom that fills an empty database, and generated
 * archives for scale tests. A client of the domain's use cases, like any importer.
 */
import { countUsers } from '../auth/index.js'
import { countNewsroomArticles } from '../content/index.js'
import type { Kernel } from '../kernel.js'

/**
 * Fill an empty database with the demo newsroom, all or nothing.
 * @example if (await isDemoNeeded(services)) await fillDemo({ ...services, mediaDir })
 */
export { fillDemo, toHtml, type DemoDeps, type DemoFigure } from './fill-demo.js'
/**
 * Append generated, published stories (benchmarks and scale tests).
 * @example await addGeneratedStories(services, { articles: 5000, now: Date.now() })
 */
export { addGeneratedStories, type GeneratedStoriesOptions } from './generated-stories.js'

/** True when the database holds nothing yet: no people and no stories. */
export async function isDemoNeeded(deps: Pick<Kernel, 'db' | 'clock'>): Promise<boolean> {
  if ((await countUsers(deps)) > 0) return false
  const counts = await countNewsroomArticles(deps)
  return Object.values(counts).every((n) => !n)
}

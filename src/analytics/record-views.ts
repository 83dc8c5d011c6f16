import type { Kernel } from '../kernel.js'
import { addViews } from './page-view.repository.js'

/**
 * Add views to an article's hourly count as they were counted elsewhere (demo traffic, an
 * import of past statistics). A count is whole: fractions are rounded.
 */
export async function recordViews(
  deps: Pick<Kernel, 'db'>,
  input: { articleId: number; at: Date; views: number },
): Promise<void> {
  const views = Math.round(input.views)
  if (views <= 0) return
  await addViews(deps.db, input.articleId, input.at.getTime(), views)
}

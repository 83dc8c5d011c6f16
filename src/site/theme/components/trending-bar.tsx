import { pathOf } from '../format.js'
import { useSite } from '../theme-context.js'

/** The Trending ticker: the most-read stories of the last 48 hours (latest when quiet). */
export function TrendingBar() {
  const site = useSite()
  if (site.trending.length === 0) return null
  return (
    // A labelled region rather than a <section>: a ticker has a label, not a heading.
    <div class="trending" role="region" aria-labelledby="trending-label">
      <span id="trending-label" class="trending-label">
        Trending
      </span>
      <ul class="trending-list" data-ticker>
        {site.trending.map((a) => (
          <li key={a.id}>
            <a href={pathOf(a, site)}>{a.title}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

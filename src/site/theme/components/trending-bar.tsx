import { pathOf } from '../format.js'
import { useSite } from '../theme-context.js'
import { Icon } from './icons.js'

/**
 * The Trending ticker: the most-read stories of the last 48 hours (latest when quiet). Without
 * JavaScript it is a static list that scrolls sideways; site.js makes it move (pausing on hover
 * and focus, and not at all under prefers-reduced-motion) and shows its pause, previous and
 * next buttons.
 */
export function TrendingBar() {
  const site = useSite()
  if (site.trending.length === 0) return null
  return (
    // A labelled region rather than a <section>: a ticker has a label, not a heading.
    <div class="trending" role="region" aria-labelledby="trending-label" data-ticker>
      <span id="trending-label" class="trending-label">
        Trending
      </span>
      <div class="ticker-viewport" data-ticker-viewport>
        <ul class="trending-list">
          {site.trending.map((a) => (
            <li key={a.id}>
              <a href={pathOf(a, site)}>{a.title}</a>
            </li>
          ))}
        </ul>
      </div>
      <div class="ticker-controls" data-ticker-controls hidden>
        <button type="button" class="ticker-button" data-ticker-prev>
          <Icon name="chevron-left" size={14} />
          <span class="sr-only">Previous trending story</span>
        </button>
        <button type="button" class="ticker-button" data-ticker-pause aria-pressed="false">
          <Icon name="pause" size={14} />
          <Icon name="play" size={14} />
          <span class="sr-only">Pause the ticker</span>
        </button>
        <button type="button" class="ticker-button" data-ticker-next>
          <Icon name="chevron-right" size={14} />
          <span class="sr-only">Next trending story</span>
        </button>
      </div>
    </div>
  )
}

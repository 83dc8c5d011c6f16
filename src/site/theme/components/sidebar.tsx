import { useComponents, useSite } from '../theme-context.js'
import type { SidebarData } from '../site-view.js'

/** The sidebar: Editors Picks, Latest Posts, "Subscribe to News" and the sidebar ad slot. */
export function Sidebar({ data, showLatest = true }: { data: SidebarData; showLatest?: boolean }) {
  const { settings } = useSite()
  const {
    articleCard: ArticleCard,
    newsletterForm: NewsletterForm,
    adSlot: AdSlot,
  } = useComponents()
  return (
    <aside class="sidebar" aria-label="Sidebar">
      {data.editorsPicks.length > 0 && (
        <section class="widget" aria-labelledby="sidebar-picks">
          <h2 id="sidebar-picks" class="widget-title">
            Editors Picks
          </h2>
          <div class="widget-list">
            {data.editorsPicks.map((a, i) => (
              <ArticleCard key={a.id} article={a} variant={i === 0 ? 'grid' : 'list'} />
            ))}
          </div>
        </section>
      )}
      {showLatest && data.latest.length > 0 && (
        <section class="widget" aria-labelledby="sidebar-latest">
          <h2 id="sidebar-latest" class="widget-title">
            Latest Posts
          </h2>
          <div class="widget-list">
            {data.latest.map((a) => (
              <ArticleCard key={a.id} article={a} variant="list" />
            ))}
          </div>
        </section>
      )}
      {/* Stays in view while the (longer) content column scrolls past: no empty column. */}
      <div class="sidebar-sticky">
        <section
          class="widget widget-newsletter"
          id="subscribe"
          aria-labelledby="sidebar-subscribe"
        >
          <h2 id="sidebar-subscribe" class="widget-title">
            Subscribe to News
          </h2>
          {settings.newsletterBlurb && <p>{settings.newsletterBlurb}</p>}
          <NewsletterForm id="sidebar-newsletter" source="sidebar" />
        </section>
        <AdSlot name="sidebar" />
      </div>
    </aside>
  )
}

import type { ArticleSummary, Category } from '../../../content/index.js'
import { BaseLayout } from '../layouts/base-layout.js'
import { pathOf, sectionAccent } from '../format.js'
import type { SidebarData } from '../site-view.js'
import { useComponents, useSite } from '../theme-context.js'

export interface HomePageProps {
  lead: ArticleSummary | undefined
  featured: ArticleSummary[]
  latest: ArticleSummary[]
  sections: { category: Category; articles: ArticleSummary[] }[]
  sidebar: SidebarData
}

/** The front page: lead story, What's Hot, Latest Posts, a block per section, sidebar. */
export function HomePage({ lead, featured, latest, sections, sidebar }: HomePageProps) {
  const site = useSite()
  const { articleCard: ArticleCard, sidebar: Sidebar, adSlot: AdSlot } = useComponents()
  const hot = site.trending.slice(0, 3)
  return (
    <BaseLayout title={site.settings.title} isHome bodyClass="home">
      <div class="wrap">
        <div class="hero">
          <section class="hero-lead" aria-label="Top story">
            {lead && <ArticleCard article={lead} variant="lead" level={2} eager />}
          </section>
          <section class="hero-side" aria-label="More top stories">
            {featured.map((a) => (
              <ArticleCard key={a.id} article={a} variant="grid" level={2} showStandfirst={false} />
            ))}
          </section>
          <section class="hero-hot widget" aria-labelledby="whats-hot">
            <h2 id="whats-hot" class="widget-title">
              What's Hot
            </h2>
            <ol class="hot-ranked">
              {hot.map((a) => (
                <li key={a.id}>
                  <ArticleCard article={a} variant="text" level={3} />
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
      <div class="wrap layout">
        <main id="main" class="content">
          <section class="block" aria-labelledby="latest-posts">
            <h2 id="latest-posts" class="block-title">
              <span>Latest Posts</span>
            </h2>
            <div class="grid grid-3">
              {latest.map((a) => (
                <ArticleCard key={a.id} article={a} variant="grid" />
              ))}
            </div>
          </section>
          <AdSlot name="home" />
          {sections.map(({ category, articles }) => {
            const [first, ...rest] = articles
            if (!first) return null
            const accent = sectionAccent(category.id, site.categories)
            return (
              <section
                key={category.id}
                class="block section-block"
                aria-labelledby={`block-${category.slug}`}
                style={accent ? `--accent:${accent}` : undefined}
              >
                <h2 id={`block-${category.slug}`} class="block-title">
                  <a href={`/${category.slug}/`}>{category.name}</a>
                  <a class="block-more" href={`/${category.slug}/`}>
                    View all<span class="sr-only"> {category.name} stories</span>
                  </a>
                </h2>
                <div class="section-block-grid">
                  <ArticleCard article={first} variant="grid" showSection={false} showStandfirst />
                  <div class="stack">
                    {rest.map((a) => (
                      <ArticleCard key={a.id} article={a} variant="list" showSection={false} />
                    ))}
                  </div>
                </div>
              </section>
            )
          })}
        </main>
        <Sidebar data={sidebar} showLatest={false} />
      </div>
      {lead && <link rel="prefetch" href={pathOf(lead, site)} />}
    </BaseLayout>
  )
}

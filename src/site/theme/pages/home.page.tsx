import type { ArticleSummary, Category } from '../../../content/index.js'
import { CARD_IMAGE_SIZES, COMPACT_GRID_IMAGE_SIZES } from '../components/article-card.js'
import { BaseLayout } from '../layouts/base-layout.js'
import { pathOf, sectionAccent } from '../format.js'
import type { SidebarData } from '../site-view.js'
import { useComponents, useSite } from '../theme-context.js'

export interface HomePageProps {
  lead: ArticleSummary | undefined
  featured: ArticleSummary[]
  /** What's Hot: the most read stories not already above. */
  hot: ArticleSummary[]
  latest: ArticleSummary[]
  sections: { category: Category; articles: ArticleSummary[] }[]
  sidebar: SidebarData
}

/** The other top stories' pictures (see site.css: .hero, .grid-compact). */
const HERO_SIDE_IMAGE_SIZES =
  '(min-width: 1100px) 360px, (min-width: 760px) 50vw, (min-width: 600px) calc(100vw - 2rem), 104px'

/**
 * The front page: lead story, What's Hot, Latest Posts, a block per section, sidebar. Each
 * story shows once (see site/front-page.ts). A site with nothing published yet greets its owner.
 * On a phone the lead story is the one big picture; the other top stories and the latest ones
 * are lists with thumbnails (.grid-compact), as news sites' phone pages are.
 */
export function HomePage({ lead, featured, hot, latest, sections, sidebar }: HomePageProps) {
  const site = useSite()
  const { articleCard: ArticleCard, sidebar: Sidebar, adSlot: AdSlot } = useComponents()
  return (
    <BaseLayout
      title={site.settings.title}
      isHome
      bodyClass="home"
      lcpImage={lead?.image ? { image: lead.image, sizes: CARD_IMAGE_SIZES.lead } : undefined}
    >
      {lead ? (
        <div class="wrap">
          <div class={`hero${hot.length > 0 ? '' : ' hero-no-hot'}`}>
            {/* site.js prefetches the lead story once the page has loaded (not while it loads). */}
            <section class="hero-lead" aria-label="Top story" data-prefetch={pathOf(lead, site)}>
              <ArticleCard article={lead} variant="lead" level={2} eager />
            </section>
            {featured.length > 0 && (
              <section class="hero-side grid-compact" aria-label="More top stories">
                {featured.map((a) => (
                  <ArticleCard
                    key={a.id}
                    article={a}
                    variant="grid"
                    level={2}
                    showStandfirst={false}
                    imageSizes={HERO_SIDE_IMAGE_SIZES}
                  />
                ))}
              </section>
            )}
            {hot.length > 0 && (
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
            )}
          </div>
        </div>
      ) : (
        <Welcome />
      )}
      <div class="wrap layout">
        <main id="main" class="content">
          {latest.length > 0 && (
            <section class="block" aria-labelledby="latest-posts">
              <h2 id="latest-posts" class="block-title">
                <span>Latest Posts</span>
              </h2>
              <div class="grid grid-3 grid-compact">
                {latest.map((a) => (
                  <ArticleCard
                    key={a.id}
                    article={a}
                    variant="grid"
                    imageSizes={COMPACT_GRID_IMAGE_SIZES}
                  />
                ))}
              </div>
            </section>
          )}
          <AdSlot name="home" />
          {sections.map(({ category, articles }) => (
            <SectionBlock key={category.id} category={category} articles={articles} />
          ))}
        </main>
        <Sidebar data={sidebar} showLatest={false} />
      </div>
    </BaseLayout>
  )
}

function SectionBlock({ category, articles }: { category: Category; articles: ArticleSummary[] }) {
  const site = useSite()
  const { articleCard: ArticleCard } = useComponents()
  const [first, ...rest] = articles
  if (!first) return null
  const accent = sectionAccent(category.id, site.categories)
  return (
    <section
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
      <div class={`section-block-grid${rest.length > 0 ? '' : ' section-block-single'}`}>
        <ArticleCard article={first} variant="grid" showSection={false} showStandfirst />
        {rest.length > 0 && (
          <div class="stack">
            {rest.map((a) => (
              <ArticleCard key={a.id} article={a} variant="list" showSection={false} />
            ))}
          </div>
        )}
      </div>
    </section>
  )
}

/** Nothing published yet: say so kindly and point the owner to the newsroom. */
function Welcome() {
  const site = useSite()
  return (
    <div class="wrap">
      <section class="welcome" aria-labelledby="welcome-title">
        <p class="eyebrow">A new paper</p>
        <h2 id="welcome-title">Welcome to {site.settings.title}</h2>
        <p class="lede">
          Nothing has been published yet. Stories appear here, newest first, as soon as the newsroom
          publishes them.
        </p>
        <p class="welcome-actions">
          <a class="button" href="/admin/">
            Open the newsroom
          </a>
          <a href="/subscribe/">Get the newsletter when the first story is out</a>
        </p>
      </section>
    </div>
  )
}

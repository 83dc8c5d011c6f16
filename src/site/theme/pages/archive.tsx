/** Shared parts of list pages (section, tag, author, search): the page shell, cards, pagination. */
import type { ComponentChildren } from 'preact'
import type { ArticleSummary, Page } from '../../../content/index.js'
import { CARD_IMAGE_SIZES } from '../components/article-card.js'
import { BaseLayout, type LayoutProps } from '../layouts/base-layout.js'
import type { SidebarData } from '../site-view.js'
import { useComponents } from '../theme-context.js'

/**
 * A paged list of stories under `base` (`/tag/russia/`): the layout titled "Name – Page N",
 * breadcrumb, the page's own header (`children`), the cards with pagination and the sidebar.
 */
export function ArchivePage(props: {
  name: string
  base: string
  articles: Page<ArticleSummary>
  sidebar: SidebarData
  layout: Omit<LayoutProps, 'title' | 'children'>
  trail?: { label: string; href?: string }[]
  mainStyle?: string | undefined
  /** Heading level of the cards: 3 when the page puts its own heading above them. */
  level?: 2 | 3
  children: ComponentChildren
}) {
  const c = useComponents()
  const { articles, base } = props
  const first = articles.items[0]
  return (
    <BaseLayout
      {...props.layout}
      lcpImage={first?.image ? { image: first.image, sizes: CARD_IMAGE_SIZES.grid } : undefined}
      title={articles.page > 1 ? `${props.name} – Page ${articles.page}` : props.name}
    >
      <div class="wrap layout">
        <main id="main" class="content" style={props.mainStyle}>
          <c.breadcrumb trail={props.trail ?? [{ label: props.name }]} />
          {props.children}
          <ArchiveList
            level={props.level}
            articles={articles}
            hrefFor={(n) => (n === 1 ? base : `${base}page/${n}/`)}
          />
        </main>
        <c.sidebar data={props.sidebar} />
      </div>
    </BaseLayout>
  )
}

export function ArchiveList({
  articles,
  hrefFor,
  empty = 'No stories here yet.',
  level = 2,
}: {
  level?: 2 | 3
  articles: Page<ArticleSummary>
  hrefFor: (n: number) => string
  empty?: string
}) {
  const { articleCard: ArticleCard, pagination: Pagination } = useComponents()
  if (articles.items.length === 0) return <p class="empty">{empty}</p>
  return (
    <>
      <div class="grid grid-2 archive-grid">
        {articles.items.map((a, i) => (
          // The first picture is above the fold (the page's LCP element): load it first.
          <ArticleCard
            key={a.id}
            article={a}
            variant="grid"
            level={level}
            showStandfirst
            eager={i === 0}
          />
        ))}
      </div>
      <Pagination page={articles.page} totalPages={articles.totalPages} hrefFor={hrefFor} />
    </>
  )
}

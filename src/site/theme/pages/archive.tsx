/** Shared body of list pages (section, tag, author, search): a grid of cards and pagination. */
import type { ArticleSummary, Page } from '../../../content/index.js'
import { useComponents } from '../theme-context.js'

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

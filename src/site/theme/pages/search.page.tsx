import type { ArticleSummary, Page } from '../../../content/index.js'
import { BaseLayout } from '../layouts/base-layout.js'
import type { SidebarData } from '../site-view.js'
import { useComponents } from '../theme-context.js'
import { ArchiveList } from './archive.js'

export interface SearchPageProps {
  query: string
  results: Page<ArticleSummary>
  sidebar: SidebarData
}

/** Search results for `?q=`, or just the search box when there is no query. */
export function SearchPage({ query, results, sidebar }: SearchPageProps) {
  const c = useComponents()
  const title = query ? `Search results for “${query}”` : 'Search'
  const q = encodeURIComponent(query)
  return (
    <BaseLayout title={title} noindex bodyClass="archive search">
      <div class="wrap layout">
        <main id="main" class="content">
          <header class="archive-header">
            <h1>{title}</h1>
            <c.searchForm id="search-page-q" value={query} label="Search the site" />
            {query && (
              <p class="result-count" role="status">
                {results.total === 0
                  ? 'Nothing matched your search. Try different words.'
                  : `${results.total} ${results.total === 1 ? 'story' : 'stories'} found`}
              </p>
            )}
          </header>
          {query && results.total > 0 && (
            <ArchiveList
              articles={results}
              hrefFor={(n) => `/search/?q=${q}${n > 1 ? `&page=${n}` : ''}`}
            />
          )}
        </main>
        <c.sidebar data={sidebar} />
      </div>
    </BaseLayout>
  )
}

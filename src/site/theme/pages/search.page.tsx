import type { ArticleSummary } from '../../../content/index.js'
import type { SearchResults, SnippetPart } from '../../../search/index.js'
import { BaseLayout } from '../layouts/base-layout.js'
import type { SidebarData } from '../site-view.js'
import { useComponents, useSite } from '../theme-context.js'

export interface SearchForm {
  q: string
  section: string
  from: string
  to: string
  sort: 'relevance' | 'date'
}

export interface SearchPageProps {
  form: SearchForm
  results: SearchResults
  /** Latest stories, shown when nothing matched. */
  latest: ArticleSummary[]
  sidebar: SidebarData
}

/** Search results with filters, highlighted snippets and pages; tips when nothing matched. */
export function SearchPage({ form, results, latest, sidebar }: SearchPageProps) {
  const c = useComponents()
  const site = useSite()
  const count = results.total.toLocaleString(site.settings.locale)
  const title = form.q ? `Search results for “${form.q}”` : 'Search'
  const hrefFor = (n: number) => {
    const params = new URLSearchParams()
    for (const key of ['q', 'section', 'from', 'to'] as const)
      if (form[key]) params.set(key, form[key])
    if (form.sort === 'date') params.set('sort', 'date')
    if (n > 1) params.set('page', String(n))
    return `/search/?${params.toString()}`
  }
  return (
    <BaseLayout title={title} noindex bodyClass="archive search">
      <div class="wrap layout">
        <main id="main" class="content">
          <header class="archive-header">
            <h1>{title}</h1>
            <form class="search-form search-filters" role="search" action="/search/" method="get">
              <p class="field">
                <label for="search-page-q">Search the site</label>
                <input id="search-page-q" type="search" name="q" value={form.q} maxLength={200} />
              </p>
              <p class="field">
                <label for="search-section">Section</label>
                <select id="search-section" name="section">
                  <option value="">All sections</option>
                  {site.categories.map((cat) => (
                    <option key={cat.id} value={cat.slug} selected={cat.slug === form.section}>
                      {cat.name}
                    </option>
                  ))}
                </select>
              </p>
              <p class="field">
                <label for="search-from">From</label>
                <input id="search-from" type="date" name="from" value={form.from} />
              </p>
              <p class="field">
                <label for="search-to">To</label>
                <input id="search-to" type="date" name="to" value={form.to} />
              </p>
              <p class="field">
                <label for="search-sort">Sort by</label>
                <select id="search-sort" name="sort">
                  <option value="relevance" selected={form.sort === 'relevance'}>
                    Relevance
                  </option>
                  <option value="date" selected={form.sort === 'date'}>
                    Newest first
                  </option>
                </select>
              </p>
              <p>
                <button class="button" type="submit">
                  Search
                </button>
              </p>
            </form>
            {form.q && (
              <p class="result-count" role="status">
                {results.total === 0
                  ? 'Nothing matched your search.'
                  : results.capped
                    ? `More than ${count} stories found: the best matches among the newest ${count}`
                    : `${count} ${results.total === 1 ? 'story' : 'stories'} found`}
              </p>
            )}
          </header>
          {results.items.length > 0 && (
            <>
              <ol class="search-results">
                {results.items.map(({ article, snippet }) => (
                  <li key={article.id} class="search-result">
                    <c.articleCard article={article} variant="grid" level={2} />
                    {snippet.length > 0 && (
                      <p class="snippet">
                        <Snippet parts={snippet} />
                      </p>
                    )}
                  </li>
                ))}
              </ol>
              <c.pagination page={results.page} totalPages={results.totalPages} hrefFor={hrefFor} />
            </>
          )}
          {form.q && results.total === 0 && (
            <section class="search-empty" aria-labelledby="search-tips">
              <h2 id="search-tips">Tips</h2>
              <ul>
                <li>Check the spelling, or try fewer or more general words.</li>
                <li>The start of a word is enough: “ukra” finds Ukraine.</li>
                <li>Put words in quotes to find an exact phrase.</li>
                {(form.section || form.from || form.to) && (
                  <li>Remove the section or date filters.</li>
                )}
              </ul>
              {latest.length > 0 && (
                <>
                  <h2>Latest stories</h2>
                  <ul class="latest-list">
                    {latest.map((a) => (
                      <li key={a.id}>
                        <c.articleCard article={a} variant="text" level={3} />
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </section>
          )}
        </main>
        <c.sidebar data={sidebar} />
      </div>
    </BaseLayout>
  )
}

/** Snippet text, escaped like all text; matches in <mark>. */
function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <>{parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>
}

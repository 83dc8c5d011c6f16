import type { ArticleSummary } from '../../../content/index.js'
import type { SearchResults, SnippetPart } from '../../../search/index.js'
import { ResponsiveImage } from '../components/responsive-image.js'
import { formatDate, pathOf, sectionAccent } from '../format.js'
import { highlightWords } from '../highlight.js'
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

/** Search results with filters, highlighted headlines and snippets, pages; tips when nothing matched. */
export function SearchPage({ form, results, latest, sidebar }: SearchPageProps) {
  const c = useComponents()
  const title = form.q ? `Search results for “${form.q}”` : 'Search the archive'
  const words = [...results.query.terms, ...results.query.phrases.flat()]
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
          <header class="archive-header search-header">
            <h1>{title}</h1>
            <Filters form={form} />
            {form.q && <ResultCount form={form} results={results} />}
          </header>
          {results.items.length > 0 && (
            <>
              <ol class="search-results">
                {results.items.map(({ article, snippet }) => (
                  <Result key={article.id} article={article} snippet={snippet} words={words} />
                ))}
              </ol>
              <c.pagination page={results.page} totalPages={results.totalPages} hrefFor={hrefFor} />
            </>
          )}
          {form.q && results.total === 0 && <NoMatches form={form} latest={latest} />}
          {!form.q && <StartHere />}
        </main>
        <c.sidebar data={sidebar} />
      </div>
    </BaseLayout>
  )
}

/** The filter bar: a wide query box, then section, dates and order; wraps on narrow screens. */
function Filters({ form }: { form: SearchForm }) {
  const site = useSite()
  return (
    <form class="search-filters" role="search" action="/search/" method="get">
      <p class="field search-filters-q">
        <label for="search-page-q">Search for</label>
        <input
          id="search-page-q"
          type="search"
          name="q"
          value={form.q}
          maxLength={200}
          placeholder="Words, names or “a phrase”"
        />
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
        <label for="search-sort">Order</label>
        <select id="search-sort" name="sort">
          <option value="relevance" selected={form.sort === 'relevance'}>
            Best match
          </option>
          <option value="date" selected={form.sort === 'date'}>
            Newest first
          </option>
        </select>
      </p>
      <p class="search-filters-submit">
        <button class="button" type="submit">
          Search
        </button>
      </p>
    </form>
  )
}

/** "12 stories match “council”, best matches first." */
function ResultCount({ form, results }: { form: SearchForm; results: SearchResults }) {
  const site = useSite()
  const count = results.total.toLocaleString(site.settings.locale)
  const order = form.sort === 'date' ? 'newest first' : 'best matches first'
  const text =
    results.total === 0
      ? `No stories match “${form.q}”.`
      : results.capped
        ? `More than ${count} stories match “${form.q}”: the best matches among the newest ${count}.`
        : `${results.total === 1 ? 'One story matches' : `${count} stories match`} “${form.q}”, ${order}.`
  return (
    <p class="result-count" role="status">
      {text}
    </p>
  )
}

function Result({
  article,
  snippet,
  words,
}: {
  article: ArticleSummary
  snippet: SnippetPart[]
  words: string[]
}) {
  const site = useSite()
  const accent = sectionAccent(article.category?.id, site.categories)
  return (
    <li
      class={`search-result card${article.image ? ' search-result-pictured' : ''}`}
      style={accent ? `--accent:${accent}` : undefined}
    >
      {article.image && (
        <div class="card-media">
          <ResponsiveImage image={article.image} sizes="(min-width: 600px) 200px, 96px" />
        </div>
      )}
      <div class="card-body">
        {article.category && (
          <a class="badge" href={`/${article.category.slug}/`}>
            {article.category.name}
          </a>
        )}
        <h2 class="card-title">
          <a href={pathOf(article, site)}>
            <Marked parts={highlightWords(article.title, words)} />
          </a>
        </h2>
        {snippet.length > 0 && (
          <p class="snippet">
            <Marked parts={snippet} />
          </p>
        )}
        <p class="meta">
          {article.author && (
            <span class="meta-author">
              By <bdi>{article.author.name}</bdi>
            </span>
          )}
          {article.publishedAt && (
            <time datetime={article.publishedAt.toISOString()}>
              {formatDate(article.publishedAt, site)}
            </time>
          )}
        </p>
      </div>
    </li>
  )
}

/** Text, escaped like all text; matches in <mark>. */
function Marked({ parts }: { parts: { text: string; match: boolean }[] }) {
  return <>{parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>
}

function NoMatches({ form, latest }: { form: SearchForm; latest: ArticleSummary[] }) {
  const c = useComponents()
  const site = useSite()
  const sections = site.categories.filter((cat) => cat.parentId === null).slice(0, 8)
  return (
    <section class="search-empty" aria-labelledby="search-tips">
      <h2 id="search-tips">Try this</h2>
      <ul class="search-tips">
        <li>Check the spelling, or try fewer or more general words.</li>
        <li>The start of a word is enough: “ukra” finds Ukraine.</li>
        <li>Put words in quotes to find an exact phrase.</li>
        {(form.section || form.from || form.to) && (
          <li>
            <a href={`/search/?q=${encodeURIComponent(form.q)}`}>
              Search all sections and dates for “{form.q}”
            </a>
          </li>
        )}
      </ul>
      {sections.length > 0 && (
        <>
          <h2>Browse a section</h2>
          <ul class="section-chips">
            {sections.map((cat) => (
              <li key={cat.id}>
                <a href={`/${cat.slug}/`}>{cat.name}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {latest.length > 0 && (
        <>
          <h2>Latest stories</h2>
          <ul class="latest-list">
            {latest.map((a) => (
              <li key={a.id}>
                <c.articleCard article={a} variant="list" level={3} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

/** The search page before a search: what it can do. */
function StartHere() {
  return (
    <section class="search-empty" aria-labelledby="search-how">
      <h2 id="search-how">How to search</h2>
      <ul class="search-tips">
        <li>Every word must appear; the start of a word is enough.</li>
        <li>Put words in quotes to find an exact phrase.</li>
        <li>Narrow it down by section or date, or list the newest first.</li>
      </ul>
    </section>
  )
}

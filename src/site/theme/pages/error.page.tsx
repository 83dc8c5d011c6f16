import type { ArticleSummary } from '../../../content/index.js'
import { BaseLayout } from '../layouts/base-layout.js'
import { useComponents } from '../theme-context.js'

export interface ErrorPageProps {
  status: number
  message: string
  latest: ArticleSummary[]
}

const TITLES: Record<number, string> = {
  400: 'Something is not quite right',
  404: 'Page not found',
  405: 'That page can’t be used like that',
  410: 'This story has been removed',
  503: 'Back in a moment',
}

const TEXT: Record<number, string> = {
  405: 'This address answers ordinary visits (and its own forms), not that kind of request.',
  404: 'We couldn’t find the page you were looking for. It may have moved, or the address may be mistyped.',
  410: 'This story is no longer available. It was removed from the site by our editors.',
  // The database is away (a restart) or the node is shutting down: seconds, as a rule.
  503: 'This page can’t be shown just now. That usually lasts only a few seconds: please try again shortly.',
}

/** Styled error page: a friendly title, what went wrong, a search box and the latest stories. */
export function ErrorPage({ status, message, latest }: ErrorPageProps) {
  const c = useComponents()
  const title =
    TITLES[status] ?? (status >= 500 ? 'Something went wrong' : 'Something is not quite right')
  const text =
    TEXT[status] ??
    (status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : message)
  return (
    <BaseLayout title={title} noindex bodyClass="error">
      <main id="main" class="wrap error-page">
        <div class="narrow">
          <p class="error-code">{status}</p>
          <h1>{title}</h1>
          <p class="lede" data-error-message>
            {text}
          </p>
          <c.searchForm id="error-search" label="Search the site" />
          <p>
            <a href="/">Go to the front page</a>
          </p>
        </div>
        {latest.length > 0 && (
          <section class="block" aria-labelledby="error-latest">
            <h2 id="error-latest" class="block-title">
              <span>Latest stories</span>
            </h2>
            <div class="grid grid-3">
              {latest.map((a) => (
                <c.articleCard key={a.id} article={a} variant="grid" />
              ))}
            </div>
          </section>
        )}
      </main>
    </BaseLayout>
  )
}

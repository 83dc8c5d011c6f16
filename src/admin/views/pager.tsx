/** Numbered pages for any newsroom list: first, last and two either side of the current one. */
import { useChrome } from './chrome.js'

/** Page numbers to show; null marks a gap (…). */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2])
  const sorted = [...wanted].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b)
  const out: (number | null)[] = []
  for (const n of sorted) {
    const prev = out[out.length - 1]
    if (typeof prev === 'number' && n - prev > 1) out.push(null)
    out.push(n)
  }
  return out
}

export function Pager(props: { page: number; pages: number; href: (page: number) => string }) {
  const { formats } = useChrome()
  const { page, pages, href } = props
  if (pages <= 1) return null
  return (
    <nav class="pager" aria-label="Pages">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ‹ Previous
        </a>
      ) : (
        <span class="disabled">‹ Previous</span>
      )}
      {pageWindow(page, pages).map((n, i) =>
        n === null ? (
          <span key={`gap-${i}`} class="gap">
            …
          </span>
        ) : (
          <a key={n} href={href(n)} aria-current={n === page ? 'page' : undefined}>
            {formats.count(n)}
          </a>
        ),
      )}
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          Next ›
        </a>
      ) : (
        <span class="disabled">Next ›</span>
      )}
    </nav>
  )
}

/** Numbered pagination with Newer/Older links. `hrefFor(1)` is the list's first page. */
export function Pagination({
  page,
  totalPages,
  hrefFor,
}: {
  page: number
  totalPages: number
  hrefFor: (n: number) => string
}) {
  if (totalPages <= 1) return null
  const pages = Array.from({ length: totalPages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === totalPages || Math.abs(n - page) <= 2,
  )
  return (
    <nav class="pagination" aria-label="Pagination">
      <ul>
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              « Newer
            </a>
          </li>
        )}
        {pages.map((n, i) => (
          <li key={n}>
            {i > 0 && n - (pages[i - 1] ?? n) > 1 && <span class="gap">…</span>}
            {n === page ? (
              <span class="current" aria-current="page">
                <span class="sr-only">Page </span>
                {n}
              </span>
            ) : (
              <a href={hrefFor(n)}>
                <span class="sr-only">Page </span>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < totalPages && (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              Older »
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}

import { Icon } from './icons.js'

/** A GET search form for /search/ (results page, 404 page). */
export function SearchForm({
  id,
  value = '',
  label = 'Search',
}: {
  id: string
  value?: string
  label?: string
}) {
  return (
    <form class="search-form" role="search" action="/search/" method="get">
      <label for={id} class="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={value}
        maxLength={200}
        placeholder="Search stories…"
      />
      <button class="button" type="submit">
        <Icon name="search" />
        <span>Search</span>
      </button>
    </form>
  )
}

/**
 * The parts every newsroom list shares (stories, comments, subscribers, media, contact
 * messages): status tabs with counts, a GET filter form whose values stay in the URL, the
 * "Showing 1–25 of 340" line and the numbered pager.
 */
import type { ComponentChildren } from 'preact'
import { useChrome } from './chrome.js'
import { Pager } from './pager.js'

/** A list's filters as they appear in the URL: strings, '' when unset. */
export type ListParams = Record<string, string>

/**
 * The address of `base` with `params` and `changes` in its query string (empty values, and
 * page 1, left out), so every view of a list can be bookmarked.
 * @example listUrl('/admin/comments', { status: 'spam', q: '' }, { page: '2' }) // '/admin/comments?status=spam&page=2'
 */
export function listUrl(base: string, params: ListParams, changes: ListParams = {}): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value && !(key === 'page' && value === '1')) query.set(key, value)
  }
  const text = query.toString()
  return text ? `${base}?${text}` : base
}

export interface Tab {
  /** The status value in the URL ('' for "all"). */
  value: string
  label: string
  count: number
}

/** Status tabs with their counts; choosing one keeps the other filters and goes to page 1. */
export function StatusTabs(props: {
  label: string
  tabs: Tab[]
  current: string
  base: string
  params: ListParams
  param?: string
}) {
  const { formats } = useChrome()
  const param = props.param ?? 'status'
  return (
    <nav class="tabs" aria-label={props.label}>
      {props.tabs.map((tab) => (
        <a
          key={tab.value}
          href={listUrl(props.base, props.params, { [param]: tab.value, page: '' })}
          aria-current={props.current === tab.value ? 'page' : undefined}
          data-tab={tab.value || 'all'}
        >
          {tab.label}{' '}
          <span class="count" data-count={tab.value || 'all'}>
            {formats.count(tab.count)}
          </span>
        </a>
      ))}
    </nav>
  )
}

/**
 * A list's search and filter form (GET, so the URL keeps it). `children` are the extra
 * filters; `keep` are values carried along unchanged (the current tab).
 */
export function FilterBar(props: {
  base: string
  q: string
  searchLabel: string
  placeholder?: string
  keep?: ListParams
  children?: ComponentChildren
}) {
  return (
    <form method="get" action={props.base} class="filters" role="search">
      {Object.entries(props.keep ?? {}).map(
        ([name, value]) => value && <input key={name} type="hidden" name={name} value={value} />,
      )}
      <div class="grow">
        <label for="q">{props.searchLabel}</label>
        <input
          id="q"
          name="q"
          type="search"
          value={props.q}
          placeholder={props.placeholder}
          data-shortcut="/"
        />
      </div>
      {props.children}
      <div class="filter-buttons">
        <button type="submit">Apply</button>
        <a href={listUrl(props.base, props.keep ?? {})} class="button secondary">
          Clear
        </a>
      </div>
    </form>
  )
}

/**
 * "Showing 26–50 of 340", or what to say when nothing matches. With `searchedNewest`, a search
 * matched so many rows that only that many of the newest were searched, and it says so.
 */
export function ListSummary(props: {
  page: number
  perPage: number
  total: number
  empty: string
  searchedNewest?: number | undefined
  /** What the list holds, in the plural ("comments"), for the `searchedNewest` hint. */
  rows?: string
}) {
  const { formats } = useChrome()
  const { page, perPage, total } = props
  const first = (page - 1) * perPage + 1
  const last = Math.min(page * perPage, total)
  return (
    <>
      <p class="summary" role="status" data-total={total}>
        {total === 0
          ? props.empty
          : `Showing ${formats.count(first)}–${formats.count(last)} of ${formats.count(total)}`}
      </p>
      {props.searchedNewest !== undefined && (
        <p class="hint">
          So many {props.rows ?? 'rows'} hold these words that only the newest{' '}
          {formats.count(props.searchedNewest)} of them were searched. Add a word to reach older
          ones.
        </p>
      )}
    </>
  )
}

/** The numbered pager for a list whose filters live in `params`. */
export function ListPager(props: {
  base: string
  params: ListParams
  page: number
  perPage: number
  total: number
}) {
  const pages = pageCount(props.total, props.perPage)
  return (
    <Pager
      page={props.page}
      pages={pages}
      href={(n) => listUrl(props.base, props.params, { page: String(n) })}
    />
  )
}

/** How many pages `total` rows fill (at least one). */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage))
}

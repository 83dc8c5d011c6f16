import type { User } from '../../auth/index.js'
import type {
  ArticleStatus,
  ArticleSummary,
  Category,
  NewsroomPage,
  NewsroomSort,
} from '../../content/index.js'
import type { SiteFormats } from '../locale-format.js'
import { Count } from './chrome.js'
import { AdminLayout, Csrf, ErrorBox, Notice } from './layout.js'
import { FilterBar, ListPager, ListSummary, listUrl, StatusTabs } from './list-controls.js'

export const STATUSES: ArticleStatus[] = ['draft', 'pending', 'scheduled', 'published', 'archived']

const TAB_LABELS: Record<ArticleStatus | 'all', string> = {
  all: 'All',
  draft: 'Drafts',
  pending: 'Pending review',
  scheduled: 'Scheduled',
  published: 'Published',
  archived: 'Archived',
}

const SORT_LABELS: Record<NewsroomSort, string> = {
  'updated-desc': 'Recently updated',
  'updated-asc': 'Least recently updated',
  'published-desc': 'Newest published',
  'published-asc': 'Oldest published',
  'title-asc': 'Headline A–Z',
  'title-desc': 'Headline Z–A',
}

/** The list's filters as they appear in the URL (strings, '' when unset). */
export interface ArticleListParams {
  q: string
  status: string
  section: string
  author: string
  tag: string
  from: string
  to: string
  mine: string
  sort: string
  page: string
}

/** The list's address for `params` with `changes` applied (empty values left out). */
export function listHref(params: ArticleListParams, changes: Partial<ArticleListParams> = {}) {
  return listUrl('/admin/articles', { ...params }, changes)
}

export function ArticlesPage(props: {
  user: User
  csrf: string
  result: NewsroomPage
  params: ArticleListParams
  sections: Category[]
  people: { id: number; name: string }[]
  ownOnly: boolean
  formats: SiteFormats
  notice?: string | undefined
  error?: string | undefined
}) {
  const { result, params, formats } = props
  const back = listHref(params).replace('/admin/articles', '')
  return (
    <AdminLayout title="Stories" user={props.user} csrf={props.csrf} current="/admin/articles">
      <div class="page-head">
        <h1>{props.ownOnly ? 'Your stories' : 'Stories'}</h1>
        <a class="button" href="/admin/articles/new">
          New story
        </a>
      </div>
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      <StatusTabs
        label="Stories by status"
        base="/admin/articles"
        params={{ ...params }}
        current={params.status}
        tabs={(['all', ...STATUSES] as const).map((s) => ({
          value: s === 'all' ? '' : s,
          label: TAB_LABELS[s],
          count: result.counts[s],
        }))}
      />
      <FilterForm {...props} />
      <ListSummary
        page={result.page}
        perPage={result.perPage}
        total={result.total}
        empty="No stories match."
      />
      {result.searchedNewest !== undefined && (
        <p class="hint" role="status">
          So many stories hold these words that only the newest{' '}
          <Count value={result.searchedNewest} /> of them are listed, filters included. Add a word
          to reach older ones.
        </p>
      )}
      {result.items.length > 0 && (
        <form method="post" action="/admin/articles/bulk" class="bulk" id="bulk">
          <Csrf token={props.csrf} />
          <input type="hidden" name="back" value={back} />
          <BulkBar sections={props.sections} />
          <div class="table-wrap">
            <table class="stories">
              <thead>
                <tr>
                  <th scope="col" class="pick">
                    <input type="checkbox" id="pick-all" aria-label="Select all on this page" />
                  </th>
                  <th scope="col">Headline</th>
                  <th scope="col">Status</th>
                  <th scope="col">Section</th>
                  <th scope="col">Author</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((a) => (
                  <StoryRow key={a.id} article={a} formats={formats} />
                ))}
              </tbody>
            </table>
          </div>
        </form>
      )}
      <ListPager
        base="/admin/articles"
        params={{ ...params }}
        page={result.page}
        perPage={result.perPage}
        total={result.total}
      />
    </AdminLayout>
  )
}

function StoryRow({ article: a, formats }: { article: ArticleSummary; formats: SiteFormats }) {
  const live = a.status === 'published'
  return (
    <tr>
      <td class="pick">
        <input type="checkbox" name="ids" value={String(a.id)} aria-label={`Select “${a.title}”`} />
      </td>
      <td>
        <a class="headline" href={`/admin/articles/${a.id}`}>
          {a.title || 'Untitled'}
        </a>
        <div class="row-links">
          {live ? (
            <a href={`/admin/articles/${a.id}/view`}>View on site</a>
          ) : (
            <a href={`/admin/articles/${a.id}/preview`}>Preview</a>
          )}
        </div>
      </td>
      <td>
        <span class={`badge ${a.status}`}>{a.status}</span>
        {a.publishedAt && (a.status === 'published' || a.status === 'scheduled') && (
          <div class="muted small">
            <time datetime={a.publishedAt.toISOString()}>{formats.dateTime(a.publishedAt)}</time>
          </div>
        )}
      </td>
      <td>{a.category?.name ?? '—'}</td>
      <td>{a.author?.name ?? '—'}</td>
      <td>
        <time datetime={a.updatedAt.toISOString()}>{formats.dateTime(a.updatedAt)}</time>
      </td>
    </tr>
  )
}

function FilterForm(props: {
  params: ArticleListParams
  sections: Category[]
  people: { id: number; name: string }[]
  ownOnly: boolean
}) {
  const { params } = props
  return (
    <FilterBar
      base="/admin/articles"
      q={params.q}
      searchLabel="Search stories"
      placeholder="Headline, standfirst or words in the story"
      keep={{ status: params.status }}
    >
      <div>
        <label for="section">Section</label>
        <select id="section" name="section">
          <option value="">Any section</option>
          {props.sections.map((s) => (
            <option key={s.id} value={String(s.id)} selected={params.section === String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {!props.ownOnly && (
        <div>
          <label for="author">Author</label>
          <select id="author" name="author">
            <option value="">Anyone</option>
            {props.people.map((p) => (
              <option key={p.id} value={String(p.id)} selected={params.author === String(p.id)}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label for="tag">Tag</label>
        <input id="tag" name="tag" type="text" value={params.tag} />
      </div>
      <div>
        <label for="from">Published from</label>
        <input id="from" name="from" type="date" value={params.from} />
      </div>
      <div>
        <label for="to">Published to</label>
        <input id="to" name="to" type="date" value={params.to} />
      </div>
      <div>
        <label for="sort">Sort by</label>
        <select id="sort" name="sort">
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value} selected={(params.sort || 'updated-desc') === value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {!props.ownOnly && (
        <div class="check">
          <input id="mine" name="mine" type="checkbox" value="1" checked={params.mine === '1'} />
          <label for="mine">Only mine</label>
        </div>
      )}
    </FilterBar>
  )
}

function BulkBar({ sections }: { sections: Category[] }) {
  return (
    <fieldset class="bulk-bar">
      <legend class="visually-hidden">Bulk actions</legend>
      <label for="bulk-action">With selected</label>
      <select id="bulk-action" name="action">
        <option value="">Choose an action…</option>
        <option value="publish">Publish</option>
        <option value="unpublish">Unpublish (back to draft)</option>
        <option value="archive">Archive</option>
        <option value="move">Move to section…</option>
        <option value="tag">Add tag…</option>
        <option value="delete">Delete</option>
      </select>
      <label for="bulk-section" class="visually-hidden">
        Section to move to
      </label>
      <select id="bulk-section" name="section">
        <option value="">Section…</option>
        {sections.map((s) => (
          <option key={s.id} value={String(s.id)}>
            {s.name}
          </option>
        ))}
      </select>
      <label for="bulk-tag" class="visually-hidden">
        Tag to add
      </label>
      <input id="bulk-tag" name="tag" type="text" placeholder="Tag to add" />
      <button type="submit" class="secondary">
        Apply
      </button>
    </fieldset>
  )
}

import type { User } from '../../auth/index.js'
import type { CommentStatus, QueuedComment } from '../../comments/index.js'
import { AdminLayout, Csrf, Notice } from './layout.js'
import { When } from './chrome.js'
import { FilterBar, ListPager, ListSummary, listUrl, StatusTabs } from './list-controls.js'

const TAB_LABELS: Record<CommentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  spam: 'Spam',
  trash: 'Trash',
}

export const QUEUE_TABS: CommentStatus[] = ['pending', 'approved', 'spam', 'trash']

const ACTIONS: [CommentStatus, string][] = [
  ['approved', 'Approve'],
  ['pending', 'Hold'],
  ['spam', 'Spam'],
  ['trash', 'Trash'],
]

export function CommentsQueuePage(props: {
  user: User
  csrf: string
  status: CommentStatus
  counts: Record<CommentStatus, number>
  /** The search was limited to the newest this-many matching comments. */
  searchedNewest?: number | undefined
  comments: QueuedComment[]
  /** The list's filters as they stand in the URL. */
  params: { status: string; q: string; article: string }
  page: number
  perPage: number
  notice?: string | undefined
}) {
  const { status, counts, params } = props
  const back = listUrl('', { ...params, page: String(props.page) })
  const articleTitle = params.article ? props.comments[0]?.articleTitle : undefined
  return (
    <AdminLayout title="Comments" user={props.user} csrf={props.csrf} current="/admin/comments">
      <div class="page-head">
        <h1>Comments</h1>
      </div>
      <Notice message={props.notice} />
      <StatusTabs
        label="Comments by status"
        base="/admin/comments"
        params={params}
        current={status}
        tabs={QUEUE_TABS.map((tab) => ({ value: tab, label: TAB_LABELS[tab], count: counts[tab] }))}
      />
      <FilterBar
        base="/admin/comments"
        q={params.q}
        searchLabel="Search comments"
        placeholder="Name, email address or words in the comment"
        keep={{ status: params.status }}
      >
        {params.article && (
          <div class="check">
            <input id="article" name="article" type="checkbox" value={params.article} checked />
            <label for="article">Only on {articleTitle ? `“${articleTitle}”` : 'this story'}</label>
          </div>
        )}
      </FilterBar>
      <ListSummary
        page={props.page}
        perPage={props.perPage}
        total={counts[status]}
        empty={params.q || params.article ? 'No comments match.' : `No ${status} comments.`}
        searchedNewest={props.searchedNewest}
        rows="comments"
      />
      {props.comments.length > 0 && (
        <>
          <form id="bulk" method="post" action="/admin/comments/moderate" class="actions">
            <Csrf token={props.csrf} />
            <input type="hidden" name="tab" value={status} />
            <input type="hidden" name="back" value={back} />
            <div>
              <label for="bulk-status">With the ticked comments</label>
              <select id="bulk-status" name="status">
                {ACTIONS.filter(([s]) => s !== status).map(([s, label]) => (
                  <option key={s} value={s}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="secondary">
              Apply
            </button>
          </form>
          <ol class="queue">
            {props.comments.map((c) => (
              <QueueItem key={c.id} comment={c} status={status} csrf={props.csrf} back={back} />
            ))}
          </ol>
        </>
      )}
      <ListPager
        base="/admin/comments"
        params={params}
        page={props.page}
        perPage={props.perPage}
        total={counts[status]}
      />
    </AdminLayout>
  )
}

function QueueItem(props: {
  comment: QueuedComment
  status: CommentStatus
  csrf: string
  back: string
}) {
  const c = props.comment
  const box = `pick-${c.id}`
  return (
    <li class="card" id={`comment-${c.id}`} data-comment={c.id}>
      <p class="check">
        <input type="checkbox" id={box} name="ids" value={String(c.id)} form="bulk" />
        <label for={box}>
          {c.authorName} &lt;{c.authorEmail}&gt;
          {c.parentId !== null ? ' (a reply)' : ''}
        </label>
      </p>
      <p class="hint">
        On <a href={`/admin/articles/${c.articleId}`}>{c.articleTitle}</a> (
        <a href={`/admin/comments?status=${props.status}&article=${c.articleId}`}>its comments</a>
        ) ·
        <When date={c.createdAt} />
        {c.authorUrl && (
          <>
            {' '}
            · <span>{c.authorUrl}</span>
          </>
        )}
      </p>
      <div class="comment-body">{c.body}</div>
      <form method="post" action="/admin/comments/moderate" class="actions">
        <Csrf token={props.csrf} />
        <input type="hidden" name="ids" value={String(c.id)} />
        <input type="hidden" name="tab" value={props.status} />
        <input type="hidden" name="back" value={props.back} />
        {ACTIONS.filter(([s]) => s !== props.status).map(([s, label]) => (
          <button
            key={s}
            type="submit"
            name="status"
            value={s}
            class={s === 'approved' ? undefined : s === 'pending' ? 'secondary' : 'danger'}
          >
            {label}
          </button>
        ))}
      </form>
      <details>
        <summary>Reply</summary>
        <form method="post" action={`/admin/comments/${c.id}/reply`} class="stack">
          <Csrf token={props.csrf} />
          <input type="hidden" name="tab" value={props.status} />
          <input type="hidden" name="back" value={props.back} />
          <label for={`reply-${c.id}`}>Your reply (published at once, under your name)</label>
          <textarea id={`reply-${c.id}`} name="body" class="short" required maxLength={5000} />
          <div>
            <button type="submit">Publish reply</button>
          </div>
        </form>
      </details>
    </li>
  )
}

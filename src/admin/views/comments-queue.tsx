import type { User } from '../../auth/index.js'
import type { CommentStatus, QueuedComment } from '../../comments/index.js'
import { AdminLayout, Csrf, Notice } from './layout.js'
import { When } from './chrome.js'

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
  comments: QueuedComment[]
  page: number
  perPage: number
  notice?: string | undefined
}) {
  const { status, counts } = props
  return (
    <AdminLayout title="Comments" user={props.user} csrf={props.csrf}>
      <h1>Comments</h1>
      <Notice message={props.notice} />
      <nav aria-label="Comment status">
        <ul class="actions" style="list-style:none;padding:0">
          {QUEUE_TABS.map((tab) => (
            <li key={tab}>
              <a
                href={`/admin/comments?status=${tab}`}
                aria-current={tab === status ? 'page' : undefined}
              >
                {tab}{' '}
                <span class="count" data-count={tab}>
                  {counts[tab]}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.comments.length === 0 ? (
        <p>No {status} comments.</p>
      ) : (
        <>
          <form id="bulk" method="post" action="/admin/comments/moderate" class="actions">
            <Csrf token={props.csrf} />
            <input type="hidden" name="tab" value={status} />
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
          <ol class="queue" style="list-style:none;padding:0">
            {props.comments.map((c) => (
              <QueueItem key={c.id} comment={c} status={status} csrf={props.csrf} />
            ))}
          </ol>
          <Pager status={status} page={props.page} more={props.comments.length === props.perPage} />
        </>
      )}
    </AdminLayout>
  )
}

function QueueItem(props: { comment: QueuedComment; status: CommentStatus; csrf: string }) {
  const c = props.comment
  const box = `pick-${c.id}`
  return (
    <li class="card" id={`comment-${c.id}`} data-comment={c.id} style="margin-bottom:1rem">
      <p class="check">
        <input type="checkbox" id={box} name="ids" value={String(c.id)} form="bulk" />
        <label for={box}>
          {c.authorName} &lt;{c.authorEmail}&gt;
          {c.parentId !== null ? ' (a reply)' : ''}
        </label>
      </p>
      <p class="hint">
        On <a href={`/admin/articles/${c.articleId}`}>{c.articleTitle}</a> ·{' '}
        <When date={c.createdAt} />
        {c.authorUrl && (
          <>
            {' '}
            · <span>{c.authorUrl}</span>
          </>
        )}
      </p>
      <div class="comment-body" style="white-space:pre-wrap">
        {c.body}
      </div>
      <form method="post" action="/admin/comments/moderate" class="actions">
        <Csrf token={props.csrf} />
        <input type="hidden" name="ids" value={String(c.id)} />
        <input type="hidden" name="tab" value={props.status} />
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

function Pager(props: { status: CommentStatus; page: number; more: boolean }) {
  if (props.page === 1 && !props.more) return null
  const link = (page: number) => `/admin/comments?status=${props.status}&page=${page}`
  return (
    <nav aria-label="Pages" class="actions">
      {props.page > 1 && <a href={link(props.page - 1)}>Newer</a>}
      <span>Page {props.page}</span>
      {props.more && <a href={link(props.page + 1)}>Older</a>}
    </nav>
  )
}

import type { User } from '../../auth/index.js'
import type { QueuedComment } from '../../comments/index.js'
import type { ArticleStatus, ArticleSummary } from '../../content/index.js'
import { AdminLayout } from './layout.js'
import { When } from './chrome.js'

const LISTS: [ArticleStatus, string][] = [
  ['draft', 'Drafts'],
  ['pending', 'Pending review'],
  ['scheduled', 'Scheduled'],
]

export function DashboardPage(props: {
  user: User
  csrf: string
  counts: Partial<Record<ArticleStatus, number>>
  lists: Record<'draft' | 'pending' | 'scheduled', ArticleSummary[]>
  comments: QueuedComment[] | undefined
  ownOnly: boolean
}) {
  return (
    <AdminLayout title="Dashboard" user={props.user} csrf={props.csrf} current="/admin/dashboard">
      <h1>Dashboard</h1>
      <p>
        <a class="button" href="/admin/articles/new">
          New story
        </a>
      </p>
      <div class="dashboard">
        {LISTS.map(([status, label]) => (
          <section key={status} class="card" aria-labelledby={`list-${status}`}>
            <h2 id={`list-${status}`}>
              <a href={`/admin/articles?status=${status}`}>{label}</a>{' '}
              <span class="count" data-count={status}>
                {props.counts[status] ?? 0}
              </span>
            </h2>
            {props.lists[status as 'draft'].length === 0 ? (
              <p class="hint">Nothing here.</p>
            ) : (
              <ul>
                {props.lists[status as 'draft'].map((a) => (
                  <li key={a.id}>
                    <a href={`/admin/articles/${a.id}`}>{a.title}</a>
                    {status === 'scheduled' && a.publishedAt && (
                      <span class="hint">
                        {' '}
                        <When date={a.publishedAt} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
        {props.comments && (
          <section class="card" aria-labelledby="list-comments">
            <h2 id="list-comments">Comments awaiting moderation</h2>
            {props.comments.length === 0 ? (
              <p class="hint">No comments are waiting.</p>
            ) : (
              <ul>
                {props.comments.map((c) => (
                  <li key={c.id}>
                    <strong>{c.authorName}</strong> on{' '}
                    <a href={`/admin/articles/${c.articleId}`}>{c.articleTitle}</a>:{' '}
                    {c.body.length > 120 ? `${c.body.slice(0, 119)}…` : c.body}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
      <section aria-labelledby="views-title" class="chart">
        <h2 id="views-title">Page views, last 30 days</h2>
        <div id="views-chart" data-src="/admin/api/stats/views?days=30">
          <p class="hint">The chart needs JavaScript.</p>
        </div>
        <h3>Top stories</h3>
        <ol id="top-stories" />
      </section>
      <script src="/admin/assets/dashboard.js" defer />
    </AdminLayout>
  )
}

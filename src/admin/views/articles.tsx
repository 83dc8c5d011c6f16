import type { User } from '../../auth/index.js'
import type { Article, ArticleStatus, ArticleSummary, Category } from '../../content/index.js'
import { AdminLayout, Csrf, ErrorBox, Notice } from './layout.js'

export const STATUSES: ArticleStatus[] = ['draft', 'pending', 'scheduled', 'published', 'archived']

export function DashboardPage(props: {
  user: User
  csrf: string
  counts: Partial<Record<ArticleStatus, number>>
  ownOnly: boolean
}) {
  const cards: [ArticleStatus, string][] = [
    ['draft', 'Drafts'],
    ['pending', 'Pending review'],
    ['scheduled', 'Scheduled'],
  ]
  return (
    <AdminLayout title="Dashboard" user={props.user} csrf={props.csrf}>
      <h1>Dashboard</h1>
      <ul class="cards" aria-label={props.ownOnly ? 'Your articles' : 'Articles'}>
        {cards.map(([status, label]) => (
          <li key={status}>
            <a href={`/admin/articles?status=${status}`}>
              <strong data-count={status}>{props.counts[status] ?? 0}</strong>
              {label}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href="/admin/articles/new">
          Write a new article
        </a>
      </p>
    </AdminLayout>
  )
}

export function ArticlesPage(props: {
  user: User
  csrf: string
  articles: ArticleSummary[]
  status: ArticleStatus | undefined
  ownOnly: boolean
}) {
  return (
    <AdminLayout title="Articles" user={props.user} csrf={props.csrf}>
      <h1>{props.ownOnly ? 'Your articles' : 'Articles'}</h1>
      <form method="get" action="/admin/articles" class="actions">
        <div>
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s} selected={s === props.status}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>
      {props.articles.length === 0 ? (
        <p>No articles here yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Author</th>
              <th scope="col">Updated (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {props.articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`/admin/articles/${a.id}`}>{a.title}</a>
                </td>
                <td class="status">{a.status}</td>
                <td>{a.author?.name ?? '—'}</td>
                <td>{a.updatedAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  )
}

export interface ArticleFormValues {
  title: string
  standfirst: string
  bodyHtml: string
  sectionId: string
  tags: string
  publishAt: string
}

export interface ArticleButtons {
  save: boolean
  submit: boolean
  publish: boolean
  unpublish: boolean
  archive: boolean
}

export function ArticleFormPage(props: {
  user: User
  csrf: string
  article: Article | undefined
  values: ArticleFormValues
  sections: Category[]
  buttons: ArticleButtons
  timeZone: string
  error?: string | undefined
  notice?: string | undefined
}) {
  const { article, values, buttons } = props
  const action = article ? `/admin/articles/${article.id}` : '/admin/articles'
  const title = article ? `Edit: ${article.title}` : 'New article'
  return (
    <AdminLayout title={title} user={props.user} csrf={props.csrf}>
      <h1>{article ? 'Edit article' : 'New article'}</h1>
      {article && (
        <p class="status">
          Status: {article.status} · version {article.version}
        </p>
      )}
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      <form class="stack" method="post" action={action}>
        <Csrf token={props.csrf} />
        {article && <input type="hidden" name="version" value={String(article.version)} />}
        <div>
          <label for="title">Headline</label>
          <input
            id="title"
            name="title"
            type="text"
            value={values.title}
            required
            maxLength={300}
          />
        </div>
        <div>
          <label for="standfirst">Standfirst</label>
          <input id="standfirst" name="standfirst" type="text" value={values.standfirst} />
        </div>
        <div>
          <label for="bodyHtml">Body (HTML)</label>
          <textarea id="bodyHtml" name="bodyHtml">
            {values.bodyHtml}
          </textarea>
        </div>
        <div>
          <label for="sectionId">Section</label>
          <select id="sectionId" name="sectionId">
            <option value="">No section</option>
            {props.sections.map((s) => (
              <option key={s.id} value={String(s.id)} selected={String(s.id) === values.sectionId}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="tags">Tags</label>
          <input
            id="tags"
            name="tags"
            type="text"
            value={values.tags}
            aria-describedby="tags-hint"
          />
          <p class="hint" id="tags-hint">
            Separate tags with commas.
          </p>
        </div>
        {buttons.publish && (
          <div>
            <label for="publishAt">Publish at ({props.timeZone})</label>
            <input id="publishAt" name="publishAt" type="datetime-local" value={values.publishAt} />
            <p class="hint">Only used by “Schedule”.</p>
          </div>
        )}
        <div class="actions">
          {buttons.save && (
            <button type="submit" name="action" value="save">
              Save draft
            </button>
          )}
          {buttons.submit && (
            <button type="submit" name="action" value="submit" class="secondary">
              Submit for review
            </button>
          )}
          {buttons.publish && (
            <button type="submit" name="action" value="publish" class="secondary">
              Publish
            </button>
          )}
          {buttons.publish && (
            <button type="submit" name="action" value="schedule" class="secondary">
              Schedule
            </button>
          )}
          {buttons.unpublish && (
            <button type="submit" name="action" value="unpublish" class="secondary">
              Unpublish
            </button>
          )}
          {buttons.archive && (
            <button type="submit" name="action" value="archive" class="danger">
              Archive
            </button>
          )}
        </div>
      </form>
    </AdminLayout>
  )
}

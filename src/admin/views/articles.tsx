import type { User } from '../../auth/index.js'
import type { ArticleStatus, ArticleSummary } from '../../content/index.js'
import { AdminLayout, SelectField } from './layout.js'

export const STATUSES: ArticleStatus[] = ['draft', 'pending', 'scheduled', 'published', 'archived']

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
        <SelectField
          id="status"
          label="Status"
          value={props.status ?? ''}
          options={[['', 'All'], ...STATUSES.map((s) => [s, s] as const)]}
        />
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

import type { User } from '../../auth/index.js'
import type { ArticleSummary } from '../../content/index.js'
import type { NewsletterSend } from '../../newsletter/index.js'
import { AdminLayout, Csrf, Notice } from './layout.js'
import { When } from './chrome.js'

export function NewsletterPage(props: {
  user: User
  csrf: string
  sends: NewsletterSend[]
  articles: ArticleSummary[]
  notice?: string | undefined
}) {
  return (
    <AdminLayout title="Newsletter" user={props.user} csrf={props.csrf}>
      <h1>Newsletter</h1>
      <Notice message={props.notice} />
      <div class="two">
        <form method="post" action="/admin/newsletter/digest" class="card stack">
          <h2>Send the digest now</h2>
          <Csrf token={props.csrf} />
          <div>
            <label for="kind">Stories from</label>
            <select id="kind" name="kind">
              <option value="daily">the last day</option>
              <option value="weekly">the last week</option>
            </select>
          </div>
          <div>
            <button type="submit">Send digest now</button>
          </div>
        </form>
        <form method="post" action="/admin/newsletter/article" class="card stack">
          <h2>Send one article now</h2>
          <Csrf token={props.csrf} />
          <div>
            <label for="articleId">Published article</label>
            <select id="articleId" name="articleId" required>
              {props.articles.map((a) => (
                <option key={a.id} value={String(a.id)}>
                  {a.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" disabled={props.articles.length === 0}>
              Send this article now
            </button>
          </div>
        </form>
      </div>
      <h2>Sent</h2>
      {props.sends.length === 0 ? (
        <p>Nothing has been sent yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Started (UTC)</th>
              <th scope="col">Kind</th>
              <th scope="col">Subject</th>
              <th scope="col">Recipients</th>
              <th scope="col">Sent</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {props.sends.map((s) => (
              <tr key={s.id} data-send={s.id}>
                <td>
                  <When date={s.createdAt} />
                </td>
                <td class="status">{s.kind}</td>
                <td data-subject>{s.subject}</td>
                <td data-recipients>{s.recipients}</td>
                <td data-sent>{s.sent}</td>
                <td data-failed>{s.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  )
}

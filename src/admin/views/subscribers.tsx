import type { User } from '../../auth/index.js'
import type { Subscriber, SubscriberStatus } from '../../newsletter/index.js'
import { AdminLayout, Csrf, Notice } from './layout.js'
import { When } from './chrome.js'

export const SUBSCRIBER_STATUSES: SubscriberStatus[] = [
  'pending',
  'confirmed',
  'unsubscribed',
  'bounced',
  'complained',
]

/** What an editor may set by hand (restoring a confirmed status needs the reader's consent). */
export const MARKS: SubscriberStatus[] = ['bounced', 'complained', 'unsubscribed']

export interface ImportReport {
  added: number
  skipped: number
  invalid: string[]
}

export function SubscribersPage(props: {
  user: User
  csrf: string
  subscribers: Subscriber[]
  total: number
  status: SubscriberStatus | undefined
  q: string
  page: number
  perPage: number
  notice?: string | undefined
  report?: ImportReport | undefined
}) {
  return (
    <AdminLayout title="Subscribers" user={props.user} csrf={props.csrf}>
      <h1>Subscribers</h1>
      <Notice message={props.notice} />
      {props.report && <Report report={props.report} />}
      <form method="get" action="/admin/subscribers" class="actions" role="search">
        <div>
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">All</option>
            {SUBSCRIBER_STATUSES.map((s) => (
              <option key={s} value={s} selected={s === props.status}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="q">Address contains</label>
          <input id="q" name="q" type="search" value={props.q} />
        </div>
        <button type="submit" class="secondary">
          Filter
        </button>
        <a href="/admin/subscribers/export.csv" class="button">
          Export CSV
        </a>
      </form>
      <p class="hint" data-total={props.total}>
        {props.total} {props.total === 1 ? 'subscriber' : 'subscribers'}
      </p>
      <SubscriberTable {...props} />
      <Pager {...props} />
      <ImportForm csrf={props.csrf} />
    </AdminLayout>
  )
}

function SubscriberTable(props: { csrf: string; subscribers: Subscriber[] }) {
  if (props.subscribers.length === 0) return <p>No subscribers here.</p>
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Address</th>
          <th scope="col">Status</th>
          <th scope="col">Source</th>
          <th scope="col">Since (UTC)</th>
          <th scope="col">Mark as</th>
        </tr>
      </thead>
      <tbody>
        {props.subscribers.map((s) => (
          <tr key={s.id} data-subscriber={s.email}>
            <td>{s.email}</td>
            <td class="status">{s.status}</td>
            <td>{s.source}</td>
            <td>
              <When date={s.createdAt} time={false} />
            </td>
            <td>
              <form method="post" action="/admin/subscribers/mark" class="actions">
                <Csrf token={props.csrf} />
                <input type="hidden" name="email" value={s.email} />
                <label for={`mark-${s.id}`} class="hint">
                  New status for {s.email}
                </label>
                <select id={`mark-${s.id}`} name="status">
                  {MARKS.filter((m) => m !== s.status).map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
                <button type="submit" class="secondary">
                  Mark
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Pager(props: {
  status: SubscriberStatus | undefined
  q: string
  page: number
  perPage: number
  total: number
}) {
  const pages = Math.max(1, Math.ceil(props.total / props.perPage))
  if (pages === 1) return null
  const link = (page: number) => {
    const query = new URLSearchParams({
      status: props.status ?? '',
      q: props.q,
      page: String(page),
    })
    return `/admin/subscribers?${query.toString()}`
  }
  return (
    <nav aria-label="Pages" class="actions">
      {props.page > 1 && <a href={link(props.page - 1)}>Previous</a>}
      <span>
        Page {props.page} of {pages}
      </span>
      {props.page < pages && <a href={link(props.page + 1)}>Next</a>}
    </nav>
  )
}

function ImportForm({ csrf }: { csrf: string }) {
  return (
    <section aria-labelledby="import" style="margin-top:2rem">
      <h2 id="import">Import</h2>
      <p class="hint">
        One address per line, or a CSV whose column headed “email” holds them. Invalid addresses are
        reported, duplicates and addresses already listed are skipped. Imported addresses are
        confirmed: only import people who agreed to receive the newsletter.
      </p>
      <form
        method="post"
        action="/admin/subscribers/import"
        enctype="multipart/form-data"
        class="stack"
      >
        <Csrf token={csrf} />
        <div>
          <label for="file">CSV file</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv,text/plain" />
        </div>
        <div>
          <label for="csv">…or paste addresses</label>
          <textarea id="csv" name="csv" class="short" />
        </div>
        <div>
          <button type="submit">Import</button>
        </div>
      </form>
    </section>
  )
}

function Report({ report }: { report: ImportReport }) {
  return (
    <div class="notice" role="status" id="import-report">
      <p>
        Imported: <strong data-added>{report.added}</strong> added,{' '}
        <strong data-skipped>{report.skipped}</strong> skipped as duplicates,{' '}
        <strong data-invalid>{report.invalid.length}</strong> invalid.
      </p>
      {report.invalid.length > 0 && (
        <ul>
          {report.invalid.map((address, i) => (
            <li key={i} data-invalid-address>
              {address}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

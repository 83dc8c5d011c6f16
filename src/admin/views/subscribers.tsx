import type { User } from '../../auth/index.js'
import type { Subscriber, SubscriberStatus } from '../../newsletter/index.js'
import { AdminLayout, Csrf, Notice } from './layout.js'
import { When } from './chrome.js'
import { FilterBar, ListPager, ListSummary, StatusTabs } from './list-controls.js'

const STATUS_LABELS: Record<SubscriberStatus, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  unsubscribed: 'Unsubscribed',
  bounced: 'Bounced',
  complained: 'Complained',
}

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
  /** A search limited to the newest this-many matches (see ListSummary). */
  searchedNewest?: number | undefined
  counts: Record<SubscriberStatus, number>
  status: SubscriberStatus | undefined
  q: string
  page: number
  perPage: number
  notice?: string | undefined
  report?: ImportReport | undefined
}) {
  const params = { status: props.status ?? '', q: props.q }
  const all = SUBSCRIBER_STATUSES.reduce((sum, s) => sum + props.counts[s], 0)
  return (
    <AdminLayout
      title="Subscribers"
      user={props.user}
      csrf={props.csrf}
      current="/admin/subscribers"
    >
      <div class="page-head">
        <h1>Subscribers</h1>
        <a href="/admin/subscribers/export.csv" class="button secondary">
          Export CSV
        </a>
      </div>
      <Notice message={props.notice} />
      {props.report && <Report report={props.report} />}
      <StatusTabs
        label="Subscribers by status"
        base="/admin/subscribers"
        params={params}
        current={params.status}
        tabs={[
          { value: '', label: 'All', count: all },
          ...SUBSCRIBER_STATUSES.map((s) => ({
            value: s,
            label: STATUS_LABELS[s],
            count: props.counts[s],
          })),
        ]}
      />
      <FilterBar
        base="/admin/subscribers"
        q={props.q}
        searchLabel="Address contains"
        placeholder="Part of an email address"
        keep={{ status: params.status }}
      />
      <ListSummary
        page={props.page}
        perPage={props.perPage}
        total={props.total}
        empty="No subscribers match."
        searchedNewest={props.searchedNewest}
        rows="subscribers"
      />
      <SubscriberTable {...props} />
      <ListPager
        base="/admin/subscribers"
        params={params}
        page={props.page}
        perPage={props.perPage}
        total={props.total}
      />
      <ImportForm csrf={props.csrf} />
    </AdminLayout>
  )
}

function SubscriberTable(props: { csrf: string; subscribers: Subscriber[] }) {
  if (props.subscribers.length === 0) return null
  return (
    <div class="table-wrap">
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
                <form method="post" action="/admin/subscribers/mark" class="inline-form">
                  <Csrf token={props.csrf} />
                  <input type="hidden" name="email" value={s.email} />
                  <label for={`mark-${s.id}`} class="visually-hidden">
                    New status for {s.email}
                  </label>
                  <select id={`mark-${s.id}`} name="status">
                    {MARKS.filter((m) => m !== s.status).map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="secondary small">
                    Mark
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ImportForm({ csrf }: { csrf: string }) {
  return (
    <section aria-labelledby="import" class="spaced">
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

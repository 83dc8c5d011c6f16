import type { User } from '../../auth/index.js'
import { ROLES } from '../../auth/index.js'
import type { OutboxEntry, OutboxMessage } from '../../mail/index.js'
import { AdminLayout, Csrf, ErrorBox, Field, Notice, SelectField } from './layout.js'

export function UsersPage(props: {
  user: User
  csrf: string
  users: User[]
  error?: string | undefined
  notice?: string | undefined
}) {
  return (
    <AdminLayout title="Users" user={props.user} csrf={props.csrf}>
      <h1>Users</h1>
      <Notice message={props.notice} />
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Invite someone</h2>
      <ErrorBox message={props.error} />
      <form class="stack" method="post" action="/admin/users">
        <Csrf token={props.csrf} />
        <Field id="name" label="Name" required />
        <Field id="email" label="Email" type="email" required />
        <SelectField
          id="role"
          label="Role"
          value="contributor"
          options={ROLES.filter((r) => r !== 'owner').map((r) => [r, r] as const)}
        />
        <div class="actions">
          <button type="submit">Send invitation</button>
        </div>
      </form>
    </AdminLayout>
  )
}

export function OutboxPage(props: { user: User; csrf: string; entries: OutboxEntry[] }) {
  return (
    <AdminLayout title="Outbox" user={props.user} csrf={props.csrf}>
      <h1>Outbox</h1>
      <p class="hint">
        Without SMTP_URL, mail is not sent: each message is kept here as an .eml file.
      </p>
      {props.entries.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Date (UTC)</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((m) => (
              <tr key={m.name}>
                <td>{m.date ? m.date.toISOString().slice(0, 19).replace('T', ' ') : '—'}</td>
                <td>{m.to}</td>
                <td>
                  <a href={`/admin/outbox/${encodeURIComponent(m.name)}`}>
                    {m.subject || '(no subject)'}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  )
}

export function OutboxMessagePage(props: { user: User; csrf: string; message: OutboxMessage }) {
  const m = props.message
  return (
    <AdminLayout title={m.subject || 'Message'} user={props.user} csrf={props.csrf}>
      <h1>{m.subject || '(no subject)'}</h1>
      <dl>
        <dt>From</dt>
        <dd>{m.from}</dd>
        <dt>To</dt>
        <dd>{m.to}</dd>
        <dt>Date</dt>
        <dd>{m.date ? m.date.toUTCString() : '—'}</dd>
      </dl>
      <h2>Text</h2>
      <pre>{m.text}</pre>
      <details>
        <summary>Raw message ({m.bytes} bytes)</summary>
        <pre>{m.raw}</pre>
      </details>
      <p>
        <a href="/admin/outbox">Back to the outbox</a>
      </p>
    </AdminLayout>
  )
}

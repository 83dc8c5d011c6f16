import type { User } from '../../auth/index.js'
import type { ContactMessage } from '../../contact/index.js'
import { AdminLayout } from './layout.js'
import { When } from './chrome.js'

export function ContactMessagesPage(props: {
  user: User
  csrf: string
  messages: ContactMessage[]
  page: number
  more: boolean
}) {
  return (
    <AdminLayout title="Contact messages" user={props.user} csrf={props.csrf}>
      <h1>Contact messages</h1>
      {props.messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol style="list-style:none;padding:0">
          {props.messages.map((m) => (
            <li key={m.id} class="card" data-message={m.id} style="margin-bottom:1rem">
              <h2>{m.subject || '(no subject)'}</h2>
              <p class="hint">
                From {m.name} &lt;<a href={`mailto:${m.email}`}>{m.email}</a>&gt; ·{' '}
                <When date={m.createdAt} />
              </p>
              <div style="white-space:pre-wrap">{m.message}</div>
            </li>
          ))}
        </ol>
      )}
      {(props.page > 1 || props.more) && (
        <nav aria-label="Pages" class="actions">
          {props.page > 1 && <a href={`/admin/contact?page=${props.page - 1}`}>Newer</a>}
          <span>Page {props.page}</span>
          {props.more && <a href={`/admin/contact?page=${props.page + 1}`}>Older</a>}
        </nav>
      )}
    </AdminLayout>
  )
}

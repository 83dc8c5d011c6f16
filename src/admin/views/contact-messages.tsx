import type { User } from '../../auth/index.js'
import type { ContactMessage } from '../../contact/index.js'
import { AdminLayout } from './layout.js'
import { When } from './chrome.js'
import { FilterBar, ListPager, ListSummary } from './list-controls.js'

export function ContactMessagesPage(props: {
  user: User
  csrf: string
  messages: ContactMessage[]
  total: number
  /** A search limited to the newest this-many matches (see ListSummary). */
  searchedNewest?: number | undefined
  q: string
  page: number
  perPage: number
}) {
  return (
    <AdminLayout
      title="Contact messages"
      user={props.user}
      csrf={props.csrf}
      current="/admin/contact"
    >
      <div class="page-head">
        <h1>Contact messages</h1>
      </div>
      <FilterBar
        base="/admin/contact"
        q={props.q}
        searchLabel="Search messages"
        placeholder="Name, email address, subject or words in the message"
      />
      <ListSummary
        page={props.page}
        perPage={props.perPage}
        total={props.total}
        empty={props.q ? 'No messages match.' : 'No messages yet.'}
        searchedNewest={props.searchedNewest}
        rows="messages"
      />
      {props.messages.length > 0 && (
        <ol class="message-list">
          {props.messages.map((m) => (
            <li key={m.id} class="card" data-message={m.id}>
              <h2>{m.subject || '(no subject)'}</h2>
              <p class="hint">
                From {m.name} &lt;<a href={`mailto:${m.email}`}>{m.email}</a>&gt; ·{' '}
                <When date={m.createdAt} />
              </p>
              <div class="message-text">{m.message}</div>
            </li>
          ))}
        </ol>
      )}
      <ListPager
        base="/admin/contact"
        params={{ q: props.q }}
        page={props.page}
        perPage={props.perPage}
        total={props.total}
      />
    </AdminLayout>
  )
}

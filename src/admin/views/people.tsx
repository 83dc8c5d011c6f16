import type { PendingInvitation, Session, User } from '../../auth/index.js'
import { SessionList } from './account.js'
import { rankOf, ROLES } from '../../auth/index.js'
import type { SiteFormats } from '../locale-format.js'
import type { OutboxEntry, OutboxMessage } from '../../mail/index.js'
import { AdminLayout, Csrf, ErrorBox, Field, Notice, SelectField } from './layout.js'
import { When } from './chrome.js'

export function UsersPage(props: {
  user: User
  csrf: string
  users: User[]
  lastSeen?: Map<number, Date>
  invitations?: PendingInvitation[]
  /** The clock's time, to tell expired invitation links. */
  now?: Date
  formats?: SiteFormats
  error?: string | undefined
  notice?: string | undefined
}) {
  const mine = rankOf(props.user.role)
  const invited = new Map((props.invitations ?? []).map((i) => [i.userId, i]))
  const active = props.users.filter((u) => !u.deactivatedAt)
  const gone = props.users.filter((u) => u.deactivatedAt)
  return (
    <AdminLayout title="Staff" user={props.user} csrf={props.csrf} current="/admin/users">
      <div class="page-head">
        <h1>Staff</h1>
        <a class="button secondary" href="#invite">
          Invite someone
        </a>
      </div>
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      <div class="table-wrap">
        <table class="people">
          <caption class="visually-hidden">Active staff</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {active.map((u) => {
              const self = u.id === props.user.id
              const manageable = !self && rankOf(u.role) <= mine
              const seen = props.lastSeen?.get(u.id)
              const invitation = invited.get(u.id)
              return (
                <tr key={u.id}>
                  <td>
                    <strong>{u.name}</strong>
                    <div class="muted small">{u.email}</div>
                  </td>
                  <td>
                    {manageable ? (
                      <form method="post" action={`/admin/users/${u.id}/role`} class="inline-form">
                        <Csrf token={props.csrf} />
                        <label class="visually-hidden" for={`role-${u.id}`}>
                          Role of {u.name}
                        </label>
                        <select id={`role-${u.id}`} name="role">
                          {ROLES.filter((r) => rankOf(r) <= mine).map((r) => (
                            <option key={r} value={r} selected={u.role === r}>
                              {r}
                            </option>
                          ))}
                        </select>
                        <button type="submit" class="secondary small">
                          Change role
                        </button>
                      </form>
                    ) : (
                      <span class="badge">{u.role}</span>
                    )}
                  </td>
                  <td>
                    <SignInCell
                      user={u}
                      seen={seen}
                      invitation={invitation}
                      formats={props.formats}
                      now={props.now}
                    />
                  </td>
                  <td>
                    {self ? (
                      <a href="/admin/profile">Your profile</a>
                    ) : invitation ? (
                      manageable && <InvitationActions csrf={props.csrf} user={u} />
                    ) : (
                      manageable && (
                        <div class="row-actions">
                          <a class="button secondary small" href={`/admin/users/${u.id}/delete`}>
                            Delete…
                          </a>
                          <form
                            method="post"
                            action={`/admin/users/${u.id}/deactivate`}
                            class="inline-form"
                            data-confirm={`Deactivate ${u.name}? They are signed out at once and cannot sign in; their stories stay.`}
                          >
                            <Csrf token={props.csrf} />
                            <button type="submit" class="danger small">
                              Deactivate
                            </button>
                          </form>
                        </div>
                      )
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {gone.length > 0 && (
        <>
          <h2>Deactivated</h2>
          <div class="table-wrap">
            <table class="people">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Deactivated</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {gone.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <strong>{u.name}</strong>
                      <div class="muted small">{u.email}</div>
                    </td>
                    <td>{u.role}</td>
                    <td>
                      {u.deactivatedAt && props.formats ? props.formats.date(u.deactivatedAt) : ''}
                    </td>
                    <td>
                      {rankOf(u.role) <= mine && (
                        <div class="row-actions">
                          <form
                            method="post"
                            action={`/admin/users/${u.id}/reactivate`}
                            class="inline-form"
                          >
                            <Csrf token={props.csrf} />
                            <button type="submit" class="secondary small">
                              Reactivate
                            </button>
                          </form>
                          <a class="button secondary small" href={`/admin/users/${u.id}/delete`}>
                            Delete…
                          </a>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h2 id="invite">Invite someone</h2>
      <form class="stack card" method="post" action="/admin/users">
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

function SignInCell(props: {
  user: User
  seen: Date | undefined
  invitation: PendingInvitation | undefined
  formats: SiteFormats | undefined
  now: Date | undefined
}) {
  const { formats, invitation } = props
  if (!formats) return <>—</>
  if (invitation)
    return (
      <>
        <span class="badge pending">Invited</span>
        <div class="muted small">
          Sent {formats.dateTime(invitation.sentAt)}
          {props.now && invitation.expiresAt <= props.now ? ' · link expired' : ''}
        </div>
      </>
    )
  const signIn = props.user.lastSignInAt
  return (
    <>
      {signIn ? formats.dateTime(signIn) : 'Never'}
      {props.seen && <div class="muted small">Active {formats.dateTime(props.seen)}</div>}
    </>
  )
}

function InvitationActions({ csrf, user }: { csrf: string; user: User }) {
  return (
    <div class="row-actions">
      <form method="post" action={`/admin/users/${user.id}/invitation/resend`} class="inline-form">
        <Csrf token={csrf} />
        <button
          type="submit"
          class="secondary small"
          aria-label={`Resend invitation to ${user.name}`}
        >
          Resend invitation
        </button>
      </form>
      <form
        method="post"
        action={`/admin/users/${user.id}/invitation/revoke`}
        class="inline-form"
        data-confirm={`Revoke ${user.name}'s invitation? Their link stops working.`}
      >
        <Csrf token={csrf} />
        <button type="submit" class="danger small" aria-label={`Revoke invitation to ${user.name}`}>
          Revoke
        </button>
      </form>
    </div>
  )
}

/** Deleting a colleague: who takes over their stories, then a confirmation. */
export function DeleteUserPage(props: {
  user: User
  csrf: string
  target: User
  stories: number
  heirs: User[]
  chosen?: string | undefined
  error?: string | undefined
}) {
  const { target } = props
  return (
    <AdminLayout
      title={`Delete ${target.name}`}
      user={props.user}
      csrf={props.csrf}
      current="/admin/users"
    >
      <div class="page-head">
        <h1>Delete {target.name}</h1>
      </div>
      <ErrorBox message={props.error} />
      <form class="stack card" method="post" action={`/admin/users/${target.id}/delete`}>
        <Csrf token={props.csrf} />
        <p>
          {target.name} ({target.email}) is on the byline of{' '}
          <strong>
            {props.stories} {props.stories === 1 ? 'story' : 'stories'}
          </strong>
          . Deleting the account signs them out and removes it for good; their stories and pages
          stay, under the name of the colleague you choose.
        </p>
        <SelectField
          id="reassignTo"
          label="Give their stories to"
          value={props.chosen ?? ''}
          options={[
            ['', 'Choose a colleague…'] as const,
            ...props.heirs.map((h) => [String(h.id), `${h.name} (${h.role})`] as const),
          ]}
        />
        <p class="hint">To keep the account but stop them signing in, deactivate it instead.</p>
        <div class="actions">
          <button type="submit" class="danger">
            Delete {target.name}
          </button>
          <a class="button secondary" href="/admin/users">
            Cancel
          </a>
        </div>
      </form>
    </AdminLayout>
  )
}

/** Your own profile: what readers see on your author page, and your password. */
export function ProfilePage(props: {
  user: User
  csrf: string
  values: { name: string; slug: string; bio: string; avatarUrl: string; website: string; x: string }
  images: { url: string; alt: string }[]
  publicUrl: string
  sessions: Session[]
  currentSessionId: string
  error?: string | undefined
  passwordError?: string | undefined
  notice?: string | undefined
}) {
  const v = props.values
  return (
    <AdminLayout title="Your profile" user={props.user} csrf={props.csrf} current="/admin/profile">
      <div class="page-head">
        <h1>Your profile</h1>
        <a class="button secondary" href={`/author/${props.user.slug}/`}>
          View your author page
        </a>
      </div>
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      <form class="stack card" method="post" action="/admin/profile">
        <Csrf token={props.csrf} />
        <Field id="name" label="Name" value={v.name} required />
        <Field
          id="slug"
          label="Author page address"
          value={v.slug}
          hint={`${props.publicUrl}/author/${v.slug || '…'}/`}
        />
        <div>
          <label for="bio">Bio</label>
          <textarea id="bio" name="bio" class="short" maxLength={1000}>
            {v.bio}
          </textarea>
          <p class="hint">
            One or two sentences; shown on your author page and under your stories.
          </p>
        </div>
        <div class="avatar-field">
          {v.avatarUrl && <img src={v.avatarUrl} alt="" width={64} height={64} class="avatar" />}
          <div class="grow">
            <label for="avatarUrl">Avatar</label>
            <select id="avatarUrl" name="avatarUrl">
              <option value="">No picture</option>
              {v.avatarUrl && !props.images.some((i) => i.url === v.avatarUrl) && (
                <option value={v.avatarUrl} selected>
                  Current picture
                </option>
              )}
              {props.images.map((i) => (
                <option key={i.url} value={i.url} selected={i.url === v.avatarUrl}>
                  {i.alt || i.url.split('/').pop()}
                </option>
              ))}
            </select>
            <p class="hint">Pick an image from the media library (upload it there first).</p>
          </div>
        </div>
        <Field id="website" label="Website" type="url" value={v.website} />
        <Field id="x" label="X (Twitter) profile" type="url" value={v.x} />
        <div class="actions">
          <button type="submit">Save profile</button>
        </div>
      </form>
      <h2>Password</h2>
      <ErrorBox message={props.passwordError} />
      <form class="stack card" method="post" action="/admin/profile/password">
        <Csrf token={props.csrf} />
        <Field
          id="current"
          label="Current password"
          type="password"
          autocomplete="current-password"
          required
        />
        <Field
          id="next"
          label="New password"
          type="password"
          autocomplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters. Your other sessions are signed out."
        />
        <div class="actions">
          <button type="submit">Change password</button>
        </div>
      </form>
      <h2 id="sessions">Where you are signed in</h2>
      <SessionList
        csrf={props.csrf}
        sessions={props.sessions}
        currentId={props.currentSessionId}
        action="/admin/profile/sessions/revoke"
      />
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
                <td>{m.date ? <When date={m.date} /> : '—'}</td>
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

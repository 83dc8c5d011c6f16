import { browserName } from '../browser-name.js'
import type { Session, User } from '../../auth/index.js'
import { AdminLayout, Csrf, ErrorBox, Field, Notice } from './layout.js'
import { When } from './chrome.js'

const PASSWORD_HINT =
  'At least 12 characters, not a common password. A few unrelated words make a strong one.'

export function SetupPage(props: {
  csrf: string
  error?: string | undefined
  email?: string
  name?: string
}) {
  return (
    <AdminLayout title="Set up your newsroom" narrow>
      <h1>Set up your newsroom</h1>
      <p>Create the owner account. You can invite your colleagues afterwards.</p>
      <ErrorBox message={props.error} />
      <form class="stack" method="post" action="/admin/setup">
        <Csrf token={props.csrf} />
        <Field id="name" label="Your name" value={props.name} required autocomplete="name" />
        <Field
          id="email"
          label="Email"
          type="email"
          value={props.email}
          required
          autocomplete="email"
        />
        <Field
          id="password"
          label="Password"
          type="password"
          required
          minLength={12}
          autocomplete="new-password"
          hint={PASSWORD_HINT}
        />
        <div class="actions">
          <button type="submit">Create owner account</button>
        </div>
      </form>
    </AdminLayout>
  )
}

export function LoginPage(props: {
  csrf: string
  error?: string | undefined
  notice?: string | undefined
  email?: string
}) {
  return (
    <AdminLayout title="Sign in" narrow>
      <h1>Sign in</h1>
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      <form class="stack" method="post" action="/admin/login">
        <Csrf token={props.csrf} />
        <Field
          id="email"
          label="Email"
          type="email"
          value={props.email}
          required
          autocomplete="username"
        />
        <Field
          id="password"
          label="Password"
          type="password"
          required
          autocomplete="current-password"
        />
        <div class="actions">
          <button type="submit">Sign in</button>
          <a href="/admin/forgot">Forgot your password?</a>
        </div>
      </form>
    </AdminLayout>
  )
}

export function ForgotPage(props: { csrf: string; sent?: boolean }) {
  return (
    <AdminLayout title="Forgot your password?" narrow>
      <h1>Forgot your password?</h1>
      {props.sent ? (
        <Notice message="If that address has an account, we have emailed it a link to choose a new password. The link works once, within the hour." />
      ) : (
        <p>Enter your email address and we will send you a link to choose a new password.</p>
      )}
      <form class="stack" method="post" action="/admin/forgot">
        <Csrf token={props.csrf} />
        <Field id="email" label="Email" type="email" required autocomplete="email" />
        <div class="actions">
          <button type="submit">Email me a link</button>
          <a href="/admin/login">Back to sign in</a>
        </div>
      </form>
    </AdminLayout>
  )
}

export function ResetPage(props: {
  csrf: string
  token: string
  user: User
  purpose: 'reset' | 'invite'
  error?: string | undefined
}) {
  const title = props.purpose === 'invite' ? 'Choose your password' : 'Choose a new password'
  return (
    <AdminLayout title={title} narrow>
      <h1>{title}</h1>
      <p>For {props.user.email}.</p>
      <ErrorBox message={props.error} />
      <form class="stack" method="post" action={`/admin/reset/${props.token}`}>
        <Csrf token={props.csrf} />
        <Field
          id="password"
          label="New password"
          type="password"
          required
          minLength={12}
          autocomplete="new-password"
          hint={PASSWORD_HINT}
        />
        <div class="actions">
          <button type="submit">Save password</button>
        </div>
      </form>
    </AdminLayout>
  )
}

export function SessionsPage(props: {
  user: User
  csrf: string
  sessions: Session[]
  currentId: string
  notice?: string | undefined
}) {
  return (
    <AdminLayout title="Your sessions" user={props.user} csrf={props.csrf}>
      <h1>Your sessions</h1>
      <Notice message={props.notice} />
      <SessionList
        csrf={props.csrf}
        sessions={props.sessions}
        currentId={props.currentId}
        action="/admin/sessions/revoke-all"
      />
    </AdminLayout>
  )
}

/** The browsers signed in to your account, with "Sign out everywhere else" posting to `action`. */
export function SessionList(props: {
  csrf: string
  sessions: Session[]
  currentId: string
  action: string
}) {
  const others = props.sessions.filter((s) => s.id !== props.currentId).length
  return (
    <>
      <div class="table-wrap">
        <table class="sessions">
          <caption class="hint">
            Browsers signed in to your account, most recently used first.
          </caption>
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">IP address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((s) => (
              <tr key={s.id}>
                <td title={s.userAgent || undefined}>
                  {browserName(s.userAgent)}
                  {s.id === props.currentId && <strong> (this browser)</strong>}
                </td>
                <td>{s.ip || '—'}</td>
                <td>
                  <When date={s.createdAt} />
                </td>
                <td>
                  <When date={s.lastSeenAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action={props.action} class="actions" style="margin-top:1rem">
        <Csrf token={props.csrf} />
        <button type="submit" class="danger" disabled={others === 0}>
          Sign out everywhere else
        </button>
        {others === 0 && <span class="hint">This is your only session.</span>}
      </form>
    </>
  )
}

export function MessagePage(props: {
  title: string
  message: string
  user?: User | null
  csrf?: string
}) {
  return (
    <AdminLayout title={props.title} user={props.user} csrf={props.csrf}>
      <h1>{props.title}</h1>
      <p role="alert">{props.message}</p>
      <p>
        <a href="/admin/">Back to the dashboard</a>
      </p>
    </AdminLayout>
  )
}

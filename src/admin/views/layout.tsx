import type { ComponentChildren } from 'preact'
import type { User } from '../../auth/index.js'
import { can } from '../../auth/index.js'

export interface LayoutProps {
  title: string
  user?: User | null | undefined
  csrf?: string | undefined
  narrow?: boolean
  children: ComponentChildren
}

/** Every newsroom page: skip link, navigation for the signed-in user, one main landmark. */
export function AdminLayout({ title, user, csrf, narrow, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · Newsroom`}</title>
        <link rel="stylesheet" href="/admin/admin.css" />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        {user && <AdminBar user={user} csrf={csrf ?? ''} />}
        <main id="main" class={narrow ? 'narrow' : undefined}>
          {children}
        </main>
      </body>
    </html>
  )
}

function AdminBar({ user, csrf }: { user: User; csrf: string }) {
  const admin = can(user, 'users.manage')
  // The reader desks: editors and above (src/admin/reader-desk.ts says why).
  const desk = can(user, 'comments.moderate', { authorIds: [] })
  return (
    <header class="bar">
      <nav aria-label="Newsroom">
        <ul>
          <li>
            <a href="/admin/">Dashboard</a>
          </li>
          <li>
            <a href="/admin/articles">Articles</a>
          </li>
          <li>
            <a href="/admin/articles/new">New article</a>
          </li>
          <li>
            <a href="/admin/media">Media</a>
          </li>
          {can(user, 'taxonomy.manage') && (
            <li>
              <a href="/admin/site">Site</a>
            </li>
          )}
          {can(user, 'comments.moderate', { authorIds: [user.id] }) && (
            <li>
              <a href="/admin/comments">Comments</a>
            </li>
          )}
          {desk && (
            <li>
              <a href="/admin/subscribers">Subscribers</a>
            </li>
          )}
          {desk && (
            <li>
              <a href="/admin/newsletter">Newsletter</a>
            </li>
          )}
          {desk && (
            <li>
              <a href="/admin/contact">Contact</a>
            </li>
          )}
          {admin && (
            <li>
              <a href="/admin/users">Users</a>
            </li>
          )}
          {admin && (
            <li>
              <a href="/admin/outbox">Outbox</a>
            </li>
          )}
          {admin && (
            <li>
              <a href="/admin/import">Import</a>
            </li>
          )}
          <li>
            <a href="/admin/sessions">Sessions</a>
          </li>
        </ul>
      </nav>
      <div class="who">
        <span>
          {user.name} ({user.role})
        </span>
        <form method="post" action="/admin/logout">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="link">
            Sign out
          </button>
        </form>
      </div>
    </header>
  )
}

/** A hidden CSRF field for a form. */
export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />
}

export function ErrorBox({ message }: { message?: string | undefined }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null
}

export function Notice({ message }: { message?: string | undefined }) {
  return message ? (
    <p class="notice" role="status">
      {message}
    </p>
  ) : null
}

/** A labelled input: the label's `for` names the input's id. */
export function Field(props: {
  id: string
  label: string
  type?: string
  value?: string
  required?: boolean
  autocomplete?: string
  hint?: string
  minLength?: number
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        minLength={props.minLength}
        aria-describedby={hintId}
      />
      {props.hint && (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  )
}

/** A labelled single-choice list: `options` are [value, label] pairs, `value` is selected. */
export function SelectField(props: {
  id: string
  label: string
  value: string
  options: readonly (readonly [string, string])[]
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value} selected={props.value === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}

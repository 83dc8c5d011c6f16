import type { ComponentChildren } from 'preact'
import type { User } from '../../auth/index.js'
import { ADMIN_CSS_HREF } from '../admin-css.js'
import { CountBadge, Icon, NAV, navFor, type NavEntry } from './admin-nav.js'
import { useChrome } from './chrome.js'

export interface LayoutProps {
  title: string
  user?: User | null | undefined
  csrf?: string | undefined
  narrow?: boolean
  /** The navigation entry to mark as the current page (its href). */
  current?: string
  children: ComponentChildren
}

/** Every newsroom page: skip link, sidebar navigation and top bar for the signed-in user, one main landmark. */
export function AdminLayout({ title, user, csrf, narrow, current, children }: LayoutProps) {
  const chrome = useChrome()
  return (
    <html lang={chrome.formats.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${title} · ${chrome.siteTitle} newsroom`}</title>
        <link rel="stylesheet" href={ADMIN_CSS_HREF} />
        <script src="/admin/assets/shell.js" defer />
      </head>
      <body class={user ? 'with-nav' : 'bare'}>
        <a class="skip" href="#main">
          Skip to content
        </a>
        {user && <TopBar user={user} csrf={csrf ?? ''} />}
        {user && <SideNav user={user} current={current ?? currentEntry(chrome.path)} />}
        <main id="main" class={narrow ? 'narrow' : undefined} tabindex={-1}>
          {children}
        </main>
        <div id="toasts" class="toasts" aria-live="polite" />
      </body>
    </html>
  )
}

function TopBar({ user, csrf }: { user: User; csrf: string }) {
  const chrome = useChrome()
  // On a small screen the navigation is folded away: its counts show on the button that opens it.
  const badges = navFor(user).flatMap((g) =>
    g.entries.map((e) => <NavBadge key={e.href} entry={e} />),
  )
  return (
    <header class="topbar">
      <button type="button" class="nav-toggle" aria-controls="sidenav" aria-expanded="false" hidden>
        <Icon name="menu" />
        <span class="visually-hidden">Menu</span>
        {badges}
      </button>
      <a class="brand" href="/admin/dashboard">
        <span class="brand-mark" aria-hidden="true">
          {chrome.siteTitle.slice(0, 1)}
        </span>
        <span class="brand-name">{chrome.siteTitle}</span>
      </a>
      <form class="top-search" method="get" action="/admin/articles" role="search">
        <label for="top-q" class="visually-hidden">
          Search stories
        </label>
        <Icon name="search" />
        <input id="top-q" name="q" type="search" placeholder="Search stories  /" />
      </form>
      <a class="view-site" href={chrome.publicUrl || '/'}>
        <Icon name="external" />
        <span>View site</span>
      </a>
      <details class="account">
        <summary>
          <span class="avatar-dot" aria-hidden="true">
            {user.name.slice(0, 1)}
          </span>
          <span class="account-name">{user.name}</span>
        </summary>
        <div class="account-menu">
          <p class="muted small">
            Signed in as {user.email} ({user.role})
          </p>
          <a href="/admin/profile">Your profile</a>
          <a href="/admin/sessions">Sessions</a>
          <form method="post" action="/admin/logout">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="link">
              Sign out
            </button>
          </form>
        </div>
      </details>
    </header>
  )
}

/** The entry whose address is the longest prefix of `path` (/admin/media/12 → Media library). */
function currentEntry(path: string): string | undefined {
  const matches = NAV.filter((e) => path === e.href || path.startsWith(`${e.href}/`))
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href
}

/** The number beside a navigation entry, when the page knows one and it is not 0. */
function NavBadge({ entry }: { entry: NavEntry }) {
  const { navCounts, formats } = useChrome()
  const n = navCounts?.[entry.href]
  if (!entry.countLabel || !n) return null
  const count = formats.count(n)
  return <CountBadge count={count} label={entry.countLabel(count, n)} />
}

function SideNav({ user, current }: { user: User; current: string | undefined }) {
  return (
    <nav id="sidenav" class="sidenav" aria-label="Newsroom">
      {navFor(user).map(({ group, entries }) => (
        <div class="nav-group" key={group}>
          <h2 class="nav-heading">{group}</h2>
          <ul>
            {entries.map((e) => (
              <li key={e.href}>
                <a href={e.href} aria-current={e.href === current ? 'page' : undefined}>
                  <Icon name={e.icon} />
                  <span>{e.label}</span>
                  <NavBadge entry={e} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
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
  /** For number inputs. */
  min?: number
  max?: number
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
        min={props.min}
        max={props.max}
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

/** A labelled checkbox that sends `yes` when ticked. */
export function CheckField(props: { id: string; label: string; checked: boolean }) {
  return (
    <div class="check">
      <input id={props.id} name={props.id} type="checkbox" value="yes" checked={props.checked} />
      <label for={props.id}>{props.label}</label>
    </div>
  )
}

/**
 * The newsroom's navigation as data: one line per entry, grouped (Write, Stories, Comments,
 * Readers, Site, Settings), each shown only to the roles its screen allows. A new screen is
 * one more line here.
 */
import type { JSX } from 'preact'
import { can, type User } from '../../auth/index.js'

export type NavGroup = 'Write' | 'Stories' | 'Comments' | 'Readers' | 'Site' | 'Settings'
export const NAV_GROUPS: readonly NavGroup[] = [
  'Write',
  'Stories',
  'Comments',
  'Readers',
  'Site',
  'Settings',
]

export interface NavEntry {
  group: NavGroup
  href: string
  label: string
  icon: IconName
  /** Who sees the entry (everyone signed in when absent). */
  allowed?: (user: User) => boolean
  /**
   * What the number beside the entry counts, for assistive technology ("12 new wire items"),
   * when the page knows one (`Chrome.navCounts`, by href).
   */
  countLabel?: (count: string, n: number) => string
}

/** The wire desk's badge, read out: "12 new wire items". */
export function wireItems(count: string, n: number): string {
  return `${count} new wire ${n === 1 ? 'item' : 'items'}`
}

/** The reader desks are for editors and above (src/admin/reader-desk.ts says why). */
const desk = (u: User) => can(u, 'comments.moderate', { authorIds: [] })

export const NAV: readonly NavEntry[] = [
  { group: 'Write', href: '/admin/dashboard', label: 'Dashboard', icon: 'home' },
  { group: 'Write', href: '/admin/articles/new', label: 'New story', icon: 'pen' },
  { group: 'Stories', href: '/admin/articles', label: 'Stories', icon: 'doc' },
  { group: 'Stories', href: '/admin/media', label: 'Media library', icon: 'image' },
  {
    group: 'Comments',
    href: '/admin/comments',
    label: 'Comments',
    icon: 'chat',
    allowed: (u) => can(u, 'comments.moderate', { authorIds: [u.id] }),
  },
  {
    group: 'Readers',
    href: '/admin/subscribers',
    label: 'Subscribers',
    icon: 'people',
    allowed: desk,
  },
  { group: 'Readers', href: '/admin/newsletter', label: 'Newsletter', icon: 'mail', allowed: desk },
  {
    group: 'Readers',
    href: '/admin/contact',
    label: 'Contact messages',
    icon: 'inbox',
    allowed: desk,
  },
  {
    group: 'Stories',
    href: '/admin/wire',
    label: 'Wire',
    icon: 'rss',
    allowed: (u) => can(u, 'wire.manage'),
    countLabel: wireItems,
  },
  {
    group: 'Site',
    href: '/admin/site',
    label: 'Sections, tags & menus',
    icon: 'layout',
    allowed: (u) => can(u, 'taxonomy.manage'),
  },
  {
    group: 'Settings',
    href: '/admin/settings',
    label: 'Site settings',
    icon: 'gear',
    allowed: (u) => can(u, 'settings.manage'),
  },
  {
    group: 'Settings',
    href: '/admin/users',
    label: 'Staff',
    icon: 'people',
    allowed: (u) => can(u, 'users.manage'),
  },
  {
    group: 'Settings',
    href: '/admin/integrations',
    label: 'Integrations',
    icon: 'plug',
    allowed: (u) => can(u, 'integrations.manage'),
  },
  {
    group: 'Settings',
    href: '/admin/import',
    label: 'Import',
    icon: 'list',
    allowed: (u) => can(u, 'settings.manage'),
  },
  {
    group: 'Settings',
    href: '/admin/audit',
    label: 'Audit log',
    icon: 'list',
    allowed: (u) => can(u, 'audit.view'),
  },
  {
    group: 'Settings',
    href: '/admin/outbox',
    label: 'Outbox',
    icon: 'mail',
    allowed: (u) => can(u, 'outbox.view'),
  },
  { group: 'Settings', href: '/admin/profile', label: 'Your profile', icon: 'user' },
  { group: 'Settings', href: '/admin/sessions', label: 'Sessions', icon: 'key' },
]

/** The entries `user` may see, by group, in order. */
export function navFor(user: User): { group: NavGroup; entries: NavEntry[] }[] {
  return NAV_GROUPS.map((group) => ({
    group,
    entries: NAV.filter((e) => e.group === group && (e.allowed?.(user) ?? true)),
  })).filter((g) => g.entries.length > 0)
}

export type IconName =
  | 'home'
  | 'pen'
  | 'doc'
  | 'image'
  | 'chat'
  | 'people'
  | 'mail'
  | 'inbox'
  | 'rss'
  | 'plug'
  | 'layout'
  | 'gear'
  | 'list'
  | 'user'
  | 'key'
  | 'menu'
  | 'search'
  | 'external'

/** 24×24 stroke paths (drawn for Broadsheet: simple geometric shapes). */
const PATHS: Record<IconName, string> = {
  home: 'M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  pen: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  doc: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15 9.5a1.5 1.5 0 1 0 0 .01',
  chat: 'M4 5h16v11H9l-5 4z',
  people:
    'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3 3-5 6-5s6 2 6 5M16 5a3 3 0 0 1 0 6M18 15c2 .5 3 2 3 5',
  mail: 'M3 6h18v12H3zM3 7l9 6 9-6',
  inbox: 'M4 4h16v16H4zM4 14h5l1 2h4l1-2h5',
  rss: 'M5 5a14 14 0 0 1 14 14M5 11a8 8 0 0 1 8 8M6 18h.01',
  plug: 'M9 2v6M15 2v6M6 8h12v4a6 6 0 0 1-12 0zM12 18v4',
  layout: 'M4 4h16v16H4zM4 9h16M10 9v11',
  gear: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
  list: 'M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6',
  key: 'M14 10a4 4 0 1 0-4 4l1 1h2v2h2v2h3v-3z',
  menu: 'M4 6h16M4 12h16M4 18h16',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM16 16l5 5',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
}

/**
 * A count badge: the number for the eye, `label` (which includes it) for assistive technology.
 * `testId` marks the visible number.
 */
export function CountBadge(props: { count: string; label: string; testId?: string }) {
  return (
    <span class="count">
      <span aria-hidden="true" data-testid={props.testId}>
        {props.count}
      </span>
      <span class="visually-hidden">{props.label}</span>
    </span>
  )
}

/** A decorative icon (hidden from assistive technology; the text beside it names the entry). */
export function Icon({ name }: { name: IconName }): JSX.Element {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}

/**
 * The Broadsheet JSON backup (`broadsheet export json`), format version 1: one JSON document
 * whose records refer to each other by natural keys (user email, section and tag slug, media
 * path, page slug), never by database ids, so the same site gives the same document on any
 * database.
 *
 * Layout (the importer reads it a line at a time, so a backup of any size restores in constant
 * memory): line 1 opens the document with `format`, `version` and `exportedAt`; then each field
 * is `"name":value,` on one line, or `"name":[` followed by one record per line and `]`/`],`.
 * A file re-indented by another tool is still JSON, but `import json` refuses it.
 *
 * Lists added within version 1 (so a backup written before them still restores, with nothing in
 * them): `contactMessages`, the readers' messages from the contact form. The reader treats a
 * list the document does not have as empty.
 */
import type { Role, SocialLinks } from '../../auth/index.js'
import type { ArticleStatus } from '../../content/index.js'
import type { SubscriberStatus } from '../../newsletter/index.js'
import type { SiteSettings } from '../../settings/index.js'

export const BACKUP_FORMAT = 'broadsheet-backup'
export const BACKUP_VERSION = 1

/** Field order in the document: what an entry needs always comes before it. */
export const BACKUP_LISTS = [
  'users',
  'sections',
  'tags',
  'media',
  'pages',
  'articles',
  'menus',
  'subscribers',
  'contactMessages',
  'redirects',
] as const
export type BackupList = (typeof BACKUP_LISTS)[number]

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  version: number
  exportedAt: string
  /** The exporting site's PUBLIC_URL (informative). */
  publicUrl: string
}

/** Dates are ISO 8601 strings; `null` where the site has none. */
export interface BackupUser {
  email: string
  name: string
  slug: string
  role: Role
  bio: string
  avatarUrl: string | null
  social: SocialLinks
  createdAt: string
  deactivatedAt: string | null
}

export interface BackupSection {
  slug: string
  name: string
  description: string
  /** The parent's slug; parents come first. */
  parent: string | null
}

export interface BackupTag {
  slug: string
  name: string
  description: string
}

export interface BackupMedia {
  /** Storage key under the media store (`2026/12/photo.jpg`); the file travels separately. */
  path: string
  mimeType: string
  width: number | null
  height: number | null
  bytes: number
  alt: string
  caption: string
  credit: string
  /** Email of the user who uploaded it. */
  uploadedBy: string | null
  createdAt: string
  variants: {
    kind: string
    format: string
    width: number
    height: number
    bytes: number
    path: string
  }[]
}

export interface BackupPage {
  slug: string
  title: string
  status: 'draft' | 'published'
  bodyHtml: string
  author: string | null
  seoTitle: string
  seoDescription: string
  publishedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface BackupComment {
  authorName: string
  authorEmail: string
  authorUrl: string
  /** Email of the signed-in user who wrote it. */
  user: string | null
  body: string
  status: 'approved' | 'pending' | 'spam' | 'trash'
  createdAt: string
  replies: BackupComment[]
}

export interface BackupArticle {
  slug: string
  title: string
  standfirst: string
  excerpt: string
  bodyHtml: string
  status: ArticleStatus
  publishedAt: string | null
  createdAt: string
  updatedAt: string
  /** Emails, byline order. */
  authors: string[]
  /** Section slugs, primary first. */
  sections: string[]
  /** Tag slugs, in order. */
  tags: string[]
  featuredImage: { media: string; alt: string; caption: string; credit: string } | null
  isEditorsPick: boolean
  isFeatured: boolean
  allowComments: boolean
  seoTitle: string
  seoDescription: string
  canonicalUrl: string
  /** Threads: top-level comments with their replies, oldest first. */
  comments: BackupComment[]
}

export interface BackupMenuItem {
  label: string
  /** A section's or page's link is kept as that link (so it follows renames); else a URL. */
  section: string | null
  page: string | null
  url: string
  /** Index of its parent in the same list (earlier); null at the top. */
  parent: number | null
}

export interface BackupMenu {
  location: string
  items: BackupMenuItem[]
}

export interface BackupSubscriber {
  email: string
  name: string
  status: SubscriberStatus
  source: string
  createdAt: string
  confirmedAt: string | null
  unsubscribedAt: string | null
}

/** A reader's message from the contact form, as received. */
export interface BackupContactMessage {
  name: string
  email: string
  subject: string
  message: string
  createdAt: string
}

export interface BackupRedirect {
  from: string
  to: string
  status: number
}

export interface BackupRecords {
  users: BackupUser
  sections: BackupSection
  tags: BackupTag
  media: BackupMedia
  pages: BackupPage
  articles: BackupArticle
  menus: BackupMenu
  subscribers: BackupSubscriber
  contactMessages: BackupContactMessage
  redirects: BackupRedirect
}

export type BackupSettings = SiteSettings

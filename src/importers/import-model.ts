/**
 * The import model: what every importer (WordPress, Ghost) reads out of a source file, as plain
 * objects, before anything is written. The writer stage turns these records into use-case calls
 * (users, sections, tags, articles, pages, comments, media, menus, subscribers, redirects).
 *
 * Every record carries the `sourceId` it had on the old site, so importing the same file twice can
 * find what the first run wrote, and `oldUrls` for the redirects that keep old links working.
 * `oldUrls` are absolute when the export names its site (WordPress), else root-relative paths
 * (a Ghost export does not know its own address): the writer redirects by path either way.
 */

export type ImportSource = 'wordpress' | 'ghost'

/** Something the report lists by name: a post that became a draft, a card we could not render. */
export interface ImportWarning {
  /** Which record it is about, e.g. `post 42 “Budget vote”` (empty for the file as a whole). */
  item: string
  message: string
}

export interface ImportSite {
  kind: 'site'
  source: ImportSource
  title: string
  description: string
  /** The old site's address, e.g. `https://news.example.org` (no trailing slash). */
  url: string
  language: string
  /** Format version of the export (`1.2` for WXR, Ghost's `meta.version`). */
  formatVersion: string
}

export interface ImportAuthor {
  kind: 'author'
  sourceId: string
  /** The old sign-in name (WordPress) or slug (Ghost): what `--author-map` matches. */
  login: string
  slug: string
  email: string
  name: string
  bio: string
  website: string
  avatarUrl: string
  oldUrls: string[]
}

export interface ImportCategory {
  kind: 'category'
  sourceId: string
  slug: string
  name: string
  description: string
  /** The parent's slug; `null` at the top of the tree. Parents always come before children. */
  parentSlug: string | null
  oldUrls: string[]
}

export interface ImportTag {
  kind: 'tag'
  sourceId: string
  slug: string
  name: string
  description: string
  oldUrls: string[]
}

export interface ImportTagRef {
  slug: string
  name: string
}

export type ImportStoryStatus = 'draft' | 'pending' | 'scheduled' | 'published' | 'archived'

/** An image the story uses as its featured picture: an attachment of the same export, or a URL. */
export interface ImportImageRef {
  /** The attachment's `sourceId`, when the source names one (WordPress `_thumbnail_id`). */
  mediaSourceId: string | null
  url: string
  alt: string
  caption: string
}

export interface ImportComment {
  sourceId: string
  parentSourceId: string | null
  /** The commenter's account on the old site, when they had one (the author's `sourceId`). */
  authorSourceId: string | null
  authorName: string
  authorEmail: string
  authorUrl: string
  /** Plain text, paragraphs separated by blank lines (Broadsheet's comment format). */
  body: string
  status: 'approved' | 'pending' | 'spam' | 'trash'
  createdAt: Date
}

/** An article or a page. */
export interface ImportStory {
  kind: 'article' | 'page'
  sourceId: string
  title: string
  slug: string
  status: ImportStoryStatus
  /** When it went (or goes, if scheduled) out; `null` for drafts that never had a date. */
  publishedAt: Date | null
  createdAt: Date
  updatedAt: Date
  /**
   * Sanitized body HTML in the editor's shapes. It may hold gallery placeholders and the old
   * site's image URLs: run it through `resolveBodyMedia` once the media library has the images.
   */
  bodyHtml: string
  excerpt: string
  seoTitle: string
  seoDescription: string
  canonicalUrl: string
  /** WordPress sticky posts and Ghost featured posts. */
  isEditorsPick: boolean
  allowComments: boolean
  /** Author `sourceId`s, first is the main author. */
  authorSourceIds: string[]
  /** Section (category) slugs in the source's order. Ghost has none: see `tags`. */
  categorySlugs: string[]
  /**
   * Tags in the source's order. A Ghost story's section is its first tag whose slug names a
   * section on the new site (the writer decides, knowing the sections).
   */
  tags: ImportTagRef[]
  featuredImage: ImportImageRef | null
  comments: ImportComment[]
  /** Addresses this story answered to on the old site (permalink, `?p=ID`, Ghost `/slug/`). */
  oldUrls: string[]
  /** Shortcodes of plugins the old site had (`[vc_row]`…): dropped, inner text kept, counted. */
  droppedShortcodes: number
  warnings: ImportWarning[]
}

export interface ImportMedia {
  kind: 'media'
  sourceId: string
  url: string
  /** Path under the uploads folder (WordPress `_wp_attached_file`), for `--media-dir`. */
  uploadPath: string
  title: string
  alt: string
  caption: string
  mimeType: string
  width: number | null
  height: number | null
  /** The story it was uploaded to (WordPress `post_parent`), for `[gallery]` without ids. */
  parentSourceId: string | null
  createdAt: Date
  oldUrls: string[]
}

export interface ImportMenu {
  kind: 'menu'
  sourceId: string
  slug: string
  name: string
  /** Filled by sources that keep a menu whole (Ghost navigation); WordPress sends menuItem records. */
  items: ImportMenuItem[]
}

export type ImportMenuTarget =
  { kind: 'url'; url: string } | { kind: 'article' | 'page' | 'category' | 'tag'; sourceId: string }

export interface ImportMenuItem {
  kind: 'menuItem'
  sourceId: string
  menuSlug: string
  parentSourceId: string | null
  position: number
  /** Empty when the source shows the target's own title. */
  label: string
  target: ImportMenuTarget
}

export interface ImportSubscriber {
  kind: 'subscriber'
  sourceId: string
  email: string
  name: string
  /** `false` when the member turned the newsletter off: import them, but do not mail them. */
  wantsNewsletter: boolean
  createdAt: Date
}

export interface ImportRedirect {
  kind: 'redirect'
  from: string
  to: string
  permanent: boolean
}

/** Counted for the report, never written: trashed posts, revisions, pingbacks, internal tags. */
export interface ImportSkipped {
  kind: 'skipped'
  /** What was skipped, e.g. `revision`, `pingback`, `internal tag`. */
  what: string
  sourceId: string
  reason: string
}

/** A warning about the file as a whole, or about something that is not a record of its own. */
export interface ImportNotice {
  kind: 'notice'
  warning: ImportWarning
}

export type ImportRecord =
  | ImportSite
  | ImportAuthor
  | ImportCategory
  | ImportTag
  | ImportStory
  | ImportMedia
  | ImportMenu
  | ImportMenuItem
  | ImportSubscriber
  | ImportRedirect
  | ImportSkipped
  | ImportNotice

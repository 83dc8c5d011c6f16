/**
 * Who may do what: WordPress's roles, as one pure function. Every admin handler asks `can`
 * before acting, so the rules hold whatever buttons a page shows.
 *
 * | action                        | owner/admin | editor | author       | contributor |
 * |-------------------------------|-------------|--------|--------------|-------------|
 * | article.write (drafts)        | ✓           | ✓      | ✓            | ✓           |
 * | article.submit (for review)   | ✓           | ✓      | ✓            | ✓           |
 * | article.publish own           | ✓           | ✓      | ✓            | ✗           |
 * | article.* on others' articles | ✓           | ✓      | ✗            | ✗           |
 * | media.upload                  | ✓           | ✓      | ✓            | ✗           |
 * | comments.moderate             | ✓           | ✓      | own articles | ✗           |
 * | taxonomy.manage, pages.manage | ✓           | ✓      | ✗            | ✗           |
 * | readers.manage                | ✓           | ✓      | ✗            | ✗           |
 * | wire.manage (sources, desk)   | ✓           | ✓      | ✗            | ✗           |
 * | users/settings/adSlots.manage | ✓           | ✗      | ✗            | ✗           |
 * | integrations.manage           | ✓           | ✗      | ✗            | ✗           |
 * | webhooks.manage (people)      | ✓           | ✗      | ✗            | ✗           |
 * | webhooks.manage (integration) | ✓ (own)     | ✓ (own)| ✗            | ✗           |
 */
import { AppError } from '../errors.js'
import type { Actor } from './actor.js'
import type { Role } from './user.table.js'

export type Action =
  /** Create a draft, or save changes to an article. */
  | 'article.write'
  | 'article.submit'
  /** Publish, schedule, unpublish or archive. */
  | 'article.publish'
  | 'media.upload'
  | 'comments.moderate'
  /** Sections, tags and menus. */
  | 'taxonomy.manage'
  /** Static pages (About, Contact…). */
  | 'pages.manage'
  /** Reader data: subscribers, newsletter sends, contact messages (personal data). */
  | 'readers.manage'
  /** The wire: feed sources and the desk of incoming items. */
  | 'wire.manage'
  | 'users.manage'
  | 'settings.manage'
  | 'adSlots.manage'
  /** The development outbox and the audit log: administrators' screens. */
  | 'outbox.view'
  | 'audit.view'
  /** API integrations: their keys and webhooks. */
  | 'integrations.manage'
  /**
   * Webhooks: people manage them as they manage integrations (administrators); an integration
   * manages its own when it acts as an editor or above (the webhook service checks "its own").
   */
  | 'webhooks.manage'

/** What an action is about: an article, known by its authors (and status). */
export interface ArticleSubject {
  authorIds: readonly number[]
  status?: string
}

/**
 * Whoever asks: an `Actor`, or a signed-in `User` (a person). Only a person can own an article:
 * an integration or the system is never one of its authors.
 */
export type Asker = Actor | { id: number; role: Role; kind?: undefined }

const RANK: Record<Role, number> = { contributor: 0, author: 1, editor: 2, admin: 3, owner: 4 }

/** A role's place in the ladder (contributor 0 … owner 4), for "may not act above yourself". */
export function rankOf(role: Role): number {
  return RANK[role]
}

/**
 * May `user` do `action` (to `subject`)? Without a subject, the question is "on their own
 * things"; for comments, an author needs the article as subject (only their own qualify).
 * @example can({ id: 7, role: 'author' }, 'article.publish', { authorIds: [7] }) // true
 */
export function can(user: Asker, action: Action, subject?: ArticleSubject): boolean {
  const rank = RANK[user.role]
  const editor = rank >= RANK.editor
  const personId = user.kind === undefined || user.kind === 'user' ? user.id : undefined
  const own =
    subject === undefined || (personId !== undefined && subject.authorIds.includes(personId))
  switch (action) {
    case 'article.write':
      if (!own) return editor
      // A contributor's story is out of their hands once it is live or booked to go live.
      return (
        rank >= RANK.author ||
        subject === undefined ||
        !['published', 'scheduled'].includes(subject.status ?? '')
      )
    case 'article.submit':
      return own || editor
    case 'article.publish':
      return own ? rank >= RANK.author : editor
    case 'media.upload':
      return rank >= RANK.author
    case 'comments.moderate':
      return editor || (user.role === 'author' && subject !== undefined && own)
    case 'taxonomy.manage':
    case 'pages.manage':
    case 'readers.manage':
    case 'wire.manage':
      return editor
    case 'users.manage':
    case 'settings.manage':
    case 'adSlots.manage':
    case 'outbox.view':
    case 'audit.view':
    case 'integrations.manage':
      return rank >= RANK.admin
    case 'webhooks.manage':
      return user.kind === 'integration' ? editor : rank >= RANK.admin
  }
}

const REFUSALS: Record<Action, string> = {
  'article.write': 'You cannot edit this article.',
  'article.submit': 'You cannot submit this article for review.',
  'article.publish': 'Your role cannot publish, schedule, unpublish or archive this article.',
  'media.upload': 'Your role cannot upload media; pick an existing image instead.',
  'comments.moderate': 'You can only moderate comments on your own articles.',
  'taxonomy.manage': 'Only editors and administrators manage sections, tags and menus.',
  'pages.manage': 'Only editors and administrators manage pages.',
  'readers.manage': 'Only editors and administrators work with reader data.',
  'wire.manage': 'Only editors and administrators manage the wire.',
  'users.manage': 'Only administrators manage users.',
  'settings.manage': 'Only administrators change site settings.',
  'adSlots.manage': 'Only administrators manage ad slots.',
  'outbox.view': 'Only administrators can read the outbox.',
  'audit.view': 'Only administrators can read the audit log.',
  'integrations.manage': 'Only administrators manage integrations and their keys.',
  'webhooks.manage':
    'Only administrators, and integrations acting as editors or administrators, manage webhooks.',
}

/**
 * Throw FORBIDDEN, with a sentence naming the rule, unless `can` allows it. Use cases call it
 * first, before they read or write anything else.
 */
export function requirePermission(user: Asker, action: Action, subject?: ArticleSubject): void {
  if (!can(user, action, subject)) throw new AppError('FORBIDDEN', REFUSALS[action])
}

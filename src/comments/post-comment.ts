/**
 * A reader posts a comment. Spam defences run first (honeypot, fill time, rate limits,
 * duplicates, links, blocked words, an optional checker); then the moderation policy decides
 * whether it shows at once. Replies must answer an approved comment on the same article.
 */
import { articlePath, findPublishedArticle, type Article } from '../content/index.js'
import { validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { cleanLine, cleanText } from '../text/clean-text.js'
import type { Mailer } from '../mail/index.js'
import { findSettings, type SiteSettings } from '../settings/index.js'
import { notifyAuthorsOfComment, notifyReplyApproved } from './comment-mail.js'
import {
  hasApprovedCommentFrom,
  hasRecentDuplicate,
  insertComment,
  listApprovedComments,
  refreshCommentCount,
} from './comment.repository.js'
import type { CommentStatus } from './comment.table.js'
import type { RateLimits } from './rate-limiter.js'
import {
  countLinks,
  DEFAULT_GUARD,
  findBlockedWord,
  guardSubmission,
  recordAccepted,
  type SpamChecker,
} from './spam-guard.js'

export type CommentDeps = Kernel

/** What posting from the site needs beyond the database: the guard, mail and links. */
export interface PostCommentDeps extends CommentDeps {
  secret: string
  limiter: RateLimits
  mailer?: Mailer | undefined
  spamChecker?: SpamChecker | undefined
  publicUrl: string
}

export interface CommentInput {
  articleSlug: string
  parentId?: number | null
  authorName: string
  authorEmail: string
  authorUrl?: string
  body: string
  notifyReplies?: boolean
  /** What the form carried besides the comment: honeypot, stamp, and who sent it. */
  honeypot: string
  stamp: string
  ip: string
  userAgent?: string
}

export type PostedComment =
  | { outcome: 'dropped' }
  | {
      outcome: 'approved' | 'pending' | 'spam'
      id: number
      articleId: number
      articlePath: string
    }

export const COMMENT_LIMITS = { name: 100, email: 254, url: 300, body: 5000 } as const

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/
const DUPLICATE_WINDOW_MS = 24 * 3_600_000
const DAY_MS = 86_400_000

/** Are comments open on this article now? (per article, and the site's "close after N days"). */
export function commentsOpen(
  article: Pick<Article, 'allowComments' | 'publishedAt'>,
  settings: Pick<SiteSettings, 'commentsCloseAfterDays'>,
  now: Date,
): boolean {
  if (!article.allowComments) return false
  const days = settings.commentsCloseAfterDays
  if (!days || days <= 0 || !article.publishedAt) return true
  return now.getTime() < article.publishedAt.getTime() + days * DAY_MS
}

/** Validate, screen and store a reader's comment; approved ones purge the article's pages. */
export async function postComment(
  deps: PostCommentDeps,
  input: CommentInput,
): Promise<PostedComment> {
  const fields = validate(input)
  const settings = await findSettings(deps)
  const now = deps.clock.now().getTime()
  const verdict = await guardSubmission(
    deps,
    { honeypot: input.honeypot, stamp: input.stamp, ip: input.ip, email: fields.authorEmail },
    { ...DEFAULT_GUARD, minFillMs: settings.formMinSeconds * 1000 },
    now,
  )
  if (verdict === 'drop') return { outcome: 'dropped' }
  const quick = verdict === 'hold'

  const lookup = await findPublishedArticle(deps, input.articleSlug)
  if (lookup.kind !== 'published')
    throw validationError('article', 'That article does not exist or is no longer available.')
  const article = lookup.article
  if (!commentsOpen(article, settings, deps.clock.now()))
    throw validationError('article', 'Comments are closed on this article.')
  const parentId = input.parentId ?? null
  if (parentId !== null) {
    const approved = await listApprovedComments(deps.db, article.id)
    if (!approved.some((c) => c.id === parentId))
      throw validationError('parent', 'The comment you replied to is not on this article.')
  }
  const email = fields.authorEmail.toLowerCase()
  if (
    await hasRecentDuplicate(deps.db, {
      email,
      body: fields.body,
      since: now - DUPLICATE_WINDOW_MS,
    })
  )
    throw validationError('comment', 'It looks like you have already posted this comment.')

  const status = await decideStatus(deps, settings, { ...fields, email, article, quick })
  const id = await transact(deps, async (tx) => {
    const inserted = await insertComment(
      tx.db,
      {
        articleId: article.id,
        parentId,
        ...fields,
        status,
        notifyReplies: input.notifyReplies === true,
      },
      now,
    )
    if (status === 'approved') {
      await refreshCommentCount(tx.db, article.id)
      tx.events.emit({ type: 'comments.changed', articleId: article.id })
    }
    tx.events.emit({
      type: 'comment.added',
      comment: {
        id: inserted,
        articleId: article.id,
        parentId,
        authorName: fields.authorName,
        body: fields.body,
        status,
        createdAt: new Date(now),
      },
    })
    return inserted
  })
  // Only a stored comment counts towards the rate limits.
  await recordAccepted(deps, { ip: input.ip, email }, DEFAULT_GUARD, now)
  // After the commit: mail failures never lose the comment.
  await sendNotices(deps, settings, { id, articleId: article.id, status, ...fields })
  return {
    outcome: status,
    id,
    articleId: article.id,
    articlePath: articlePath(article, settings.timeZone),
  }
}

function validate(input: CommentInput) {
  const authorName = cleanLine(input.authorName).trim()
  const authorEmail = cleanLine(input.authorEmail).trim()
  const authorUrl = cleanLine(input.authorUrl ?? '').trim()
  const body = cleanText(input.body).trim()
  if (!authorName) throw validationError('name', 'Please give your name.')
  if (authorName.length > COMMENT_LIMITS.name)
    throw validationError('name', `Your name must be at most ${COMMENT_LIMITS.name} characters.`)
  if (authorEmail.length > COMMENT_LIMITS.email || !EMAIL.test(authorEmail))
    throw validationError('email', 'Please give a valid email address.')
  if (authorUrl && (authorUrl.length > COMMENT_LIMITS.url || !/^https?:\/\/\S+$/i.test(authorUrl)))
    throw validationError('url', 'A website must be an http(s) address.')
  if (!body) throw validationError('comment', 'Please write a comment.')
  if (body.length > COMMENT_LIMITS.body)
    throw validationError('comment', `Comments must be at most ${COMMENT_LIMITS.body} characters.`)
  return { authorName, authorEmail, authorUrl, body }
}

/**
 * Spam signals first, then the site's moderation policy. A quick fill alone holds the comment
 * for a human; with links as well it goes to the spam tab (kept, never lost).
 */
async function decideStatus(
  deps: PostCommentDeps,
  settings: SiteSettings,
  c: {
    authorName: string
    email: string
    authorUrl: string
    body: string
    article: Article
    quick: boolean
  },
): Promise<'approved' | 'pending' | 'spam'> {
  if (findBlockedWord([c.authorName, c.email, c.authorUrl, c.body], settings.blockedWords))
    return 'spam'
  if (deps.spamChecker) {
    const opinion = await deps.spamChecker
      .check({
        kind: 'comment',
        authorName: c.authorName,
        authorEmail: c.email,
        authorUrl: c.authorUrl,
        body: c.body,
      })
      .catch(() => 'unknown' as const)
    if (opinion === 'spam') return 'spam'
  }
  const links = countLinks(c.body) + (c.authorUrl ? 1 : 0)
  if (c.quick) return links > 0 ? 'spam' : 'pending'
  if (countLinks(c.body) > settings.commentMaxLinks) return 'pending'
  switch (settings.commentPolicy) {
    case 'publish':
      return 'approved'
    case 'hold-first':
      return (await hasApprovedCommentFrom(deps.db, c.email)) ? 'approved' : 'pending'
    default:
      return 'pending'
  }
}

/** Mail failures never lose the comment: they are swallowed here and the comment stays. */
async function sendNotices(
  deps: PostCommentDeps,
  settings: SiteSettings,
  c: { id: number; articleId: number; status: CommentStatus; authorName: string; body: string },
): Promise<void> {
  if (!deps.mailer || c.status === 'spam') return
  const mailDeps = {
    ...deps,
    mailer: deps.mailer,
    siteTitle: settings.title,
    timeZone: settings.timeZone,
  }
  await notifyAuthorsOfComment(mailDeps, { ...c, commentId: c.id }).catch(() => 0)
  if (c.status === 'approved') await notifyReplyApproved(mailDeps, c.id).catch(() => false)
}

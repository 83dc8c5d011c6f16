/**
 * Mail about comments: the article's authors hear of every new comment; a commenter who
 * opted in hears of approved replies, with a signed link to stop.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import { articlePath, findArticle } from '../content/index.js'
import type { Database } from '../db/database.js'
import type { Mailer } from '../mail/index.js'
import { signToken, verifyToken } from '../settings/index.js'
import {
  disableReplyNotices,
  findReplyNoticeTarget,
  listArticleAuthorEmails,
  markReplyNotified,
} from './comment-notice.repository.js'
import type { CommentStatus } from './comment.table.js'

export interface CommentMailDeps {
  db: Kysely<Database>
  clock: Clock
  mailer: Mailer
  secret: string
  publicUrl: string
  siteTitle: string
  timeZone: string
}

const REPLIES_PURPOSE = 'comment-replies'

/** Tell the article's authors about a new comment (held or published). */
export async function notifyAuthorsOfComment(
  deps: CommentMailDeps,
  input: {
    articleId: number
    commentId: number
    authorName: string
    body: string
    status: CommentStatus
  },
): Promise<number> {
  if (input.status === 'spam') return 0
  const [article, emails] = await Promise.all([
    findArticle(deps, input.articleId),
    listArticleAuthorEmails(deps.db, input.articleId),
  ])
  if (!article) return 0
  const held = input.status === 'pending'
  const lines = [
    `${input.authorName} commented on “${article.title}”${held ? ' (awaiting moderation)' : ''}:`,
    '',
    input.body,
    '',
    held
      ? `Moderate it: ${deps.publicUrl}/admin/comments?status=pending`
      : `Read it: ${deps.publicUrl}${articlePath(article, deps.timeZone)}#comment-${input.commentId}`,
  ]
  for (const to of emails)
    await deps.mailer.send({
      to,
      subject: `[${deps.siteTitle}] New comment on “${article.title}”`,
      text: lines.join('\n'),
    })
  return emails.length
}

/**
 * Once a reply is approved, mail its parent's author when they opted in (at most once per
 * reply). Returns whether a mail went out.
 */
export async function notifyReplyApproved(
  deps: CommentMailDeps,
  replyId: number,
): Promise<boolean> {
  const target = await findReplyNoticeTarget(deps.db, replyId)
  if (!target || target.replyStatus !== 'approved' || target.replyNotified || !target.parentNotify)
    return false
  const article = await findArticle(deps, target.articleId)
  if (!article) return false
  if (!(await markReplyNotified(deps.db, replyId))) return false
  const unsubscribe = `${deps.publicUrl}/comments/unsubscribe?token=${encodeURIComponent(
    replyNoticeToken(deps.secret, target.parentEmail),
  )}`
  const link = `${deps.publicUrl}${articlePath(article, deps.timeZone)}#comment-${replyId}`
  await deps.mailer.send({
    to: target.parentEmail,
    subject: `[${deps.siteTitle}] ${target.replyAuthor} replied to your comment`,
    text: [
      `Hello ${target.parentName},`,
      '',
      `${target.replyAuthor} replied to your comment on “${article.title}”:`,
      '',
      target.replyBody,
      '',
      `Read the conversation: ${link}`,
      '',
      `Stop these emails: ${unsubscribe}`,
    ].join('\n'),
    headers: { 'List-Unsubscribe': `<${unsubscribe}>` },
  })
  return true
}

/** The token in a reply notice's "stop these emails" link (it does not expire). */
export function replyNoticeToken(secret: string, email: string): string {
  return signToken(secret, REPLIES_PURPOSE, email.toLowerCase())
}

/** Follow a "stop these emails" link. False when the token is not ours. */
export async function stopReplyNotices(
  deps: { db: Kysely<Database>; clock: Clock; secret: string },
  token: string,
): Promise<boolean> {
  const verified = verifyToken(deps.secret, REPLIES_PURPOSE, token, deps.clock.now().getTime())
  if (!verified.ok) return false
  await disableReplyNotices(deps.db, verified.data)
  return true
}

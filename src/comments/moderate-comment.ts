/** Moderation: approve, hold, mark as spam or bin a comment, keeping the article's count right. */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/database.js'
import { AppError, validationError } from '../errors.js'
import type { EventSink } from '../events.js'
import { notifyReplyApproved, type CommentMailDeps } from './comment-mail.js'
import { insertComment, refreshCommentCount } from './comment.repository.js'
import type { CommentStatus } from './comment.table.js'
import { findCommentStatus, updateCommentStatus } from './moderation.repository.js'

export interface ModerationDeps {
  db: Kysely<Database>
  clock: Clock
  events?: EventSink
}

const STATUSES: CommentStatus[] = ['pending', 'approved', 'spam', 'trash']

/** Which article a comment belongs to (the caller checks who may moderate it). */
export async function findCommentArticleId(
  deps: ModerationDeps,
  commentId: number,
): Promise<number> {
  const comment = await findCommentStatus(deps.db, commentId)
  if (!comment) throw new AppError('NOT_FOUND', `comment ${commentId} does not exist`)
  return comment.articleId
}

/** Set a comment's status; returns the article's approved-comment count afterwards. */
export async function moderateComment(
  deps: ModerationDeps,
  input: { commentId: number; status: CommentStatus },
): Promise<{ articleId: number; commentCount: number }> {
  if (!STATUSES.includes(input.status))
    throw validationError('status', `status must be one of ${STATUSES.join(', ')}`)
  const comment = await findCommentStatus(deps.db, input.commentId)
  if (!comment) throw new AppError('NOT_FOUND', `comment ${input.commentId} does not exist`)
  await updateCommentStatus(deps.db, comment.id, input.status)
  const commentCount = await refreshCommentCount(deps.db, comment.articleId)
  if (comment.status === 'approved' || input.status === 'approved')
    deps.events?.emit({ type: 'comments.changed', articleId: comment.articleId })
  return { articleId: comment.articleId, commentCount }
}

/**
 * Moderate several comments at once (the queue's bulk actions), then mail reply notices for
 * newly approved replies when a mail context is given. Returns the articles touched.
 */
export async function moderateComments(
  deps: ModerationDeps & { mail?: CommentMailDeps | undefined },
  input: { commentIds: number[]; status: CommentStatus },
): Promise<number[]> {
  const articles = new Set<number>()
  for (const commentId of input.commentIds) {
    const { articleId } = await moderateComment(deps, { commentId, status: input.status })
    articles.add(articleId)
    if (input.status === 'approved' && deps.mail)
      await notifyReplyApproved(deps.mail, commentId).catch(() => false)
  }
  return [...articles]
}

/** A newsroom member answers a comment: published at once, under their name. */
export async function replyAsStaff(
  deps: ModerationDeps & { mail?: CommentMailDeps | undefined },
  input: { commentId: number; user: { id: number; name: string; email: string }; body: string },
): Promise<number> {
  const body = input.body.trim()
  if (!body) throw validationError('body', 'Please write a reply.')
  if (body.length > 5000) throw validationError('body', 'Replies must be at most 5000 characters.')
  const parent = await findCommentStatus(deps.db, input.commentId)
  if (!parent) throw new AppError('NOT_FOUND', `comment ${input.commentId} does not exist`)
  // Answering a held comment approves it: the reply must not hang under an invisible parent.
  if (parent.status !== 'approved')
    await moderateComment(deps, { commentId: parent.id, status: 'approved' })
  const id = await insertComment(
    deps.db,
    {
      articleId: parent.articleId,
      parentId: parent.id,
      authorName: input.user.name,
      authorEmail: input.user.email,
      body,
      status: 'approved',
      userId: input.user.id,
    },
    deps.clock.now().getTime(),
  )
  await refreshCommentCount(deps.db, parent.articleId)
  deps.events?.emit({ type: 'comments.changed', articleId: parent.articleId })
  if (deps.mail) await notifyReplyApproved(deps.mail, id).catch(() => false)
  return id
}

/** Moderation: approve, hold, mark as spam or bin a comment, keeping the article's count right. */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/database.js'
import { AppError, validationError } from '../errors.js'
import type { EventSink } from '../events.js'
import { refreshCommentCount } from './comment.repository.js'
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

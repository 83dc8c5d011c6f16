/** Read models over comments, for entry points (they hold deps, never the database handle). */
import type { Kernel } from '../kernel.js'
import { listApprovedComments as approvedRows, type Comment } from './comment.repository.js'
import type { CommentStatus } from './comment.table.js'
import * as queue from './moderation.repository.js'

type Reader = Pick<Kernel, 'db'>

/** Approved comments of an article, oldest first (the caller builds the tree). */
export function listApprovedComments(deps: Reader, articleId: number): Promise<Comment[]> {
  return approvedRows(deps.db, articleId)
}

/** One tab of the moderation queue, newest first; only one author's articles with `authorId`. */
export function listModerationQueue(
  deps: Reader,
  input: { status: CommentStatus; authorId?: number | undefined; limit: number; offset: number },
): Promise<queue.QueuedComment[]> {
  return queue.listModerationQueue(deps.db, input)
}

/** How many comments each tab holds. */
export function countModerationQueue(
  deps: Reader,
  authorId?: number,
): Promise<Record<CommentStatus, number>> {
  return queue.countModerationQueue(deps.db, authorId)
}

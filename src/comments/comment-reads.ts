/** Read models over comments, for entry points (they hold deps, never the database handle). */
import type { ListSearch } from '../db/list-search.js'
import type { Kernel } from '../kernel.js'
import {
  listApprovedComments as approvedRows,
  listCommentsOfArticles,
  type Comment,
  type ExportComment,
} from './comment.repository.js'
import type { CommentStatus } from './comment.table.js'
import * as queue from './moderation.repository.js'

type Reader = Pick<Kernel, 'db'>
/** The moderation queue searches through the list index. */
type QueueReader = Reader & { listSearch: ListSearch }

/** Approved comments of an article, oldest first (the caller builds the tree). */
export function listApprovedComments(deps: Reader, articleId: number): Promise<Comment[]> {
  return approvedRows(deps.db, articleId)
}

/** Every comment of some articles (any status, with emails), in id order: for full exports. */
export function listCommentsForExport(
  deps: Reader,
  articleIds: number[],
): Promise<ExportComment[]> {
  return listCommentsOfArticles(deps.db, articleIds)
}

/** One tab of the moderation queue, newest first; only one author's articles with `authorId`. */
export function listModerationQueue(
  deps: QueueReader,
  input: {
    status: CommentStatus
    authorId?: number | undefined
    limit: number
    offset: number
  } & queue.QueueFilter,
): Promise<queue.QueuedComment[]> {
  return queue.listModerationQueue(deps.db, deps.listSearch, input)
}

/** How many comments each tab holds (matching `filter`: words, one article). */
export function countModerationQueue(
  deps: QueueReader,
  authorId?: number,
  filter: queue.QueueFilter = {},
): Promise<Record<CommentStatus, number>> {
  return queue.countModerationQueue(deps.db, deps.listSearch, authorId, filter)
}

/**
 * Set when the words `q` are in so many comments that the queue searches only the newest
 * this-many of them (the screen says so).
 */
export function moderationSearchedNewest(
  deps: QueueReader,
  q: string | undefined,
): Promise<number | undefined> {
  return queue.moderationSearchedNewest(deps.db, deps.listSearch, q)
}

/** Reader comments. */
export {
  insertComment,
  listApprovedComments,
  refreshCommentCount,
  type Comment,
} from './comment.repository.js'
/** Arrange approved comments into reply threads. */
export { buildCommentTree, type CommentNode } from './comment-tree.js'
export type { CommentStatus } from './comment.table.js'
/**
 * A reader posts a comment: validated, stored as 'pending' for moderation.
 * @example await postComment({ db, clock }, { articleSlug: 'budget-vote', authorName: 'Ann', authorEmail: 'ann@example.com', body: 'Well said.' })
 */
export { COMMENT_LIMITS, postComment, type CommentDeps, type CommentInput } from './post-comment.js'
/**
 * Moderation: set a comment's status and recount the article's approved comments.
 * @example await moderateComment({ db, clock, events }, { commentId: 12, status: 'approved' })
 */
export { findCommentArticleId, moderateComment, type ModerationDeps } from './moderate-comment.js'

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

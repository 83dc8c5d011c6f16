import type { Comment } from './comment.repository.js'

export interface CommentNode extends Comment {
  depth: number
  replies: CommentNode[]
}

/**
 * Arrange comments (oldest first) into threads. Replies deeper than `maxDepth` attach to the
 * deepest allowed ancestor; replies whose parent isn't shown become top-level.
 */
export function buildCommentTree(comments: Comment[], maxDepth = 4): CommentNode[] {
  const nodes = new Map<number, CommentNode>()
  const roots: CommentNode[] = []
  for (const comment of comments) {
    let parent = comment.parentId === null ? undefined : nodes.get(comment.parentId)
    while (parent && parent.depth >= maxDepth)
      parent = parent.parentId === null ? undefined : nodes.get(parent.parentId)
    const node: CommentNode = { ...comment, depth: parent ? parent.depth + 1 : 1, replies: [] }
    nodes.set(comment.id, node)
    if (parent) parent.replies.push(node)
    else roots.push(node)
  }
  return roots
}

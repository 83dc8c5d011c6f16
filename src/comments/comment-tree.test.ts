import { describe, expect, it } from 'vitest'
import type { Comment } from './comment.repository.js'
import { buildCommentTree } from './comment-tree.js'

function comment(id: number, parentId: number | null): Comment {
  return {
    id,
    parentId,
    articleId: 1,
    authorName: `c${id}`,
    authorUrl: '',
    body: 'x',
    status: 'approved',
    createdAt: new Date(id),
  }
}

describe('buildCommentTree', () => {
  it('nests replies under their parents', () => {
    const tree = buildCommentTree([
      comment(1, null),
      comment(2, 1),
      comment(3, null),
      comment(4, 2),
    ])
    expect(tree.map((c) => c.id)).toEqual([1, 3])
    expect(tree[0]?.replies.map((c) => c.id)).toEqual([2])
    expect(tree[0]?.replies[0]?.replies[0]?.depth).toBe(3)
  })

  it('flattens replies beyond the maximum depth onto the deepest allowed level', () => {
    const tree = buildCommentTree([comment(1, null), comment(2, 1), comment(3, 2)], 2)
    expect(tree[0]?.replies.map((c) => c.id)).toEqual([2, 3])
    expect(tree[0]?.replies[1]?.depth).toBe(2)
  })

  it('promotes orphans to the top level', () => {
    expect(buildCommentTree([comment(5, 99)]).map((c) => c.id)).toEqual([5])
  })
})

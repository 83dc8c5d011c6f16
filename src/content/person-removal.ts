/**
 * Deleting a colleague's account without orphaning their work: every story and page they wrote
 * is handed to someone the administrator picks, in the deletion's own transaction.
 */
import { deleteUser, type Actor, type HandOver } from '../auth/index.js'
import type { Kernel } from '../kernel.js'
import { findArticleById } from './article.repository.js'
import { refsOf } from './article-workflow.js'
import { countBylineArticles, listBylineArticleIds, reassignBylines } from './byline.repository.js'

/**
 * Delete a person, giving their stories and pages to `reassignTo`. The rules (administrators
 * only, never yourself or someone above you, never the last owner) are the account's; each
 * story's cached pages are refreshed after the commit. Returns how many stories moved.
 * @example await deleteUserReassigning(deps, userActor(admin), 7, 3)
 */
export async function deleteUserReassigning(
  deps: Kernel,
  actor: Actor,
  userId: number,
  reassignTo: number,
): Promise<number> {
  const handOver: HandOver = async (tx, fromId, toId) => {
    const ids = await listBylineArticleIds(tx.db, fromId)
    const before = []
    for (const id of ids) {
      const article = await findArticleById(tx.db, id)
      if (article) before.push(refsOf(article))
    }
    await reassignBylines(tx.db, fromId, toId)
    for (const refs of before) {
      const authorIds = [...new Set(refs.authorIds.map((a) => (a === fromId ? toId : a)))]
      tx.events.emit({
        type: 'article.changed',
        articleId: refs.id,
        before: refs,
        after: { ...refs, authorIds },
      })
    }
    return ids.length
  }
  return deleteUser(deps, actor, userId, { reassignTo, handOver })
}

/**
 * How many stories carry a person's byline (what deleting them hands over).
 * @example await countUserStories(deps, 7) // 42
 */
export function countUserStories(deps: Pick<Kernel, 'db'>, userId: number): Promise<number> {
  return countBylineArticles(deps.db, userId)
}

/**
 * Deleting an article, and the newsroom's bulk actions: the same use case applied to each chosen
 * article in turn, each in its own transaction with its own permission check and audit entry,
 * so one refused story never undoes the others.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { deleteArticleRow } from './article.repository.js'
import { mustFind, refsOf, saveArticle, stepArticle, subjectOf } from './article-workflow.js'

/**
 * Delete an article for good, with its revisions, comments and views. A live (published or
 * scheduled) story needs the right to publish it; any other needs the right to edit it.
 * @example await deleteArticle(deps, userActor(editor), 42)
 */
export async function deleteArticle(deps: Kernel, actor: Actor, id: number): Promise<void> {
  await transact(deps, async (tx) => {
    const current = await mustFind(tx, id)
    const live = current.status === 'published' || current.status === 'scheduled'
    requirePermission(actor, live ? 'article.publish' : 'article.write', subjectOf(current))
    await deleteArticleRow(tx.db, id)
    await recordAudit(tx, actor, {
      action: 'article.delete',
      subjectType: 'article',
      subjectId: id,
      details: { title: current.title, status: current.status },
    })
    tx.events.emit({
      type: 'article.changed',
      articleId: id,
      before: refsOf(current),
      after: null,
      snapshots: { before: current, after: null },
      actor: { kind: actor.kind, name: actor.name },
    })
  })
}

/** What a bulk action does to each chosen article. */
export type BulkAction =
  | { kind: 'publish' }
  | { kind: 'unpublish' }
  | { kind: 'archive' }
  | { kind: 'delete' }
  | { kind: 'move'; categoryId: number }
  | { kind: 'tag'; tag: string }

export interface BulkResult {
  /** Articles the action was applied to. */
  done: number[]
  /** Articles left as they were, with the reason (a refusal, a workflow rule, a conflict). */
  skipped: { id: number; code: string; message: string }[]
}

/** At most this many articles per bulk action (a page of the list, generously). */
export const MAX_BULK = 200

/**
 * Apply one action to several articles, each through its own use case (publish, unpublish,
 * archive, delete, move to a section, add a tag). Articles the actor may not change, or that
 * cannot take the step, are skipped and reported; the others are done.
 * @example await applyToArticles(deps, userActor(me), [4, 8, 15], { kind: 'move', categoryId: 3 })
 */
export async function applyToArticles(
  deps: Kernel,
  actor: Actor,
  ids: readonly number[],
  action: BulkAction,
): Promise<BulkResult> {
  const unique = [...new Set(ids)]
  if (unique.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Choose at least one article.', { property: 'ids' })
  if (unique.length > MAX_BULK)
    throw new AppError('VALIDATION_FAILED', `Choose at most ${MAX_BULK} articles at a time.`, {
      property: 'ids',
    })
  const result: BulkResult = { done: [], skipped: [] }
  for (const id of unique) {
    try {
      await applyOne(deps, actor, id, action)
      result.done.push(id)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      result.skipped.push({ id, code: error.code, message: error.message })
    }
  }
  return result
}

async function applyOne(deps: Kernel, actor: Actor, id: number, action: BulkAction) {
  switch (action.kind) {
    case 'publish':
    case 'unpublish':
    case 'archive':
      return stepArticle(deps, actor, id, action.kind)
    case 'delete':
      return deleteArticle(deps, actor, id)
    case 'move':
      return saveArticle(deps, actor, id, {
        input: { primaryCategoryId: action.categoryId, categoryIds: [action.categoryId] },
      })
    case 'tag':
      return transact(deps, async (tx) => {
        const current = await mustFind(tx, id)
        const names = current.tags.map((t) => t.name)
        if (names.some((n) => n.toLowerCase() === action.tag.toLowerCase())) return current
        return saveArticle(tx, actor, id, {
          input: { tags: [...names, action.tag] },
        })
      })
  }
}

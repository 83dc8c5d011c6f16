/** Revisions: every save keeps one; restoring an old one is a new save (and a new revision). */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import type { Article } from './article.js'
import { applyEdit, changed, mustFind, subjectOf } from './article-workflow.js'
import type { ContentDeps } from './content-deps.js'
import { findRevision, type RevisionWithDoc } from './revision.repository.js'

export async function findArticleRevision(
  deps: Pick<ContentDeps, 'db'>,
  articleId: number,
  revisionId: number,
): Promise<RevisionWithDoc | undefined> {
  return findRevision(deps.db, articleId, revisionId)
}

/**
 * Put an earlier revision's headline, standfirst and body back. Refused with VERSION_CONFLICT
 * when the article changed since the editor looked at it.
 */
export async function restoreRevision(
  deps: Kernel,
  actor: Actor,
  input: { articleId: number; revisionId: number; expectedVersion?: number },
): Promise<Article> {
  return transact(deps, async (tx) => {
    const current = await mustFind(tx, input.articleId)
    requirePermission(actor, 'article.write', subjectOf(current))
    const revision = await findRevision(tx.db, input.articleId, input.revisionId)
    if (!revision) throw new AppError('NOT_FOUND', 'There is no such revision.')
    const after = await applyEdit(
      tx,
      actor,
      current,
      {
        title: revision.title,
        standfirst: revision.standfirst,
        bodyHtml: revision.bodyHtml,
        bodyDoc: revision.bodyDoc ?? null,
      },
      input.expectedVersion,
    )
    await recordAudit(tx, actor, {
      action: 'article.restore',
      subjectType: 'article',
      subjectId: current.id,
      details: { revisionId: input.revisionId },
    })
    tx.events.emit(changed(current, after))
    return after
  })
}

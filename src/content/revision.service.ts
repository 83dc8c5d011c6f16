/** Revisions: every save keeps one; restoring an old one is a new save (and a new revision). */
import { AppError } from '../errors.js'
import type { Article } from './article.js'
import { updateArticle, type ContentDeps } from './article.service.js'
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
  deps: ContentDeps,
  input: { articleId: number; revisionId: number; expectedVersion: number; editorId: number },
): Promise<Article> {
  const revision = await findRevision(deps.db, input.articleId, input.revisionId)
  if (!revision) throw new AppError('NOT_FOUND', 'There is no such revision.')
  return updateArticle(
    deps,
    input.articleId,
    {
      title: revision.title,
      standfirst: revision.standfirst,
      bodyHtml: revision.bodyHtml,
      bodyDoc: revision.bodyDoc ?? null,
    },
    { expectedVersion: input.expectedVersion, editorId: input.editorId },
  )
}

/** Corrections and updates: dated notes readers see under a published article. */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { changed, mustFind, subjectOf } from './article-workflow.js'
import type { ContentDeps } from './content-deps.js'
import { insertCorrection, listCorrections, type Correction } from './correction.repository.js'

const MAX_NOTE = 2000

/** Append a correction to a published article; the article's pages are purged. */
export async function addCorrection(
  deps: Kernel,
  actor: Actor,
  input: { articleId: number; body: string },
): Promise<Correction> {
  const body = input.body.trim()
  if (!body) throw validationError('body', 'write the correction or update first')
  if (body.length > MAX_NOTE)
    throw validationError('body', `a correction must be at most ${MAX_NOTE} characters`)
  return transact(deps, async (tx) => {
    const article = await mustFind(tx, input.articleId)
    requirePermission(actor, 'article.publish', subjectOf(article))
    if (article.status !== 'published')
      throw new AppError('INVALID_TRANSITION', 'corrections are for published articles', {
        property: 'body',
      })
    const now = tx.clock.now().getTime()
    const createdBy = actor.kind === 'user' ? actor.id : null
    await insertCorrection(tx.db, { articleId: article.id, body, createdBy, createdAt: now })
    await recordAudit(tx, actor, {
      action: 'article.correct',
      subjectType: 'article',
      subjectId: article.id,
    })
    tx.events.emit(changed(article, article))
    const all = await listCorrections(tx.db, article.id)
    return all[all.length - 1] as Correction
  })
}

/** The corrections readers see under an article, oldest first. */
export function listArticleCorrections(
  deps: Pick<ContentDeps, 'db'>,
  articleId: number,
): Promise<Correction[]> {
  return listCorrections(deps.db, articleId)
}

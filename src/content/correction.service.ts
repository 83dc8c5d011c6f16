/** Corrections and updates: dated notes readers see under a published article. */
import { AppError, validationError } from '../errors.js'
import { findArticleById } from './article.repository.js'
import type { ContentDeps } from './article.service.js'
import { insertCorrection, listCorrections, type Correction } from './correction.repository.js'

const MAX_NOTE = 2000

/** Append a correction to a published article; the article's pages are purged. */
export async function addCorrection(
  deps: ContentDeps,
  input: { articleId: number; body: string; userId: number | null },
): Promise<Correction> {
  const body = input.body.trim()
  if (!body) throw validationError('body', 'write the correction or update first')
  if (body.length > MAX_NOTE)
    throw validationError('body', `a correction must be at most ${MAX_NOTE} characters`)
  const article = await findArticleById(deps.db, input.articleId)
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', `article ${input.articleId} does not exist`)
  if (article.status !== 'published')
    throw new AppError('INVALID_TRANSITION', 'corrections are for published articles', {
      property: 'body',
    })
  const now = deps.clock.now().getTime()
  await insertCorrection(deps.db, {
    articleId: article.id,
    body,
    createdBy: input.userId,
    createdAt: now,
  })
  const refs = {
    id: article.id,
    slug: article.slug,
    status: article.status,
    publishedAt: article.publishedAt,
    categorySlugs: article.sectionSlugs,
    tagSlugs: article.tags.map((t) => t.slug),
    authorIds: article.authors.map((a) => a.id),
  }
  deps.events?.emit({ type: 'article.changed', articleId: article.id, before: refs, after: refs })
  const all = await listCorrections(deps.db, article.id)
  return all[all.length - 1] as Correction
}

/** The corrections readers see under an article, oldest first. */
export function listArticleCorrections(
  deps: Pick<ContentDeps, 'db'>,
  articleId: number,
): Promise<Correction[]> {
  return listCorrections(deps.db, articleId)
}

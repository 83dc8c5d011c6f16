/**
 * Secret preview links: every article gets one unguessable token (256 random bits) the first
 * time someone asks; anyone holding `/preview/<token>` sees the unpublished article.
 */
import { randomBytes } from 'node:crypto'
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { transact, type Kernel } from '../kernel.js'
import type { Article } from './article.js'
import { findArticleById } from './article.repository.js'
import { mustFind, subjectOf } from './article-workflow.js'
import type { ContentDeps } from './content-deps.js'
import {
  findArticleIdByPreviewToken,
  findPreviewToken,
  insertPreviewToken,
} from './preview.repository.js'

/** The article's preview token, made (and logged) on first use by someone who may see it. */
export async function previewTokenFor(
  deps: Kernel,
  actor: Actor,
  articleId: number,
): Promise<string> {
  return transact(deps, async (tx) => {
    const article = await mustFind(tx, articleId)
    requirePermission(actor, 'article.submit', subjectOf(article))
    const existing = await findPreviewToken(tx.db, articleId)
    if (existing) return existing
    const token = randomBytes(32).toString('base64url')
    const stored = await insertPreviewToken(tx.db, articleId, token, tx.clock.now().getTime())
    await recordAudit(tx, actor, {
      action: 'article.preview-link',
      subjectType: 'article',
      subjectId: articleId,
    })
    return stored
  })
}

/** The article behind a preview token, whatever its status (undefined for a wrong token). */
export async function findArticleByPreviewToken(
  deps: Pick<ContentDeps, 'db'>,
  token: string,
): Promise<Article | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined
  const id = await findArticleIdByPreviewToken(deps.db, token)
  return id === undefined ? undefined : findArticleById(deps.db, id)
}

/**
 * Secret preview links: every article gets one unguessable token (256 random bits) the first
 * time someone asks; anyone holding `/preview/<token>` sees the unpublished article.
 */
import { randomBytes } from 'node:crypto'
import type { Article } from './article.js'
import { findArticleById } from './article.repository.js'
import type { ContentDeps } from './article.service.js'
import {
  findArticleIdByPreviewToken,
  findPreviewToken,
  insertPreviewToken,
} from './preview.repository.js'

/** The article's preview token, made on first use. */
export async function previewTokenFor(deps: ContentDeps, articleId: number): Promise<string> {
  const existing = await findPreviewToken(deps.db, articleId)
  if (existing) return existing
  const token = randomBytes(32).toString('base64url')
  return insertPreviewToken(deps.db, articleId, token, deps.clock.now().getTime())
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

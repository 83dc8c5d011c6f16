/**
 * A reader posts a comment. It is stored as 'pending' until moderation (the policy and spam
 * defences come later); replies must answer an approved comment on the same article.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import { findPublishedArticle, articlePath } from '../content/index.js'
import type { Database } from '../db/database.js'
import { validationError } from '../errors.js'
import { insertComment, listApprovedComments } from './comment.repository.js'

export interface CommentDeps {
  db: Kysely<Database>
  clock: Clock
}

export interface CommentInput {
  articleSlug: string
  parentId?: number | null
  authorName: string
  authorEmail: string
  authorUrl?: string
  body: string
}

export const COMMENT_LIMITS = { name: 100, email: 254, url: 300, body: 5000 } as const

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/

/** Validate and store a reader's comment as pending. Returns its id and the article's path. */
export async function postComment(
  deps: CommentDeps,
  input: CommentInput,
  timeZone = 'UTC',
): Promise<{ id: number; articleId: number; articlePath: string }> {
  const authorName = input.authorName.trim()
  const authorEmail = input.authorEmail.trim()
  const authorUrl = (input.authorUrl ?? '').trim()
  const body = input.body.trim()
  if (!authorName) throw validationError('name', 'Please give your name.')
  if (authorName.length > COMMENT_LIMITS.name)
    throw validationError('name', `Your name must be at most ${COMMENT_LIMITS.name} characters.`)
  if (authorEmail.length > COMMENT_LIMITS.email || !EMAIL.test(authorEmail))
    throw validationError('email', 'Please give a valid email address.')
  if (authorUrl && (authorUrl.length > COMMENT_LIMITS.url || !/^https?:\/\/\S+$/i.test(authorUrl)))
    throw validationError('url', 'A website must be an http(s) address.')
  if (!body) throw validationError('comment', 'Please write a comment.')
  if (body.length > COMMENT_LIMITS.body)
    throw validationError('comment', `Comments must be at most ${COMMENT_LIMITS.body} characters.`)

  const lookup = await findPublishedArticle(deps, input.articleSlug)
  if (lookup.kind !== 'published')
    throw validationError('article', 'That article does not exist or is no longer available.')
  const article = lookup.article
  if (!article.allowComments)
    throw validationError('article', 'Comments are closed on this article.')
  const parentId = input.parentId ?? null
  if (parentId !== null) {
    const approved = await listApprovedComments(deps.db, article.id)
    if (!approved.some((c) => c.id === parentId))
      throw validationError('parent', 'The comment you replied to is not on this article.')
  }
  const id = await insertComment(
    deps.db,
    {
      articleId: article.id,
      parentId,
      authorName,
      authorEmail,
      authorUrl,
      body,
      status: 'pending',
    },
    deps.clock.now().getTime(),
  )
  return { id, articleId: article.id, articlePath: articlePath(article, timeZone) }
}

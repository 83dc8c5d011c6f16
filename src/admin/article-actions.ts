/**
 * The article form's buttons, each checked with `can` before anything is written, and the
 * workflow steps written to the audit log.
 */
import {
  can,
  recordAudit,
  type ArticleSubject,
  type AuditAction,
  type User,
} from '../auth/index.js'
import {
  archiveArticle,
  createArticle,
  publishArticle,
  scheduleArticle,
  submitForReview,
  unpublishArticle,
  updateArticle,
  type Article,
  type ArticleInput,
} from '../content/index.js'
import { validationError } from '../errors.js'
import { requirePermission, type AdminContext } from './admin-context.js'
import type { ArticleButtons } from './views/article-form.js'

export type ArticleAction = 'save' | 'submit' | 'publish' | 'schedule' | 'unpublish' | 'archive'
export const ARTICLE_ACTIONS: ArticleAction[] = [
  'save',
  'submit',
  'publish',
  'schedule',
  'unpublish',
  'archive',
]

export function subjectOf(article: Article): ArticleSubject {
  return { authorIds: article.authors.map((a) => a.id), status: article.status }
}

/** Which buttons the form shows (the server checks again on submit). */
export function buttonsFor(user: User, article: Article | undefined): ArticleButtons {
  const subject = article ? subjectOf(article) : { authorIds: [user.id], status: 'draft' }
  const live = article ? ['published', 'scheduled'].includes(article.status) : false
  const publish = can(user, 'article.publish', subject)
  return {
    save: can(user, 'article.write', subject),
    submit: can(user, 'article.submit', subject) && !live && article?.status !== 'pending',
    publish,
    unpublish: publish && live,
    archive: publish && article !== undefined && article.status !== 'archived',
  }
}

const PERMISSION = {
  save: 'article.write',
  submit: 'article.submit',
  publish: 'article.publish',
  schedule: 'article.publish',
  unpublish: 'article.publish',
  archive: 'article.publish',
} as const

const AUDITED: Partial<Record<ArticleAction, AuditAction>> = {
  publish: 'article.publish',
  schedule: 'article.schedule',
  unpublish: 'article.unpublish',
  archive: 'article.archive',
}

/** A new article: refused before the draft exists when the chosen step is not allowed. */
export async function createFromForm(
  ctx: AdminContext,
  user: User,
  input: ArticleInput,
  action: ArticleAction,
  publishAt: Date | undefined,
): Promise<Article> {
  const subject = { authorIds: [user.id], status: 'draft' }
  requirePermission(user, 'article.write', subject)
  requirePermission(user, PERMISSION[action], subject)
  const draft = await createArticle(ctx.deps, user.id, input)
  return action === 'save' ? draft : step(ctx, user, draft, action, publishAt)
}

/** An existing article: save the edited fields (when allowed and changed), then take the step. */
export async function updateFromForm(
  ctx: AdminContext,
  user: User,
  article: Article,
  edit: { input: ArticleInput; version: number; changed: boolean },
  action: ArticleAction,
  publishAt: Date | undefined,
): Promise<Article> {
  const subject = subjectOf(article)
  requirePermission(user, PERMISSION[action], subject)
  let current = article
  const writes = action !== 'unpublish' && action !== 'archive'
  if (writes && (edit.changed || action === 'save')) {
    requirePermission(user, 'article.write', subject)
    current = await updateArticle(ctx.deps, article.id, edit.input, {
      expectedVersion: edit.version,
      editorId: user.id,
    })
  }
  return action === 'save' ? current : step(ctx, user, current, action, publishAt)
}

async function step(
  ctx: AdminContext,
  user: User,
  article: Article,
  action: Exclude<ArticleAction, 'save'>,
  publishAt: Date | undefined,
): Promise<Article> {
  let result: Article
  if (action === 'submit') result = await submitForReview(ctx.deps, article.id)
  else if (action === 'publish') result = await publishArticle(ctx.deps, article.id)
  else if (action === 'schedule') {
    if (!publishAt) throw validationError('publishAt', 'choose a date and time to schedule for')
    result = await scheduleArticle(ctx.deps, article.id, publishAt)
  } else if (action === 'unpublish') result = await unpublishArticle(ctx.deps, article.id)
  else result = await archiveArticle(ctx.deps, article.id)
  const audited = AUDITED[action]
  if (audited) {
    await recordAudit(ctx.deps, {
      userId: user.id,
      action: audited,
      subjectType: 'article',
      subjectId: article.id,
      details: {
        title: result.title,
        ...(action === 'schedule' ? { publishAt: result.publishedAt?.toISOString() } : {}),
      },
    })
  }
  return result
}

/** The article form's buttons: which ones a person sees, and what a pressed one asks for. */
import { can, type User } from '../auth/index.js'
import { ARTICLE_STEPS, subjectOf, type Article, type ArticleStep } from '../content/index.js'
import type { ArticleButtons } from './views/article-form.js'

/** A pressed button: a plain save, or a workflow step (which saves the edits first). */
export type ArticleAction = 'save' | ArticleStep

/** The button pressed, from the form's `action` field (a plain save when absent or unknown). */
export function actionOf(value: string | undefined): ArticleAction {
  return ARTICLE_STEPS.find((step) => step === value) ?? 'save'
}

/** The step to take after saving, for the use case (`undefined` for a plain save). */
export function stepOf(action: ArticleAction): ArticleStep | undefined {
  return action === 'save' ? undefined : action
}

/** Which buttons the form shows (the use case checks again on submit). */
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

/** The article list and the article form (the editor bundle enhances the same form). */
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { can, listUsers, userActor, type User } from '../auth/index.js'
import {
  createArticle,
  findNewsroomArticle,
  listArticleCorrections,
  listCategories,
  listNewsroomArticles,
  saveArticle,
  subjectOf,
  type Article,
  type ArticleStatus,
} from '../content/index.js'
import { AppError } from '../errors.js'
import { assertForm, formRoute, IdParams, pageRoute, text } from '../http/form-schema.js'
import { searchMedia } from '../media/index.js'
import { findSettings } from '../settings/index.js'
import {
  field,
  formToken,
  requirePermission,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { statusOf } from './admin-errors.js'
import { actionOf, buttonsFor, stepOf } from './article-actions.js'
import {
  ArticleFormBody,
  emptyValues,
  isChanged,
  publishAtOf,
  readFormValues,
  toArticleInput,
  valuesOf,
  type ArticleFormValues,
} from './article-form.js'
import { ArticleFormPage } from './views/article-form.js'
import { ArticlesPage, STATUSES } from './views/articles.js'

/** Errors the form shows above the fields, keeping what was typed. */
const FORM_ERRORS = new Set([
  'VALIDATION_FAILED',
  'VERSION_CONFLICT',
  'INVALID_TRANSITION',
  'CATEGORY_NOT_FOUND',
])

/** Writers below editor see only their own articles. */
export function ownOnly(user: User): boolean {
  return !can(user, 'article.write', { authorIds: [] })
}

export const articleRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  const listQuery = Type.Object({ status: Type.Optional(text(20)) })
  app.get<{ Querystring: { status?: string } }>(
    '/articles',
    pageRoute({ querystring: listQuery }),
    async (request, reply) => {
      const user = requireUser(request)
      const wanted = request.query.status as ArticleStatus | undefined
      const status = wanted && STATUSES.includes(wanted) ? wanted : undefined
      const own = ownOnly(user)
      const articles = await listNewsroomArticles(deps, {
        status,
        ...(own ? { authorId: user.id } : {}),
      })
      const csrf = formToken(request, reply)
      return sendPage(reply, h(ArticlesPage, { user, csrf, articles, status, ownOnly: own }))
    },
  )

  app.get('/articles/new', pageRoute(), async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'article.write')
    return renderForm(request, reply, user, undefined, emptyValues(user.id))
  })

  app.post('/articles', formRoute({ body: ArticleFormBody }), async (request, reply) => {
    const user = requireUser(request)
    const { values, action, publishAt } = await readForm(request)
    try {
      assertForm(request)
      const input = toArticleInput(values, user.id)
      const then = stepOf(action)
      const article = await createArticle(deps, userActor(user), input, {
        ...(then ? { then } : {}),
        ...(publishAt ? { publishAt } : {}),
      })
      return seeOther(reply, `/admin/articles/${article.id}?done=${action}`)
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
      return renderForm(request, reply, user, undefined, values, error)
    }
  })

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/articles/:id',
    pageRoute({ params: IdParams, querystring: Type.Object({ done: Type.Optional(text(20)) }) }),
    async (request, reply) => {
      const user = requireUser(request)
      const article = await mustFind(request.params.id)
      requirePermission(user, 'article.submit', subjectOf(article))
      const { timeZone } = await findSettings(deps)
      const notice = request.query.done ? doneMessage(request.query.done) : undefined
      const values = valuesOf(article, timeZone)
      return renderForm(request, reply, user, article, values, undefined, notice)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/articles/:id',
    formRoute({ params: IdParams, body: ArticleFormBody }),
    async (request, reply) => {
      const user = requireUser(request)
      const article = await mustFind(request.params.id)
      const { values, action, publishAt, timeZone } = await readForm(request)
      const version = Number(field(request, 'version')) || article.version
      // A plain save always writes; a step saves the edits first only when there are any.
      const changed = action === 'save' || isChanged(valuesOf(article, timeZone), values)
      try {
        assertForm(request)
        const then = stepOf(action)
        await saveArticle(deps, userActor(user), article.id, {
          ...(changed ? { input: toArticleInput(values, article.author?.id ?? user.id) } : {}),
          expectedVersion: version,
          ...(then ? { then } : {}),
          ...(publishAt ? { publishAt } : {}),
        })
        return seeOther(reply, `/admin/articles/${article.id}?done=${action}`)
      } catch (error) {
        if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
        const fresh = (await findNewsroomArticle(deps, article.id)) ?? article
        return renderForm(request, reply, user, fresh, values, error)
      }
    },
  )

  async function mustFind(id: string): Promise<Article> {
    const article = /^\d+$/.test(id) ? await findNewsroomArticle(deps, Number(id)) : undefined
    if (!article) throw new AppError('ARTICLE_NOT_FOUND', 'There is no such article.')
    return article
  }

  async function readForm(request: FastifyRequest) {
    const values = readFormValues(request)
    const action = actionOf(field(request, 'action'))
    const { timeZone } = await findSettings(deps)
    return { values, action, publishAt: publishAtOf(values, timeZone), timeZone }
  }

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    article: Article | undefined,
    values: ArticleFormValues,
    error?: AppError,
    notice?: string,
  ) {
    const [sections, settings, users, media, corrections] = await Promise.all([
      listCategories(deps),
      findSettings(deps),
      listUsers(deps),
      searchMedia(deps, { type: 'image/', perPage: 60 }),
      article ? listArticleCorrections(deps, article.id) : Promise.resolve([]),
    ])
    const page = h(ArticleFormPage, {
      user,
      csrf: formToken(request, reply),
      article,
      values,
      sections,
      people: users.map((u) => ({ id: u.id, name: u.name })),
      media: media.items,
      corrections,
      buttons: buttonsFor(user, article),
      canUpload: can(user, 'media.upload'),
      timeZone: settings.timeZone,
      error: error?.message,
      notice,
    })
    return sendPage(reply, page, error ? statusOf(error) : 200)
  }
}

function doneMessage(action: string): string | undefined {
  const messages: Record<string, string> = {
    save: 'Saved.',
    submit: 'Submitted for review.',
    publish: 'Published.',
    schedule: 'Scheduled.',
    unpublish: 'Unpublished: it is a draft again.',
    archive: 'Archived.',
    restored: 'Revision restored (saved as a new revision).',
    correction: 'Correction added; readers see it under the article.',
  }
  return messages[action]
}

/** The article list and the plain article form (the rich editor comes later). */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { can, type User } from '../auth/index.js'
import {
  countNewsroomArticles,
  findNewsroomArticle,
  listCategories,
  listNewsroomArticles,
  type Article,
  type ArticleInput,
  type ArticleStatus,
} from '../content/index.js'
import { AppError } from '../errors.js'
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
import {
  ARTICLE_ACTIONS,
  buttonsFor,
  createFromForm,
  subjectOf,
  updateFromForm,
  type ArticleAction,
} from './article-actions.js'
import {
  ArticleFormPage,
  ArticlesPage,
  DashboardPage,
  STATUSES,
  type ArticleFormValues,
} from './views/articles.js'
import { dateToZonedInput, zonedInputToDate } from './zoned-time.js'

/** Errors the form shows above the fields, keeping what was typed. */
const FORM_ERRORS = new Set([
  'VALIDATION_FAILED',
  'VERSION_CONFLICT',
  'INVALID_TRANSITION',
  'CATEGORY_NOT_FOUND',
])

/** Writers below editor see only their own articles. */
function ownOnly(user: User): boolean {
  return !can(user, 'article.write', { authorIds: [] })
}

export const articleRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  app.get('/dashboard', async (request, reply) => {
    const user = requireUser(request)
    const own = ownOnly(user)
    const counts = await countNewsroomArticles(deps, own ? { authorId: user.id } : {})
    const csrf = formToken(request, reply)
    return sendPage(reply, h(DashboardPage, { user, csrf, counts, ownOnly: own }))
  })

  app.get<{ Querystring: { status?: string } }>('/articles', async (request, reply) => {
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
  })

  app.get('/articles/new', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'article.write')
    return renderForm(request, reply, user, undefined, emptyValues())
  })

  app.post('/articles', async (request, reply) => {
    const user = requireUser(request)
    const { input, values, action, publishAt } = await readForm(request)
    try {
      const article = await createFromForm(ctx, user, input, action, publishAt)
      return seeOther(reply, `/admin/articles/${article.id}?done=${action}`)
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
      return renderForm(request, reply, user, undefined, values, error)
    }
  })

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/articles/:id',
    async (request, reply) => {
      const user = requireUser(request)
      const article = await mustFind(request.params.id)
      requirePermission(user, 'article.submit', subjectOf(article))
      const { timeZone } = await findSettings(deps.db)
      const notice = request.query.done ? doneMessage(request.query.done) : undefined
      return renderForm(
        request,
        reply,
        user,
        article,
        valuesOf(article, timeZone),
        undefined,
        notice,
      )
    },
  )

  app.post<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
    const user = requireUser(request)
    const article = await mustFind(request.params.id)
    const { input, values, action, publishAt } = await readForm(request)
    const version = Number(field(request, 'version')) || article.version
    const { timeZone } = await findSettings(deps.db)
    const changed = isChanged(valuesOf(article, timeZone), values)
    try {
      await updateFromForm(ctx, user, article, { input, version, changed }, action, publishAt)
      return seeOther(reply, `/admin/articles/${article.id}?done=${action}`)
    } catch (error) {
      if (!(error instanceof AppError) || !FORM_ERRORS.has(error.code)) throw error
      const fresh = (await findNewsroomArticle(deps, article.id)) ?? article
      return renderForm(request, reply, user, fresh, values, error)
    }
  })

  async function mustFind(id: string): Promise<Article> {
    const article = /^\d+$/.test(id) ? await findNewsroomArticle(deps, Number(id)) : undefined
    if (!article) throw new AppError('ARTICLE_NOT_FOUND', 'There is no such article.')
    return article
  }

  async function readForm(request: FastifyRequest) {
    const values: ArticleFormValues = {
      title: field(request, 'title'),
      standfirst: field(request, 'standfirst'),
      bodyHtml: field(request, 'bodyHtml'),
      sectionId: field(request, 'sectionId'),
      tags: field(request, 'tags'),
      publishAt: field(request, 'publishAt'),
    }
    const wanted = field(request, 'action') as ArticleAction
    const action = ARTICLE_ACTIONS.includes(wanted) ? wanted : 'save'
    const input: ArticleInput = {
      title: values.title,
      standfirst: values.standfirst,
      bodyHtml: values.bodyHtml,
      primaryCategoryId: /^\d+$/.test(values.sectionId) ? Number(values.sectionId) : null,
      tags: values.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    }
    const { timeZone } = await findSettings(deps.db)
    const publishAt = values.publishAt ? zonedInputToDate(values.publishAt, timeZone) : undefined
    return { input, values, action, publishAt }
  }

  async function renderForm(
    request: FastifyRequest,
    reply: Parameters<typeof sendPage>[0],
    user: User,
    article: Article | undefined,
    values: ArticleFormValues,
    error?: AppError,
    notice?: string,
  ) {
    const [sections, settings] = await Promise.all([listCategories(deps.db), findSettings(deps.db)])
    const page = h(ArticleFormPage, {
      user,
      csrf: formToken(request, reply),
      article,
      values,
      sections,
      buttons: buttonsFor(user, article),
      timeZone: settings.timeZone,
      error: error?.message,
      notice,
    })
    return sendPage(reply, page, error ? statusOf(error) : 200)
  }
}

function emptyValues(): ArticleFormValues {
  return { title: '', standfirst: '', bodyHtml: '', sectionId: '', tags: '', publishAt: '' }
}

function valuesOf(article: Article, timeZone: string): ArticleFormValues {
  return {
    title: article.title,
    standfirst: article.standfirst,
    bodyHtml: article.bodyHtml,
    sectionId: article.category ? String(article.category.id) : '',
    tags: article.tags.map((t) => t.name).join(', '),
    publishAt:
      article.status === 'scheduled' && article.publishedAt
        ? dateToZonedInput(article.publishedAt, timeZone)
        : '',
  }
}

function isChanged(before: ArticleFormValues, after: ArticleFormValues): boolean {
  const keys = ['title', 'standfirst', 'bodyHtml', 'sectionId', 'tags'] as const
  return keys.some((k) => before[k].trim() !== after[k].trim())
}

function doneMessage(action: string): string | undefined {
  const messages: Record<string, string> = {
    save: 'Saved.',
    submit: 'Submitted for review.',
    publish: 'Published.',
    schedule: 'Scheduled.',
    unpublish: 'Unpublished: it is a draft again.',
    archive: 'Archived.',
  }
  return messages[action]
}

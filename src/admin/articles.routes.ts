/** The article list and the article form (the editor bundle enhances the same form). */
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { can, listUsers, userActor, type User } from '../auth/index.js'
import {
  applyToArticles,
  articlePath,
  createArticle,
  NEWSROOM_SORTS,
  type BulkAction,
  type NewsroomFilter,
  type NewsroomSort,
  findNewsroomArticle,
  listArticleCorrections,
  listCategories,
  saveArticle,
  subjectOf,
  type Article,
  type ArticleStatus,
} from '../content/index.js'
import { AppError } from '../errors.js'
import { assertForm, formRoute, IdParams, pageRoute, repeated, text } from '../http/form-schema.js'
import { findNewsroomStories } from '../search/index.js'
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
import { ArticlesPage, STATUSES, type ArticleListParams } from './views/articles.js'
import { siteFormats } from './locale-format.js'
import { zonedInputToDate } from './zoned-time.js'

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

  const ListQuery = Type.Object(
    Object.fromEntries(
      [...LIST_PARAMS, 'done', 'skipped'].map((key) => [key, Type.Optional(text(200))]),
    ),
  )
  app.get<{ Querystring: Partial<ArticleListParams> }>(
    '/articles',
    pageRoute({ querystring: ListQuery }),
    async (request, reply) => {
      const user = requireUser(request)
      const result = await listPage(request.query, user)
      const done = request.query as { done?: string; skipped?: string }
      return sendPage(
        reply,
        h(ArticlesPage, {
          ...result,
          user,
          csrf: formToken(request, reply),
          notice: bulkNotice(done.done, done.skipped),
        }),
      )
    },
  )

  const BulkBody = Type.Object({
    ids: Type.Optional(repeated(text(12))),
    action: text(20),
    section: Type.Optional(text(12)),
    tag: Type.Optional(text(100)),
    back: Type.Optional(text(2000)),
    _csrf: Type.Optional(text(200)),
  })
  app.post<{ Body: Static<typeof BulkBody> }>(
    '/articles/bulk',
    formRoute({ body: BulkBody }),
    async (request, reply) => {
      const user = requireUser(request)
      const body = request.body
      const back = new URLSearchParams((body.back ?? '').replace(/^\?/, ''))
      try {
        assertForm(request)
        const ids = [body.ids ?? []].flat().map(Number).filter(Number.isInteger)
        const done = await applyToArticles(deps, userActor(user), ids, bulkActionOf(body))
        back.set('done', `${body.action}:${done.done.length}`)
        if (done.skipped.length > 0) back.set('skipped', String(done.skipped.length))
        return seeOther(reply, `/admin/articles?${back.toString()}`)
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
        const params = Object.fromEntries(back) as Partial<ArticleListParams>
        const result = await listPage(params, user)
        const csrf = formToken(request, reply)
        const page = h(ArticlesPage, { ...result, user, csrf, error: error.message })
        return sendPage(reply, page, statusOf(error))
      }
    },
  )

  app.get<{ Params: { id: string } }>(
    '/articles/:id/view',
    pageRoute({ params: IdParams }),
    async (request, reply) => {
      requireUser(request)
      const article = await mustFind(request.params.id)
      if (article.status !== 'published')
        return seeOther(reply, `/admin/articles/${article.id}/preview`)
      return seeOther(reply, articlePath(article))
    },
  )

  async function listPage(query: Partial<ArticleListParams>, user: User) {
    const own = ownOnly(user)
    const settings = await findSettings(deps)
    const params = listParamsOf(query)
    const filter = filterOf(params, settings.timeZone)
    const [result, sections, users] = await Promise.all([
      findNewsroomStories(deps, {
        ...filter,
        ...(own || params.mine === '1' ? { authorId: user.id } : {}),
      }),
      listCategories(deps),
      listUsers(deps),
    ])
    return {
      result,
      params,
      sections,
      people: users.map((u) => ({ id: u.id, name: u.name })),
      ownOnly: own,
      formats: siteFormats(settings),
    }
  }

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
      const settings = await findSettings(deps)
      const { timeZone } = settings
      const notice = request.query.done
        ? (scheduledMessage(request.query.done, article, siteFormats(settings)) ??
          doneMessage(request.query.done))
        : undefined
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

/** Every filter the list keeps in its URL. */
const LIST_PARAMS = [
  'q',
  'status',
  'section',
  'author',
  'tag',
  'from',
  'to',
  'mine',
  'sort',
  'page',
] as const

function listParamsOf(query: Partial<ArticleListParams>): ArticleListParams {
  const params = Object.fromEntries(
    LIST_PARAMS.map((key) => [key, (query[key] ?? '').trim()]),
  ) as unknown as ArticleListParams
  if (!STATUSES.includes(params.status as ArticleStatus)) params.status = ''
  if (!NEWSROOM_SORTS.includes(params.sort as NewsroomSort)) params.sort = ''
  for (const key of ['section', 'author', 'page'] as const)
    if (!/^\d{1,9}$/.test(params[key])) params[key] = ''
  for (const key of ['from', 'to'] as const)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(params[key])) params[key] = ''
  return params
}

/** The URL's filters as the read model takes them; dates are whole days in the site's zone. */
function filterOf(params: ArticleListParams, timeZone: string): NewsroomFilter {
  const day = (value: string, time: string) => {
    const date = zonedInputToDate(`${value}T${time}`, timeZone).getTime()
    return Number.isNaN(date) ? undefined : date
  }
  const to = params.to ? day(params.to, '23:59') : undefined
  return {
    q: params.q || undefined,
    status: (params.status || undefined) as ArticleStatus | undefined,
    categoryId: params.section ? Number(params.section) : undefined,
    byAuthorId: params.author ? Number(params.author) : undefined,
    tag: params.tag || undefined,
    from: params.from ? day(params.from, '00:00') : undefined,
    to: to === undefined ? undefined : to + 59_999,
    sort: (params.sort || undefined) as NewsroomSort | undefined,
    page: params.page ? Number(params.page) : 1,
  }
}

function bulkActionOf(body: { action: string; section?: string; tag?: string }): BulkAction {
  switch (body.action) {
    case 'publish':
    case 'unpublish':
    case 'archive':
    case 'delete':
      return { kind: body.action }
    case 'move':
      if (!/^\d{1,9}$/.test(body.section ?? ''))
        throw new AppError('VALIDATION_FAILED', 'Choose the section to move the stories to.', {
          property: 'section',
        })
      return { kind: 'move', categoryId: Number(body.section) }
    case 'tag':
      if (!body.tag?.trim())
        throw new AppError('VALIDATION_FAILED', 'Type the tag to add.', { property: 'tag' })
      return { kind: 'tag', tag: body.tag.trim() }
    default:
      throw new AppError('VALIDATION_FAILED', 'Choose an action for the selected stories.', {
        property: 'action',
      })
  }
}

const BULK_DONE: Record<string, string> = {
  publish: 'published',
  unpublish: 'moved back to drafts',
  archive: 'archived',
  delete: 'deleted',
  move: 'moved',
  tag: 'tagged',
}

function bulkNotice(done: string | undefined, skipped: string | undefined): string | undefined {
  const [action, count] = (done ?? '').split(':')
  const verb = BULK_DONE[action ?? '']
  if (!verb || !/^\d+$/.test(count ?? '')) return undefined
  const n = Number(count)
  const left = /^\d+$/.test(skipped ?? '') ? Number(skipped) : 0
  const main = `${n} ${n === 1 ? 'story' : 'stories'} ${verb}.`
  return left > 0
    ? `${main} ${left} could not be changed (your role or the story's status does not allow it).`
    : main
}

/** After Schedule: the moment spelt out, in the site's zone ("Monday 8 June 2026 at 09:30 BST"). */
function scheduledMessage(
  action: string,
  article: Article,
  formats: ReturnType<typeof siteFormats>,
): string | undefined {
  if (action !== 'schedule' || article.status !== 'scheduled' || !article.publishedAt)
    return undefined
  const zone = formats.timeZone.replace(/_/g, ' ')
  return `Scheduled: it goes live on ${formats.longDateTime(article.publishedAt)} (${zone} time).`
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

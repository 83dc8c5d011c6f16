/**
 * What the rich editor talks to: JSON autosave (version-checked, never a silent overwrite),
 * tag and media suggestions, and the article's preview link, corrections and revisions.
 */
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { h } from 'preact'
import { can, listUsers } from '../auth/index.js'
import {
  addCorrection,
  createArticle,
  findArticleRevision,
  findNewsroomArticle,
  htmlToText,
  listRevisions,
  previewTokenFor,
  restoreRevision,
  saveArticle,
  searchTags,
  subjectOf,
  type Article,
} from '../content/index.js'
import { AppError } from '../errors.js'
import { describeError } from '../http/error-handler.js'
import { assertForm, formRoute, IdParams, idText, pageRoute, text } from '../http/form-schema.js'
import { searchMedia } from '../media/index.js'
import { findSettings } from '../settings/index.js'
import { diffWords } from '../text/word-diff.js'
import {
  actorOf,
  field,
  formToken,
  requirePermission,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import {
  ArticleFormBody,
  isChanged,
  readFormValues,
  toArticleInput,
  valuesOf,
} from './article-form.js'
import { RevisionDiffPage, RevisionsPage } from './views/revisions.js'

/** What an autosave answers. */
const SavedState = Type.Object({
  ok: Type.Boolean(),
  version: Type.Integer(),
  status: Type.String(),
  slug: Type.String(),
  savedAt: Type.String({ format: 'date-time' }),
  wordCount: Type.Integer(),
  readingMinutes: Type.Integer(),
  unchanged: Type.Optional(Type.Boolean()),
  id: Type.Optional(Type.Integer()),
  url: Type.Optional(Type.String()),
})
const ErrorsBody = Type.Object({
  errors: Type.Array(
    Type.Object({
      code: Type.String(),
      message: Type.String(),
      property: Type.Optional(Type.String()),
    }),
  ),
})
const AUTOSAVE_RESPONSES = { 200: SavedState, '4xx': ErrorsBody }
const RevisionParams = Type.Object({
  id: idText(),
  revisionId: idText(),
})

export const editorRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  // A new article's first autosave creates the draft; the editor then continues on its page.
  app.post(
    '/articles/autosave',
    { schema: { body: ArticleFormBody, response: AUTOSAVE_RESPONSES }, attachValidation: true },
    async (request, reply) => {
      const user = requireUser(request)
      return json(reply, async () => {
        assertForm(request)
        const values = readFormValues(request)
        const article = await createArticle(deps, actorOf(request), toArticleInput(values, user.id))
        return { ...savedState(article), id: article.id, url: `/admin/articles/${article.id}` }
      })
    },
  )

  app.post<{ Params: { id: string } }>(
    '/articles/:id/autosave',
    {
      schema: { params: IdParams, body: ArticleFormBody, response: AUTOSAVE_RESPONSES },
      attachValidation: true,
    },
    async (request, reply) => {
      const user = requireUser(request)
      const article = await mustFind(request.params.id)
      return json(reply, async () => {
        assertForm(request)
        const values = readFormValues(request)
        const version = Number(field(request, 'version'))
        if (!Number.isInteger(version) || version < 1)
          throw new AppError('VALIDATION_FAILED', 'version is required', { property: 'version' })
        const { timeZone } = await findSettings(deps)
        const unchanged = !isChanged(valuesOf(article, timeZone), values)
        if (version === article.version && unchanged) {
          requirePermission(user, 'article.write', subjectOf(article))
          return { ...savedState(article), unchanged: true }
        }
        const saved = await saveArticle(deps, actorOf(request), article.id, {
          input: toArticleInput(values, article.author?.id ?? user.id),
          expectedVersion: version,
          autosave: true,
        })
        return savedState(saved)
      })
    },
  )

  app.get<{ Querystring: { q?: string } }>(
    '/api/tags',
    {
      schema: {
        querystring: Type.Object({ q: Type.Optional(text(100)) }),
        response: {
          200: Type.Object({
            tags: Type.Array(Type.Object({ name: Type.String(), slug: Type.String() })),
          }),
        },
      },
    },
    async (request, reply) => {
      requireUser(request)
      const tags = await searchTags(deps, String(request.query.q ?? ''), 10)
      return reply.send({ tags: tags.map((t) => ({ name: t.name, slug: t.slug })) })
    },
  )

  app.get<{ Querystring: { q?: string; type?: string } }>(
    '/api/media',
    {
      schema: {
        querystring: Type.Object({ q: Type.Optional(text(200)), type: Type.Optional(text(50)) }),
      },
    },
    async (request, reply) => {
      requireUser(request)
      const type = request.query.type && /^[a-z]+\/?[a-z0-9.+-]*$/.test(request.query.type)
      const result = await searchMedia(deps, {
        search: String(request.query.q ?? ''),
        type: type ? request.query.type : 'image/',
        perPage: 48,
      })
      return reply.send({
        total: result.total,
        items: result.items.map((m) => ({
          id: m.id,
          url: m.url,
          width: m.width,
          height: m.height,
          alt: m.alt,
          caption: m.caption,
          credit: m.credit,
        })),
      })
    },
  )

  // A GET that may write (the token, on first use): the link is made for whoever may see it.
  app.get<{ Params: { id: string } }>(
    '/articles/:id/preview',
    { schema: { params: IdParams } },
    async (request, reply) => {
      const token = await previewTokenFor(deps, actorOf(request), Number(request.params.id))
      return seeOther(reply, `/preview/${token}`)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/articles/:id/corrections',
    formRoute({
      params: IdParams,
      body: Type.Object({ body: text(5_000), _csrf: Type.Optional(text(200)) }),
    }),
    async (request, reply) => {
      assertForm(request)
      const id = Number(request.params.id)
      await addCorrection(deps, actorOf(request), { articleId: id, body: field(request, 'body') })
      return seeOther(reply, `/admin/articles/${id}?done=correction`)
    },
  )

  app.get<{ Params: { id: string } }>(
    '/articles/:id/revisions',
    pageRoute({ params: IdParams }),
    async (request, reply) => {
      const user = requireUser(request)
      const article = await mustFind(request.params.id)
      requirePermission(user, 'article.submit', subjectOf(article))
      const [revisions, users] = await Promise.all([
        listRevisions(deps, article.id),
        listUsers(deps),
      ])
      const names = new Map(users.map((u) => [u.id, u.name]))
      return sendPage(
        reply,
        h(RevisionsPage, {
          user,
          csrf: formToken(request, reply),
          article,
          revisions: revisions.map((r) => ({ ...r, by: names.get(r.authorId ?? -1) ?? '—' })),
          canRestore: can(user, 'article.write', subjectOf(article)),
        }),
      )
    },
  )

  app.get<{ Params: { id: string; revisionId: string } }>(
    '/articles/:id/revisions/:revisionId',
    pageRoute({ params: RevisionParams }),
    async (request, reply) => {
      const user = requireUser(request)
      const article = await mustFind(request.params.id)
      requirePermission(user, 'article.submit', subjectOf(article))
      const revision = await findArticleRevision(
        deps,
        article.id,
        Number(request.params.revisionId),
      )
      if (!revision) throw new AppError('NOT_FOUND', 'There is no such revision.')
      return sendPage(
        reply,
        h(RevisionDiffPage, {
          user,
          csrf: formToken(request, reply),
          article,
          revision,
          title: diffWords(revision.title, article.title),
          standfirst: diffWords(revision.standfirst, article.standfirst),
          body: diffWords(htmlToText(revision.bodyHtml), htmlToText(article.bodyHtml)),
          canRestore: can(user, 'article.write', subjectOf(article)),
        }),
      )
    },
  )

  app.post<{ Params: { id: string; revisionId: string } }>(
    '/articles/:id/revisions/:revisionId/restore',
    formRoute({
      params: RevisionParams,
      body: Type.Object({ version: Type.Optional(text(12)), _csrf: Type.Optional(text(200)) }),
    }),
    async (request, reply) => {
      assertForm(request)
      const id = Number(request.params.id)
      const version = Number(field(request, 'version'))
      await restoreRevision(deps, actorOf(request), {
        articleId: id,
        revisionId: Number(request.params.revisionId),
        ...(version > 0 ? { expectedVersion: version } : {}),
      })
      return seeOther(reply, `/admin/articles/${id}?done=restored`)
    },
  )

  async function mustFind(id: string): Promise<Article> {
    const article = /^\d+$/.test(id) ? await findNewsroomArticle(deps, Number(id)) : undefined
    if (!article) throw new AppError('ARTICLE_NOT_FOUND', 'There is no such article.')
    return article
  }
}

function savedState(article: Article) {
  return {
    ok: true,
    version: article.version,
    status: article.status,
    slug: article.slug,
    savedAt: article.updatedAt.toISOString(),
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
  }
}

/** Run a JSON handler: domain errors answer `{errors:[…]}` with their status (409 on conflict). */
async function json(reply: FastifyReply, run: () => Promise<object>): Promise<FastifyReply> {
  try {
    return reply.send(await run())
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    const { status, body } = describeError(error)
    return reply.code(status).send(body)
  }
}

/**
 * What the rich editor talks to: JSON autosave (version-checked, never a silent overwrite),
 * tag and media suggestions, and the article's preview link, corrections and revisions.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { h } from 'preact'
import { can, listUsers, recordAudit } from '../auth/index.js'
import {
  addCorrection,
  createArticle,
  findArticleRevision,
  findNewsroomArticle,
  htmlToText,
  listRevisions,
  previewTokenFor,
  restoreRevision,
  searchTags,
  updateArticle,
  type Article,
} from '../content/index.js'
import { AppError } from '../errors.js'
import { describeError } from '../http/error-handler.js'
import { searchMedia, type MediaStorage } from '../media/index.js'
import { findSettings } from '../settings/index.js'
import { diffWords } from '../text/word-diff.js'
import {
  field,
  formToken,
  requirePermission,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { subjectOf } from './article-actions.js'
import { isChanged, readFormValues, toArticleInput, valuesOf } from './article-form.js'
import { RevisionDiffPage, RevisionsPage } from './views/revisions.js'

export const editorRoutes: FastifyPluginAsync<AdminContext & { storage: MediaStorage }> = async (
  app,
  ctx,
) => {
  const { deps } = ctx

  // A new article's first autosave creates the draft; the editor then continues on its page.
  app.post('/articles/autosave', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'article.write')
    return json(reply, async () => {
      const values = readFormValues(request)
      const article = await createArticle(deps, user.id, toArticleInput(values, user.id))
      return { ...savedState(article), id: article.id, url: `/admin/articles/${article.id}` }
    })
  })

  app.post<{ Params: { id: string } }>('/articles/:id/autosave', async (request, reply) => {
    const user = requireUser(request)
    const article = await mustFind(request.params.id)
    requirePermission(user, 'article.write', subjectOf(article))
    return json(reply, async () => {
      // A live article changes for readers only when someone presses Update.
      if (article.status === 'published' || article.status === 'scheduled')
        throw new AppError('INVALID_TRANSITION', 'live articles are saved with Update')
      const values = readFormValues(request)
      const version = Number(field(request, 'version'))
      if (!Number.isInteger(version) || version < 1)
        throw new AppError('VALIDATION_FAILED', 'version is required', { property: 'version' })
      const { timeZone } = await findSettings(deps.db)
      if (version === article.version && !isChanged(valuesOf(article, timeZone), values))
        return { ...savedState(article), unchanged: true }
      const saved = await updateArticle(
        deps,
        article.id,
        toArticleInput(values, article.author?.id ?? user.id),
        { expectedVersion: version, editorId: user.id },
      )
      return savedState(saved)
    })
  })

  app.get<{ Querystring: { q?: string } }>('/api/tags', async (request, reply) => {
    requireUser(request)
    const tags = await searchTags(deps.db, String(request.query.q ?? ''), 10)
    return reply.send({ tags: tags.map((t) => ({ name: t.name, slug: t.slug })) })
  })

  app.get<{ Querystring: { q?: string; type?: string } }>('/api/media', async (request, reply) => {
    requireUser(request)
    const type = request.query.type && /^[a-z]+\/?[a-z0-9.+-]*$/.test(request.query.type)
    const result = await searchMedia(
      { ...deps, storage: ctx.storage },
      {
        search: String(request.query.q ?? ''),
        type: type ? request.query.type : 'image/',
        perPage: 48,
      },
    )
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
  })

  app.get<{ Params: { id: string } }>('/articles/:id/preview', async (request, reply) => {
    const user = requireUser(request)
    const article = await mustFind(request.params.id)
    requirePermission(user, 'article.submit', subjectOf(article))
    const token = await previewTokenFor(deps, article.id)
    return seeOther(reply, `/preview/${token}`)
  })

  app.post<{ Params: { id: string } }>('/articles/:id/corrections', async (request, reply) => {
    const user = requireUser(request)
    const article = await mustFind(request.params.id)
    requirePermission(user, 'article.publish', subjectOf(article))
    await addCorrection(deps, {
      articleId: article.id,
      body: field(request, 'body'),
      userId: user.id,
    })
    await recordAudit(deps, {
      userId: user.id,
      action: 'article.correct',
      subjectType: 'article',
      subjectId: article.id,
    })
    return seeOther(reply, `/admin/articles/${article.id}?done=correction`)
  })

  app.get<{ Params: { id: string } }>('/articles/:id/revisions', async (request, reply) => {
    const user = requireUser(request)
    const article = await mustFind(request.params.id)
    requirePermission(user, 'article.submit', subjectOf(article))
    const [revisions, users] = await Promise.all([
      listRevisions(deps.db, article.id),
      listUsers(deps.db),
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
  })

  app.get<{ Params: { id: string; revisionId: string } }>(
    '/articles/:id/revisions/:revisionId',
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
    async (request, reply) => {
      const user = requireUser(request)
      const article = await mustFind(request.params.id)
      requirePermission(user, 'article.write', subjectOf(article))
      await restoreRevision(deps, {
        articleId: article.id,
        revisionId: Number(request.params.revisionId),
        expectedVersion: Number(field(request, 'version')) || article.version,
        editorId: user.id,
      })
      await recordAudit(deps, {
        userId: user.id,
        action: 'article.restore',
        subjectType: 'article',
        subjectId: article.id,
        details: { revisionId: Number(request.params.revisionId) },
      })
      return seeOther(reply, `/admin/articles/${article.id}?done=restored`)
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

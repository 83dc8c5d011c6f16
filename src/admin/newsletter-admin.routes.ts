/**
 * The newsletter desk: send history with recipients, sent and failed counts, "Send digest now"
 * and "Send this article now". Sends are queued batches; the job runner delivers them.
 * Owners, administrators and editors only (see reader-desk.ts).
 */
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { listNewestArticles } from '../content/index.js'
import { AppError } from '../errors.js'
import { assertForm, formRoute, isId, pageRoute, text } from '../http/form-schema.js'
import { listSends, sendArticleNow, sendDigest } from '../newsletter/index.js'
import {
  actorOf,
  field,
  formToken,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { requireReaderDesk } from './reader-desk.js'
import { NewsletterPage } from './views/newsletter.js'

const DIGESTS = ['daily', 'weekly'] as const

export const newsletterAdminRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/newsletter',
    pageRoute({
      querystring: Type.Object({
        queued: Type.Optional(text(10)),
        nothing: Type.Optional(text(10)),
      }),
    }),
    async (request, reply) => {
      const user = requireUser(request)
      requireReaderDesk(user)
      const [sends, latest] = await Promise.all([listSends(deps), listNewestArticles(deps, 30)])
      const view = h(NewsletterPage, {
        user,
        csrf: formToken(request, reply),
        sends,
        articles: latest,
        notice: request.query.queued
          ? 'The send is queued; batches go out over the next minutes.'
          : request.query.nothing
            ? 'Nothing was published in that period, so no digest was sent.'
            : undefined,
      })
      return sendPage(reply, view)
    },
  )

  const CSRF = { _csrf: Type.Optional(text(200)) }

  app.post(
    '/newsletter/digest',
    formRoute({ body: Type.Object({ kind: Type.Optional(text(10)), ...CSRF }) }),
    async (request, reply) => {
      assertForm(request)
      const kind = DIGESTS.find((k) => k === (field(request, 'kind') || 'daily'))
      if (!kind)
        throw new AppError('VALIDATION_FAILED', 'kind must be daily or weekly', {
          property: 'kind',
        })
      const sendId = await sendDigest(deps, actorOf(request), kind)
      if (sendId === undefined) return seeOther(reply, '/admin/newsletter?nothing=1')
      return seeOther(reply, '/admin/newsletter?queued=1')
    },
  )

  app.post(
    '/newsletter/article',
    formRoute({ body: Type.Object({ articleId: text(20), ...CSRF }) }),
    async (request, reply) => {
      assertForm(request)
      const raw = field(request, 'articleId').trim()
      if (!isId(raw))
        throw new AppError('VALIDATION_FAILED', 'Pick a published article to send.', {
          property: 'articleId',
        })
      await sendArticleNow(deps, actorOf(request), Number(raw))
      return seeOther(reply, '/admin/newsletter?queued=1')
    },
  )
}

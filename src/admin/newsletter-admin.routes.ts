/**
 * The newsletter desk: send history with recipients, sent and failed counts, "Send digest now"
 * and "Send this article now". Sends are queued batches; the job runner delivers them.
 * Owners, administrators and editors only (see reader-desk.ts).
 */
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { recordAudit } from '../auth/index.js'
import { listNewestArticles } from '../content/index.js'
import { AppError } from '../errors.js'
import { listSends, sendArticleNow, sendDigest } from '../newsletter/index.js'
import { findSettings } from '../settings/index.js'
import {
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
  const sendDeps = async () => ({
    db: deps.db,
    clock: deps.clock,
    dialect: ctx.config.database.dialect,
    settings: await findSettings(deps.db),
  })

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/newsletter',
    async (request, reply) => {
      const user = requireUser(request)
      requireReaderDesk(user)
      const [sends, latest] = await Promise.all([listSends(deps.db), listNewestArticles(deps, 30)])
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

  app.post('/newsletter/digest', async (request, reply) => {
    const user = requireUser(request)
    requireReaderDesk(user)
    const kind = DIGESTS.find((k) => k === (field(request, 'kind') || 'daily'))
    if (!kind)
      throw new AppError('VALIDATION_FAILED', 'kind must be daily or weekly', { property: 'kind' })
    const sendId = await sendDigest(await sendDeps(), kind)
    if (sendId === undefined) return seeOther(reply, '/admin/newsletter?nothing=1')
    await recordAudit(deps, {
      userId: user.id,
      action: 'newsletter.send',
      subjectType: 'newsletter',
      subjectId: sendId,
      details: { kind },
    })
    return seeOther(reply, '/admin/newsletter?queued=1')
  })

  app.post('/newsletter/article', async (request, reply) => {
    const user = requireUser(request)
    requireReaderDesk(user)
    const raw = field(request, 'articleId').trim()
    if (!/^\d{1,12}$/.test(raw))
      throw new AppError('VALIDATION_FAILED', 'Pick a published article to send.', {
        property: 'articleId',
      })
    const articleId = Number(raw)
    const sendId = await sendArticleNow(await sendDeps(), articleId)
    await recordAudit(deps, {
      userId: user.id,
      action: 'newsletter.send',
      subjectType: 'newsletter',
      subjectId: sendId,
      details: { kind: 'article', articleId },
    })
    return seeOther(reply, '/admin/newsletter?queued=1')
  })
}

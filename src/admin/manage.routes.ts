/**
 * Administration: users and invitations, the outbox, and minimal server-enforced endpoints for
 * sections, settings, ad slots, media upload and comment moderation (their screens come later;
 * the role rules already hold).
 */
import path from 'node:path'
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { inviteUser, listUsers, recordAudit, type Role } from '../auth/index.js'
import { findCommentArticleId, moderateComments, type CommentStatus } from '../comments/index.js'
import { createCategory, findNewsroomArticle } from '../content/index.js'
import { AppError } from '../errors.js'
import { listOutbox, readOutboxMessage } from '../mail/index.js'
import { findSettings, upsertSetting } from '../settings/index.js'
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
import { subjectOf } from './article-actions.js'
import { commentMailDeps } from './comment-mail-context.js'
import { OutboxMessagePage, OutboxPage, UsersPage } from './views/people.js'

const INVITE_ERRORS = new Set(['VALIDATION_FAILED', 'EMAIL_TAKEN'])
const MODERATION: CommentStatus[] = ['approved', 'pending', 'spam', 'trash']

export const manageRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx
  const outboxDir = path.join(ctx.config.dataDir, 'outbox')

  app.get('/users', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'users.manage')
    const notice = (request.query as Record<string, string>).invited
      ? 'Invitation sent.'
      : undefined
    const users = await listUsers(deps.db)
    return sendPage(reply, h(UsersPage, { user, csrf: formToken(request, reply), users, notice }))
  })

  app.post('/users', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'users.manage')
    const { title } = await findSettings(deps.db)
    try {
      await inviteUser(
        { ...deps, mailer: ctx.mailer },
        {
          email: field(request, 'email'),
          name: field(request, 'name'),
          role: field(request, 'role') as Role,
          invitedBy: user,
          siteTitle: title,
          linkFor: (token) => `${ctx.config.publicUrl}/admin/reset/${token}`,
        },
      )
      return seeOther(reply, '/admin/users?invited=1')
    } catch (error) {
      if (!(error instanceof AppError) || !INVITE_ERRORS.has(error.code)) throw error
      const users = await listUsers(deps.db)
      const csrf = formToken(request, reply)
      const page = h(UsersPage, { user, csrf, users, error: error.message })
      return sendPage(reply, page, statusOf(error))
    }
  })

  app.get('/outbox', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'outbox.view')
    const entries = await listOutbox(outboxDir)
    return sendPage(reply, h(OutboxPage, { user, csrf: formToken(request, reply), entries }))
  })

  app.get<{ Params: { name: string } }>('/outbox/:name', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'outbox.view')
    const message = await readOutboxMessage(outboxDir, request.params.name)
    if (!message) throw new AppError('NOT_FOUND', 'There is no such message in the outbox.')
    return sendPage(reply, h(OutboxMessagePage, { user, csrf: formToken(request, reply), message }))
  })

  app.post('/sections', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'taxonomy.manage')
    const section = await createCategory(deps, {
      name: field(request, 'name'),
      description: field(request, 'description'),
      ...(field(request, 'parentSlug') ? { parentSlug: field(request, 'parentSlug') } : {}),
    })
    deps.events?.emit({ type: 'taxonomy.changed', kind: 'section', slugs: [section.slug] })
    await recordAudit(deps, {
      userId: user.id,
      action: 'section.create',
      subjectType: 'section',
      subjectId: section.id,
      details: { slug: section.slug },
    })
    return seeOther(reply, '/admin/sections?done=1')
  })

  app.post('/settings', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'settings.manage')
    const now = deps.clock.now().getTime()
    const keys: ('title' | 'tagline')[] = []
    for (const key of ['title', 'tagline'] as const) {
      const value = field(request, key).trim()
      if (!value) continue
      if (value.length > 200)
        throw new AppError('VALIDATION_FAILED', `${key} must be at most 200 characters`)
      await upsertSetting(deps.db, key, value, now)
      keys.push(key)
    }
    deps.events?.emit({ type: 'settings.changed', keys })
    await recordAudit(deps, {
      userId: user.id,
      action: 'settings.update',
      subjectType: 'settings',
      details: { keys },
    })
    return seeOther(reply, '/admin/')
  })

  app.post('/ad-slots', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'adSlots.manage')
    const slot = field(request, 'slot').trim()
    if (!/^[a-z0-9-]{1,50}$/.test(slot))
      throw new AppError('VALIDATION_FAILED', 'slot must be a short lowercase name', {
        property: 'slot',
      })
    const { adSlots } = await findSettings(deps.db)
    const next = { ...adSlots, [slot]: { html: field(request, 'html') } }
    await upsertSetting(deps.db, 'adSlots', next, deps.clock.now().getTime())
    deps.events?.emit({ type: 'settings.changed', keys: ['adSlots'] })
    await recordAudit(deps, {
      userId: user.id,
      action: 'settings.update',
      subjectType: 'settings',
      details: { keys: ['adSlots'], slot },
    })
    return seeOther(reply, '/admin/')
  })

  app.post<{ Params: { id: string } }>('/comments/:id/moderate', async (request, reply) => {
    const user = requireUser(request)
    const commentId = Number(request.params.id)
    if (!Number.isInteger(commentId)) throw new AppError('NOT_FOUND', 'There is no such comment.')
    const articleId = await findCommentArticleId(deps, commentId)
    const article = await findNewsroomArticle(deps, articleId)
    if (!article) throw new AppError('NOT_FOUND', 'There is no such comment.')
    requirePermission(user, 'comments.moderate', subjectOf(article))
    const status = field(request, 'status') as CommentStatus
    if (!MODERATION.includes(status))
      throw new AppError('VALIDATION_FAILED', `status must be one of ${MODERATION.join(', ')}`)
    // The same path as the queue's, so an approved reply mails its opt-in notice here too.
    await moderateComments(
      { ...deps, mail: await commentMailDeps(ctx) },
      { commentIds: [commentId], status },
    )
    await recordAudit(deps, {
      userId: user.id,
      action: 'comment.moderate',
      subjectType: 'comment',
      subjectId: commentId,
      details: { status, articleId },
    })
    return seeOther(reply, `/admin/articles/${articleId}`)
  })
}

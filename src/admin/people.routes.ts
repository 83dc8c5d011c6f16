/** People: the users list with invitations, and the development outbox. Administrators only. */
import path from 'node:path'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { inviteUser, listUsers, type Role } from '../auth/index.js'
import { AppError } from '../errors.js'
import { assertForm, formRoute, pageRoute, text } from '../http/form-schema.js'
import { listOutbox, readOutboxMessage } from '../mail/index.js'
import { findSettings } from '../settings/index.js'
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
import { statusOf } from './admin-errors.js'
import { OutboxMessagePage, OutboxPage, UsersPage } from './views/people.js'

const INVITE_ERRORS = new Set(['VALIDATION_FAILED', 'EMAIL_TAKEN'])

const InviteBody = Type.Object({
  email: text(320),
  name: text(200),
  role: text(20),
  _csrf: Type.Optional(text(200)),
})

export const peopleRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx
  const outboxDir = path.join(ctx.config.dataDir, 'outbox')

  app.get<{ Querystring: { invited?: string } }>(
    '/users',
    pageRoute({ querystring: Type.Object({ invited: Type.Optional(text(10)) }) }),
    async (request, reply) => {
      const user = requireUser(request)
      requirePermission(user, 'users.manage')
      const notice = request.query.invited ? 'Invitation sent.' : undefined
      const users = await listUsers(deps)
      return sendPage(reply, h(UsersPage, { user, csrf: formToken(request, reply), users, notice }))
    },
  )

  app.post('/users', formRoute({ body: InviteBody }), async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'users.manage')
    try {
      assertForm(request)
      const { title } = await findSettings(deps)
      await inviteUser(deps, actorOf(request), {
        email: field(request, 'email'),
        name: field(request, 'name'),
        role: field(request, 'role') as Role,
        siteTitle: title,
        linkFor: (token) => `${ctx.config.publicUrl}/admin/reset/${token}`,
      })
      return seeOther(reply, '/admin/users?invited=1')
    } catch (error) {
      if (!(error instanceof AppError) || !INVITE_ERRORS.has(error.code)) throw error
      const users = await listUsers(deps)
      const csrf = formToken(request, reply)
      const page = h(UsersPage, { user, csrf, users, error: error.message })
      return sendPage(reply, page, statusOf(error))
    }
  })

  app.get('/outbox', pageRoute(), async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'outbox.view')
    const entries = await listOutbox(outboxDir)
    return sendPage(reply, h(OutboxPage, { user, csrf: formToken(request, reply), entries }))
  })

  app.get<{ Params: { name: string } }>(
    '/outbox/:name',
    pageRoute({ params: Type.Object({ name: text(200) }) }),
    async (request, reply) => {
      const user = requireUser(request)
      requirePermission(user, 'outbox.view')
      const message = await readOutboxMessage(outboxDir, request.params.name)
      if (!message) throw new AppError('NOT_FOUND', 'There is no such message in the outbox.')
      return sendPage(
        reply,
        h(OutboxMessagePage, { user, csrf: formToken(request, reply), message }),
      )
    },
  )
}

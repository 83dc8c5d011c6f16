/** Messages readers sent through the contact form, newest first. Editors and above. */
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { pageRoute, text } from '../http/form-schema.js'
import { listContactMessages } from '../contact/index.js'
import { formToken, requireUser, sendPage, type AdminContext } from './admin-context.js'
import { pageParam, requireReaderDesk } from './reader-desk.js'
import { ContactMessagesPage } from './views/contact-messages.js'

const PER_PAGE = 50

export const contactAdminRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  app.get<{ Querystring: { page?: string } }>(
    '/contact',
    pageRoute({ querystring: Type.Object({ page: Type.Optional(text(12)) }) }),
    async (request, reply) => {
      const user = requireUser(request)
      requireReaderDesk(user)
      const page = pageParam(request.query.page)
      const messages = await listContactMessages(ctx.deps, {
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
      })
      const view = h(ContactMessagesPage, {
        user,
        csrf: formToken(request, reply),
        messages,
        page,
        more: messages.length === PER_PAGE,
      })
      return sendPage(reply, view)
    },
  )
}

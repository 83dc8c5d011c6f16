/** Messages readers sent through the contact form, newest first. Editors and above. */
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { pageRoute, text } from '../http/form-schema.js'
import { listContactMessages } from '../contact/index.js'
import { formToken, requireUser, sendPage, type AdminContext } from './admin-context.js'
import { pageParam, requireReaderDesk } from './reader-desk.js'
import { ContactMessagesPage } from './views/contact-messages.js'
import { pageCount } from './views/list-controls.js'

const PER_PAGE = 50

export const contactAdminRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  app.get<{ Querystring: { page?: string; q?: string } }>(
    '/contact',
    pageRoute({
      querystring: Type.Object({ page: Type.Optional(text(12)), q: Type.Optional(text(200)) }),
    }),
    async (request, reply) => {
      const user = requireUser(request)
      requireReaderDesk(user)
      const q = (request.query.q ?? '').trim()
      const wanted = pageParam(request.query.page)
      const read = (page: number) =>
        listContactMessages(ctx.deps, { q, limit: PER_PAGE, offset: (page - 1) * PER_PAGE })
      let list = await read(wanted)
      // Past the last page (a bookmark from a longer list): show the last page instead.
      const page = Math.min(wanted, pageCount(list.total, PER_PAGE))
      if (page !== wanted) list = await read(page)
      const view = h(ContactMessagesPage, {
        user,
        csrf: formToken(request, reply),
        messages: list.items,
        total: list.total,
        searchedNewest: list.searchedNewest,
        q,
        page,
        perPage: PER_PAGE,
      })
      return sendPage(reply, view)
    },
  )
}

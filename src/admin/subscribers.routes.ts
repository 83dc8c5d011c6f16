/**
 * Subscribers: the list with a status filter, search and pages; CSV import (a file or pasted
 * text), CSV export, and marking bounces, complaints and unsubscribes by hand. Reader data, so
 * owners, administrators and editors only (see reader-desk.ts).
 */
import fastifyMultipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import type { User } from '../auth/index.js'
import { AppError } from '../errors.js'
import { assertForm, formRoute, pageRoute, text } from '../http/form-schema.js'
import {
  exportSubscribersCsv,
  importSubscribers,
  listSubscribers,
  markSubscriber,
  type SubscriberStatus,
} from '../newsletter/index.js'
import {
  actorOf,
  field,
  formToken,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { pageParam, requireReaderDesk } from './reader-desk.js'
import { pageCount } from './views/list-controls.js'
import {
  MARKS,
  SUBSCRIBER_STATUSES,
  SubscribersPage,
  type ImportReport,
} from './views/subscribers.js'

const PER_PAGE = 50
const MAX_CSV_BYTES = 5 * 1024 * 1024

type Query = Record<string, string | undefined>

const ListQuery = Type.Object({
  status: Type.Optional(text(20)),
  q: Type.Optional(text(500)),
  page: Type.Optional(text(12)),
  marked: Type.Optional(text(320)),
  as: Type.Optional(text(20)),
})

export const subscribersRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 5 },
  })
  // Multipart fields arrive as {value}; the CSRF check (a preHandler) reads plain strings.
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = flattenCsvUpload(request.body)
  })

  app.get<{ Querystring: Query }>(
    '/subscribers',
    pageRoute({ querystring: ListQuery }),
    async (request, reply) => {
      const user = requireUser(request)
      requireReaderDesk(user)
      const marked = request.query.marked
      return renderList(request, reply, user, {
        notice: marked ? `${marked} is now marked ${request.query.as ?? ''}.` : undefined,
      })
    },
  )

  // A file (multipart) or pasted text (urlencoded): the CSV is checked by the use case.
  app.post(
    '/subscribers/import',
    { schema: { response: { 200: Type.String({ contentMediaType: 'text/html' }) } } },
    async (request, reply) => {
      const user = requireUser(request)
      const csv = field(request, 'file') || field(request, 'csv')
      const report = await importSubscribers(deps, actorOf(request), csv)
      return renderList(request, reply, user, { report })
    },
  )

  app.get('/subscribers/export.csv', async (request, reply) => {
    const csv = await exportSubscribersCsv(deps, actorOf(request))
    const day = deps.clock.now().toISOString().slice(0, 10)
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="subscribers-${day}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(csv)
  })

  app.post(
    '/subscribers/mark',
    formRoute({
      body: Type.Object({ email: text(320), status: text(20), _csrf: Type.Optional(text(200)) }),
    }),
    async (request, reply) => {
      assertForm(request)
      const email = field(request, 'email').trim()
      const status = MARKS.find((s) => s === field(request, 'status'))
      if (!status)
        throw new AppError('VALIDATION_FAILED', `status must be one of ${MARKS.join(', ')}`, {
          property: 'status',
        })
      await markSubscriber(deps, actorOf(request), { email, status })
      const to = new URLSearchParams({ marked: email, as: status })
      return seeOther(reply, `/admin/subscribers?${to.toString()}`)
    },
  )

  async function renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    extra: { notice?: string | undefined; report?: ImportReport },
  ) {
    const query = request.query as Query
    const status = statusParam(query.status)
    const search = String(query.q ?? '').slice(0, 254)
    const wanted = pageParam(query.page)
    const filter = { status, search: search.trim() || undefined }
    let list = await listSubscribers(deps, {
      ...filter,
      limit: PER_PAGE,
      offset: (wanted - 1) * PER_PAGE,
    })
    // Past the last page (a bookmark from a longer list): show the last page instead.
    const page = Math.min(wanted, pageCount(list.total, PER_PAGE))
    if (page !== wanted)
      list = await listSubscribers(deps, {
        ...filter,
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
      })
    const view = h(SubscribersPage, {
      user,
      csrf: formToken(request, reply),
      subscribers: list.items,
      total: list.total,
      searchedNewest: list.searchedNewest,
      counts: list.counts,
      status,
      q: search,
      page,
      perPage: PER_PAGE,
      ...extra,
    })
    return sendPage(reply, view)
  }
}

function statusParam(value: string | undefined): SubscriberStatus | undefined {
  if (value === undefined || value === '') return undefined
  const status = SUBSCRIBER_STATUSES.find((s) => s === value)
  if (!status)
    throw new AppError(
      'VALIDATION_FAILED',
      `status must be one of ${SUBSCRIBER_STATUSES.join(', ')}`,
      {
        property: 'status',
      },
    )
  return status
}

/** `{_csrf: {value}, file: {_buf}}` → `{_csrf: '…', file: '<the file as text>'}`. */
function flattenCsvUpload(body: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  if (!body || typeof body !== 'object') return out
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    const part = (Array.isArray(raw) ? raw[0] : raw) as {
      type?: string
      value?: unknown
      _buf?: Buffer
    }
    if (part.type === 'file') out[key] = part._buf ? part._buf.toString('utf8') : ''
    else if (typeof part.value === 'string') out[key] = part.value
  }
  return out
}

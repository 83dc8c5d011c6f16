/**
 * The comments queue: tabs for pending, approved, spam and trash with counts; approve, spam,
 * trash and reply per comment, and bulk actions. Editors see every comment, authors those on
 * their own articles. Moderation goes through `moderateComments`, which also mails the opt-in
 * reply notices when a reply is approved.
 */
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { can, type User } from '../auth/index.js'
import {
  countModerationQueue,
  listModerationQueue,
  moderationSearchedNewest,
  moderateComments,
  replyAsStaff,
  type CommentStatus,
} from '../comments/index.js'
import { AppError } from '../errors.js'
import {
  assertForm,
  formRoute,
  IdParams,
  isId,
  pageRoute,
  repeated,
  text,
} from '../http/form-schema.js'
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
import { fieldList, pageParam } from './reader-desk.js'
import { CommentsQueuePage, QUEUE_TABS } from './views/comments-queue.js'
import { pageCount } from './views/list-controls.js'

const PER_PAGE = 50
const MAX_BULK = 200

const QueueQuery = Type.Object({
  status: Type.Optional(text(20)),
  q: Type.Optional(text(200)),
  article: Type.Optional(text(12)),
  page: Type.Optional(text(12)),
  moderated: Type.Optional(text(12)),
  replied: Type.Optional(text(12)),
})
const ModerateBody = Type.Object({
  status: Type.Optional(text(20)),
  ids: Type.Optional(repeated(text(20))),
  tab: Type.Optional(text(20)),
  back: Type.Optional(text(2000)),
  _csrf: Type.Optional(text(200)),
})
const ReplyBody = Type.Object({
  body: text(20_000),
  tab: Type.Optional(text(20)),
  back: Type.Optional(text(2000)),
  _csrf: Type.Optional(text(200)),
})

export const commentsAdminRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/comments',
    pageRoute({ querystring: QueueQuery }),
    async (request, reply) => {
      const user = requireUser(request)
      const authorId = queueScope(user)
      const status = tabParam(request.query.status)
      const q = (request.query.q ?? '').trim()
      const article = request.query.article ?? ''
      if (article && !isId(article))
        throw new AppError('VALIDATION_FAILED', 'That is not an article.', { property: 'article' })
      const filter = { q: q || undefined, articleId: article ? Number(article) : undefined }
      const counts = await countModerationQueue(deps, authorId, filter)
      const pages = pageCount(counts[status], PER_PAGE)
      const page = Math.min(pageParam(request.query.page), pages)
      const comments = await listModerationQueue(deps, {
        status,
        authorId,
        ...filter,
        limit: PER_PAGE,
        offset: (page - 1) * PER_PAGE,
      })
      const view = h(CommentsQueuePage, {
        user,
        csrf: formToken(request, reply),
        status,
        counts,
        searchedNewest: filter.q ? await moderationSearchedNewest(deps, filter.q) : undefined,
        comments,
        params: { status, q, article },
        page,
        perPage: PER_PAGE,
        notice: noticeOf(request.query),
      })
      return sendPage(reply, view)
    },
  )

  app.post('/comments/moderate', formRoute({ body: ModerateBody }), async (request, reply) => {
    assertForm(request)
    queueScope(requireUser(request))
    const status = tabParam(field(request, 'status'))
    const ids = commentIds(fieldList(request, 'ids'))
    await moderateComments(deps, actorOf(request), { commentIds: ids, status })
    return seeOther(reply, backTo(request, { moderated: String(ids.length) }))
  })

  // One comment, from a link or script outside the queue: back to its article afterwards.
  app.post<{ Params: { id: string } }>(
    '/comments/:id/moderate',
    formRoute({ params: IdParams, body: ModerateBody }),
    async (request, reply) => {
      assertForm(request)
      const status = field(request, 'status') as CommentStatus
      const [articleId] = await moderateComments(deps, actorOf(request), {
        commentIds: [Number(request.params.id)],
        status,
      })
      return seeOther(reply, `/admin/articles/${articleId}`)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/comments/:id/reply',
    formRoute({ params: IdParams, body: ReplyBody }),
    async (request, reply) => {
      assertForm(request)
      const user = requireUser(request)
      queueScope(user)
      await replyAsStaff(deps, actorOf(request), {
        commentId: Number(request.params.id),
        body: field(request, 'body'),
        author: user,
      })
      return seeOther(reply, backTo(request, { replied: '1' }))
    },
  )
}

/** The queue as the form was sent from (its tab, search and page), with a notice added. */
function backTo(request: FastifyRequest, notice: Record<string, string>): string {
  const back = new URLSearchParams(field(request, 'back').replace(/^\?/, ''))
  const kept = new URLSearchParams()
  for (const key of ['status', 'q', 'article', 'page']) {
    const value = back.get(key)
    if (value) kept.set(key, value)
  }
  if (!kept.has('status')) kept.set('status', tabParam(field(request, 'tab') || 'pending'))
  for (const [key, value] of Object.entries(notice)) kept.set(key, value)
  return `/admin/comments?${kept.toString()}`
}

/** undefined for editors (every comment), the user's id for authors; 403 for everyone else. */
function queueScope(user: User): number | undefined {
  requirePermission(user, 'comments.moderate', { authorIds: [user.id] })
  return can(user, 'comments.moderate', { authorIds: [] }) ? undefined : user.id
}

function tabParam(value: unknown): CommentStatus {
  if (value === undefined || value === '') return 'pending'
  const tab = QUEUE_TABS.find((t) => t === value)
  if (!tab)
    throw new AppError('VALIDATION_FAILED', `status must be one of ${QUEUE_TABS.join(', ')}`, {
      property: 'status',
    })
  return tab
}

function commentIds(values: string[]): number[] {
  const ids = [...new Set(values.map((v) => v.trim()))]
  if (ids.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Tick at least one comment first.', {
      property: 'ids',
    })
  if (ids.length > MAX_BULK)
    throw new AppError('VALIDATION_FAILED', `At most ${MAX_BULK} comments at a time.`, {
      property: 'ids',
    })
  if (!ids.every(isId))
    throw new AppError('VALIDATION_FAILED', 'That is not a comment.', { property: 'ids' })
  return ids.map(Number)
}

function noticeOf(query: Record<string, string | undefined>): string | undefined {
  if (query.replied) return 'Your reply is published.'
  const n = Number(query.moderated)
  if (Number.isInteger(n) && n > 0) return n === 1 ? 'Comment updated.' : `${n} comments updated.`
  return undefined
}

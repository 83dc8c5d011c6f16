/**
 * The comments queue: tabs for pending, approved, spam and trash with counts; approve, spam,
 * trash and reply per comment, and bulk actions. Editors see every comment, authors those on
 * their own articles. Moderation goes through `moderateComments`, which also mails the opt-in
 * reply notices when a reply is approved.
 */
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { can, recordAudit, type User } from '../auth/index.js'
import {
  countModerationQueue,
  findCommentArticleId,
  listModerationQueue,
  moderateComments,
  replyAsStaff,
  type CommentStatus,
} from '../comments/index.js'
import { findNewsroomArticle } from '../content/index.js'
import { AppError } from '../errors.js'
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
import { commentMailDeps } from './comment-mail-context.js'
import { fieldList, pageParam } from './reader-desk.js'
import { CommentsQueuePage, QUEUE_TABS } from './views/comments-queue.js'

const PER_PAGE = 50
const MAX_BULK = 200

export const commentsAdminRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/comments',
    async (request, reply) => {
      const user = requireUser(request)
      const authorId = queueScope(user)
      const status = tabParam(request.query.status)
      const page = pageParam(request.query.page)
      const [counts, comments] = await Promise.all([
        countModerationQueue(deps.db, authorId),
        listModerationQueue(deps.db, {
          status,
          authorId,
          limit: PER_PAGE,
          offset: (page - 1) * PER_PAGE,
        }),
      ])
      const view = h(CommentsQueuePage, {
        user,
        csrf: formToken(request, reply),
        status,
        counts,
        comments,
        page,
        perPage: PER_PAGE,
        notice: noticeOf(request.query),
      })
      return sendPage(reply, view)
    },
  )

  app.post('/comments/moderate', async (request, reply) => {
    const user = requireUser(request)
    queueScope(user)
    const status = tabParam(field(request, 'status'))
    const ids = commentIds(fieldList(request, 'ids'))
    // Check every comment before touching any: a bulk action is all or nothing.
    const articles = await Promise.all(ids.map((id) => assertModerates(user, id)))
    await moderateComments(
      { ...deps, mail: await commentMailDeps(ctx) },
      { commentIds: ids, status },
    )
    for (const [i, commentId] of ids.entries())
      await recordAudit(deps, {
        userId: user.id,
        action: 'comment.moderate',
        subjectType: 'comment',
        subjectId: commentId,
        details: { status, articleId: articles[i], bulk: ids.length > 1 },
      })
    const back = tabParam(field(request, 'tab') || 'pending')
    return seeOther(reply, `/admin/comments?status=${back}&moderated=${ids.length}`)
  })

  app.post<{ Params: { id: string } }>('/comments/:id/reply', async (request, reply) => {
    const user = requireUser(request)
    queueScope(user)
    const [commentId] = commentIds([request.params.id])
    const articleId = await assertModerates(user, commentId!)
    const replyId = await replyAsStaff(
      { ...deps, mail: await commentMailDeps(ctx) },
      { commentId: commentId!, user, body: field(request, 'body') },
    )
    await recordAudit(deps, {
      userId: user.id,
      action: 'comment.reply',
      subjectType: 'comment',
      subjectId: replyId,
      details: { parentId: commentId, articleId },
    })
    const back = tabParam(field(request, 'tab') || 'pending')
    return seeOther(reply, `/admin/comments?status=${back}&replied=1`)
  })

  /** The article's id, once the user is known to be allowed to moderate its comments. */
  async function assertModerates(user: User, commentId: number): Promise<number> {
    const articleId = await findCommentArticleId(deps, commentId)
    const article = await findNewsroomArticle(deps, articleId)
    if (!article) throw new AppError('NOT_FOUND', 'There is no such comment.')
    requirePermission(user, 'comments.moderate', subjectOf(article))
    return articleId
  }
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
  if (!ids.every((id) => /^\d{1,12}$/.test(id)))
    throw new AppError('VALIDATION_FAILED', 'That is not a comment.', { property: 'ids' })
  return ids.map(Number)
}

function noticeOf(query: Record<string, string | undefined>): string | undefined {
  if (query.replied) return 'Your reply is published.'
  const n = Number(query.moderated)
  if (Number.isInteger(n) && n > 0) return n === 1 ? 'Comment updated.' : `${n} comments updated.`
  return undefined
}

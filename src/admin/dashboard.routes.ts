/**
 * The dashboard: the writer's (or the newsroom's) drafts, pending and scheduled stories, comments
 * waiting for moderation, and page views of the last 30 days drawn in the browser from
 * `GET /admin/api/stats/views?days=30`.
 */
import type { FastifyPluginAsync } from 'fastify'
import { h } from 'preact'
import { viewStats } from '../analytics/index.js'
import { can } from '../auth/index.js'
import { listModerationQueue } from '../comments/index.js'
import { countNewsroomArticles, listNewsroomArticles } from '../content/index.js'
import { findSettings } from '../settings/index.js'
import { formToken, requireUser, sendPage, type AdminContext } from './admin-context.js'
import { ownOnly } from './articles.routes.js'
import { DashboardPage } from './views/dashboard.js'

export const dashboardRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  app.get('/dashboard', async (request, reply) => {
    const user = requireUser(request)
    const own = ownOnly(user)
    const mine = own ? { authorId: user.id } : {}
    const moderates = can(user, 'comments.moderate', { authorIds: [user.id] })
    const everyone = can(user, 'comments.moderate', { authorIds: [] })
    const [counts, drafts, pending, scheduled, comments] = await Promise.all([
      countNewsroomArticles(deps, mine),
      listNewsroomArticles(deps, { ...mine, status: 'draft', perPage: 5 }),
      listNewsroomArticles(deps, { ...mine, status: 'pending', perPage: 5 }),
      listNewsroomArticles(deps, { ...mine, status: 'scheduled', perPage: 5 }),
      moderates
        ? listModerationQueue(deps, {
            status: 'pending',
            authorId: everyone ? undefined : user.id,
            limit: 5,
            offset: 0,
          })
        : Promise.resolve(undefined),
    ])
    const page = h(DashboardPage, {
      user,
      csrf: formToken(request, reply),
      counts,
      lists: { draft: drafts, pending, scheduled },
      comments,
      ownOnly: own,
    })
    return sendPage(reply, page)
  })

  app.get<{ Querystring: { days?: string } }>('/api/stats/views', async (request, reply) => {
    requireUser(request)
    const { timeZone } = await findSettings(deps)
    const stats = await viewStats(deps, { days: Number(request.query.days ?? 30), timeZone })
    return reply.send(stats)
  })
}

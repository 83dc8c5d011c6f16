/**
 * When the owner requires two-factor sign-in, a signed-in editor, admin or owner without it is
 * sent to set it up before any other newsroom screen.
 */
import type { FastifyInstance } from 'fastify'
import { TWO_FACTOR_ROLES, twoFactorStatus } from '../auth/index.js'
import type { Services } from '../services.js'
import { findSettings } from '../settings/index.js'
import { seeOther } from './admin-context.js'

const OPEN_PATHS = [
  '/admin/account/two-factor',
  '/admin/logout',
  '/admin/admin.css',
  '/admin/assets/',
]

export function registerTwoFactorGate(app: FastifyInstance, deps: Services): void {
  app.addHook('preHandler', async (request, reply) => {
    const user = request.user
    if (!user || !TWO_FACTOR_ROLES.includes(user.role)) return
    if (OPEN_PATHS.some((path) => request.url.startsWith(path))) return
    if (!(await findSettings(deps)).requireTwoFactor) return
    if ((await twoFactorStatus(deps, user.id)).enabled) return
    return seeOther(reply, '/admin/account/two-factor')
  })
}

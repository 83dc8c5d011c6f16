/** What the comment mails (reply notices) need, gathered for a newsroom request. */
import type { CommentMailDeps } from '../comments/index.js'
import { findOrCreateSiteSecret, findSettings } from '../settings/index.js'
import type { AdminContext } from './admin-context.js'

export async function commentMailDeps(ctx: AdminContext): Promise<CommentMailDeps> {
  const { deps } = ctx
  const now = deps.clock.now().getTime()
  const [settings, secret] = await Promise.all([
    findSettings(deps.db),
    findOrCreateSiteSecret(deps.db, now),
  ])
  return {
    db: deps.db,
    clock: deps.clock,
    mailer: ctx.mailer,
    secret,
    publicUrl: ctx.config.publicUrl,
    siteTitle: settings.title,
    timeZone: settings.timeZone,
  }
}

import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { AuditLogRow } from './audit.table.js'

type Db = Kysely<Database>

export type AuditAction =
  | 'setup'
  | 'login'
  | 'login.failed'
  | 'two-factor.enable'
  | 'two-factor.disable'
  | 'login.new-device'
  | 'logout'
  | 'sessions.revoke-all'
  | 'password.reset-requested'
  | 'password.reset'
  | 'user.invite'
  | 'user.create'
  | 'user.import'
  | 'article.create'
  | 'article.import'
  | 'article.update'
  | 'article.submit'
  | 'article.publish'
  | 'article.schedule'
  | 'article.unpublish'
  | 'article.archive'
  | 'article.delete'
  | 'user.role'
  | 'user.deactivate'
  | 'user.reactivate'
  | 'user.profile'
  | 'user.delete'
  | 'user.invite-resend'
  | 'user.invite-revoke'
  | 'section.create'
  | 'settings.update'
  | 'media.upload'
  | 'media.import'
  | 'comment.moderate'
  | 'article.restore'
  | 'article.correct'
  | 'article.preview-link'
  | 'media.update'
  | 'section.update'
  | 'tag.rename'
  | 'tag.merge'
  | 'tag.create'
  | 'tag.update'
  | 'tag.delete'
  | 'menu.update'
  | 'menu.import'
  | 'redirect.create'
  | 'redirect.delete'
  | 'comment.reply'
  | 'comment.import'
  | 'subscriber.import'
  | 'contact.import'
  | 'subscriber.export'
  | 'subscriber.mark'
  | 'newsletter.send'
  | 'page.create'
  | 'page.update'
  | 'page.delete'
  | 'wire.source.add'
  | 'wire.source.update'
  | 'wire.source.remove'
  | 'wire.source.import'
  | 'wire.source.pause'
  | 'wire.item.take'
  | 'page.import'
  | 'section.import'
  | 'redirect.import'
  | 'integration.create'
  | 'integration.rotate'
  | 'integration.delete'
  | 'webhook.create'
  | 'webhook.update'
  | 'webhook.delete'
  | 'webhook.redeliver'
  | 'data.clean-up'
  | 'site.import'

export type AuditSubjectType =
  | 'user'
  | 'article'
  | 'section'
  | 'settings'
  | 'media'
  | 'comment'
  | 'tag'
  | 'menu'
  | 'redirect'
  | 'subscriber'
  | 'contact_message'
  | 'newsletter'
  | 'page'
  | 'wire_source'
  | 'wire_item'
  | 'integration'
  | 'webhook'

export type AuditActorKind = 'user' | 'integration' | 'system'

/** One line of "who did what, to what, when". */
export interface AuditEntry {
  id: number
  userId: number | null
  actorKind: AuditActorKind
  /** The integration's or system job's name; empty for people (look the user up). */
  actorName: string
  integrationId: number | null
  action: AuditAction
  subjectType: AuditSubjectType
  subjectId: number | null
  details: Record<string, unknown>
  createdAt: Date
}

export interface NewAuditEntry {
  action: AuditAction
  subjectType: AuditSubjectType
  subjectId?: number | null
  details?: Record<string, unknown>
}

export interface AuditActorRow {
  userId: number | null
  kind: AuditActorKind
  name: string
  integrationId: number | null
}

export async function insertAuditEntry(
  db: Db,
  actor: AuditActorRow,
  entry: NewAuditEntry,
  now: number,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: actor.userId,
      actor_kind: actor.kind,
      actor_name: actor.name,
      integration_id: actor.integrationId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      created_at: now,
    })
    .execute()
}

/** Whether `actor` already logged `action` on this subject at or after `since`. */
export async function hasRecentAuditEntry(
  db: Db,
  actor: AuditActorRow,
  entry: NewAuditEntry,
  since: number,
): Promise<boolean> {
  let query = db
    .selectFrom('audit_log')
    .select('id')
    .where('subject_type', '=', entry.subjectType)
    .where('subject_id', '=', entry.subjectId ?? null)
    .where('action', '=', entry.action)
    .where('actor_kind', '=', actor.kind)
    .where('created_at', '>=', since)
  query =
    actor.userId === null
      ? query.where('actor_name', '=', actor.name)
      : query.where('user_id', '=', actor.userId)
  return (await query.limit(1).executeTakeFirst()) !== undefined
}

/** Newest first; optionally only about one subject. */
export async function listAuditEntries(
  db: Db,
  options: { limit: number; subjectType?: AuditSubjectType; subjectId?: number },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll()
  if (options.subjectType !== undefined) {
    query = query.where('subject_type', '=', options.subjectType)
    if (options.subjectId !== undefined) query = query.where('subject_id', '=', options.subjectId)
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute()
  return rows.map(toAuditEntry)
}

function toAuditEntry(row: AuditLogRow): AuditEntry {
  let details: Record<string, unknown> = {}
  try {
    const parsed = JSON.parse(row.details) as unknown
    if (parsed && typeof parsed === 'object') details = parsed as Record<string, unknown>
  } catch {
    // A hand-edited row should not break the log screen.
  }
  return {
    id: row.id,
    userId: row.user_id,
    actorKind: row.actor_kind as AuditActorKind,
    actorName: row.actor_name,
    integrationId: row.integration_id,
    action: row.action as AuditAction,
    subjectType: row.subject_type as AuditSubjectType,
    subjectId: row.subject_id,
    details,
    createdAt: new Date(Number(row.created_at)),
  }
}

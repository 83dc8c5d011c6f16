import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { AuditLogRow } from './audit.table.js'

type Db = Kysely<Database>

export type AuditAction =
  | 'setup'
  | 'login'
  | 'logout'
  | 'sessions.revoke-all'
  | 'password.reset-requested'
  | 'password.reset'
  | 'user.invite'
  | 'article.publish'
  | 'article.schedule'
  | 'article.unpublish'
  | 'article.archive'
  | 'section.create'
  | 'settings.update'
  | 'media.upload'
  | 'comment.moderate'
  | 'article.restore'
  | 'article.correct'
  | 'media.update'
  | 'section.update'
  | 'tag.rename'
  | 'tag.merge'
  | 'menu.update'
  | 'redirect.create'
  | 'redirect.delete'
  | 'comment.reply'
  | 'subscriber.import'
  | 'subscriber.export'
  | 'subscriber.mark'
  | 'newsletter.send'

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
  | 'newsletter'

/** One line of "who did what, to what, when". */
export interface AuditEntry {
  id: number
  userId: number | null
  action: AuditAction
  subjectType: AuditSubjectType
  subjectId: number | null
  details: Record<string, unknown>
  createdAt: Date
}

export interface NewAuditEntry {
  userId: number | null
  action: AuditAction
  subjectType: AuditSubjectType
  subjectId?: number | null
  details?: Record<string, unknown>
}

export async function insertAuditEntry(db: Db, entry: NewAuditEntry, now: number): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: entry.userId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      created_at: now,
    })
    .execute()
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
    action: row.action as AuditAction,
    subjectType: row.subject_type as AuditSubjectType,
    subjectId: row.subject_id,
    details,
    createdAt: new Date(Number(row.created_at)),
  }
}

/**
 * Moderation: approve, hold, mark as spam or bin comments (one or a bulk selection), answer as
 * staff, and add comments from elsewhere (demo content, importers). Each use case checks the
 * actor may moderate the article's comments, writes in one transaction with its audit entries,
 * and mails reply notices only after the commit.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { findNewsroomArticle, subjectOf } from '../content/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import type { Mailer } from '../mail/index.js'
import { findImportTargets, recordImportKeys, type ImportOrigin } from '../provenance/index.js'
import { findSettings, siteSecret } from '../settings/index.js'
import { notifyReplyApproved, type CommentMailDeps } from './comment-mail.js'
import {
  insertComment,
  insertComments,
  refreshCommentCount,
  refreshCommentCounts,
} from './comment.repository.js'
import type { CommentStatus } from './comment.table.js'
import { findCommentStatus, updateCommentStatus } from './moderation.repository.js'

/** What moderation needs: the kernel, and mail for reply notices when a mailer is given. */
export interface ModerationDeps extends Kernel {
  mailer?: Mailer | undefined
  /** The site's address, for links in mails. */
  publicUrl?: string | undefined
}

const STATUSES: CommentStatus[] = ['pending', 'approved', 'spam', 'trash']
const MAX_BULK = 200

/** Which article a comment belongs to (NOT_FOUND for an unknown comment). */
export async function findCommentArticleId(
  deps: Pick<Kernel, 'db'>,
  commentId: number,
): Promise<number> {
  const comment = await findCommentStatus(deps.db, commentId)
  if (!comment) throw new AppError('NOT_FOUND', 'There is no such comment.')
  return comment.articleId
}

/**
 * Set the status of one or several comments (a bulk action is all or nothing: every comment is
 * checked before any changes). Newly approved replies mail their opt-in notices afterwards.
 * Returns the articles touched.
 * @example await moderateComments(deps, userActor(editor), { commentIds: [12, 13], status: 'approved' })
 */
export async function moderateComments(
  deps: ModerationDeps,
  actor: Actor,
  input: { commentIds: number[]; status: CommentStatus },
): Promise<number[]> {
  if (!STATUSES.includes(input.status))
    throw validationError('status', `status must be one of ${STATUSES.join(', ')}`)
  const ids = [...new Set(input.commentIds)]
  if (ids.length === 0) throw validationError('ids', 'Tick at least one comment first.')
  if (ids.length > MAX_BULK) throw validationError('ids', `At most ${MAX_BULK} comments at a time.`)
  const articles = await transact(deps, async (tx) => {
    const found = []
    for (const id of ids) {
      const comment = await findCommentStatus(tx.db, id)
      if (!comment) throw new AppError('NOT_FOUND', 'There is no such comment.')
      await requireModerator(tx, actor, comment.articleId)
      found.push(comment)
    }
    // Each article touched is announced once, however many of its comments changed.
    const touched = new Set<number>()
    for (const comment of found) {
      if (await setStatus(tx, comment, input.status)) touched.add(comment.articleId)
      await recordAudit(tx, actor, {
        action: 'comment.moderate',
        subjectType: 'comment',
        subjectId: comment.id,
        details: { status: input.status, articleId: comment.articleId, bulk: found.length > 1 },
      })
    }
    for (const articleId of touched) tx.events.emit({ type: 'comments.changed', articleId })
    return [...new Set(found.map((c) => c.articleId))]
  })
  if (input.status === 'approved') {
    const mail = await mailContext(deps)
    if (mail) for (const id of ids) await notifyReplyApproved(mail, id).catch(() => false)
  }
  return articles
}

/** A newsroom member answers a comment: published at once, under their name. */
export async function replyAsStaff(
  deps: ModerationDeps,
  actor: Actor,
  input: { commentId: number; body: string; author: { name: string; email: string } },
): Promise<number> {
  const body = input.body.trim()
  if (!body) throw validationError('body', 'Please write a reply.')
  if (body.length > 5000) throw validationError('body', 'Replies must be at most 5000 characters.')
  const id = await transact(deps, async (tx) => {
    const parent = await findCommentStatus(tx.db, input.commentId)
    if (!parent) throw new AppError('NOT_FOUND', 'There is no such comment.')
    await requireModerator(tx, actor, parent.articleId)
    // Answering a held comment approves it: the reply must not hang under an invisible parent.
    if (parent.status !== 'approved') await setStatus(tx, parent, 'approved')
    // (Announced once below, with the reply.)
    const replyId = await insertComment(
      tx.db,
      {
        articleId: parent.articleId,
        parentId: parent.id,
        authorName: input.author.name,
        authorEmail: input.author.email,
        body,
        status: 'approved',
        userId: actor.kind === 'user' ? actor.id : null,
      },
      tx.clock.now().getTime(),
    )
    await refreshCommentCount(tx.db, parent.articleId)
    await recordAudit(tx, actor, {
      action: 'comment.reply',
      subjectType: 'comment',
      subjectId: replyId,
      details: { parentId: parent.id, articleId: parent.articleId },
    })
    tx.events.emit({ type: 'comments.changed', articleId: parent.articleId })
    return replyId
  })
  const mail = await mailContext(deps)
  if (mail) await notifyReplyApproved(mail, id).catch(() => false)
  return id
}

export interface AddedComment {
  articleId: number
  parentId?: number | null
  authorName: string
  authorEmail: string
  authorUrl?: string
  body: string
  status: CommentStatus
  createdAt: Date
  userId?: number | null
  /** The commenter asked to hear of approved replies. */
  notifyReplies?: boolean
  /**
   * Where it came from (an import). A comment whose origin is already recorded is skipped (its
   * id is returned); the origin is recorded with the comment, in the same transaction.
   */
  origin?: ImportOrigin
  /** Its parent's id on the old site (same source): a parent earlier in the batch or imported before. */
  parentOriginId?: string | null
}

/**
 * Add comments as they were elsewhere (demo content, an import): with their own dates, statuses
 * and threads. Sends no mail. Returns their ids, in order.
 */
export async function addComments(
  deps: Kernel,
  actor: Actor,
  comments: AddedComment[],
): Promise<number[]> {
  requirePermission(actor, 'comments.moderate', { authorIds: [] })
  if (comments.length === 0) return []
  return transact(deps, async (tx) => {
    const ids: (number | undefined)[] = comments.map(() => undefined)
    const articles = new Set<number>()
    const imported = await knownOrigins(tx, comments)
    const source = comments.find((c) => c.origin)?.origin?.source
    // Parents from earlier batches, looked up once for the whole batch.
    if (source !== undefined) {
      const missing = comments.flatMap((c) =>
        c.parentOriginId && !imported.has(c.parentOriginId) ? [c.parentOriginId] : [],
      )
      const inBatch = new Set(comments.flatMap((c) => (c.origin ? [c.origin.id] : [])))
      const earlier = missing.filter((id) => !inBatch.has(id))
      if (earlier.length > 0)
        for (const [id, target] of await findImportTargets(tx, source, 'comment', earlier))
          imported.set(id, target)
    }
    const keys: [string, number][] = []
    let waiting = comments.map((c, index) => ({ c, index }))
    // In waves: every comment whose parent has its id goes in one multi-row insert.
    while (waiting.length > 0) {
      const wave: { c: AddedComment; index: number; parentId: number | null }[] = []
      const later: typeof waiting = []
      const pending = new Set(
        waiting.flatMap(({ c }) => (c.origin && !imported.has(c.origin.id) ? [c.origin.id] : [])),
      )
      for (const entry of waiting) {
        const { c } = entry
        const done = c.origin ? imported.get(c.origin.id) : undefined
        if (done !== undefined) {
          ids[entry.index] = done
          continue
        }
        if (c.parentOriginId && c.origin) {
          const parent = imported.get(c.parentOriginId)
          if (parent === undefined && pending.has(c.parentOriginId)) {
            later.push(entry)
            continue
          }
          wave.push({ ...entry, parentId: parent ?? null })
        } else wave.push({ ...entry, parentId: c.parentId ?? null })
      }
      if (wave.length === 0) {
        // Parents that never come (a cycle): the rest go in as top-level comments.
        for (const entry of later) wave.push({ ...entry, parentId: null })
        later.length = 0
      }
      const inserted = await insertComments(
        tx.db,
        wave.map(({ c, parentId }) => ({
          ...c,
          parentId,
          userId: c.userId ?? null,
          createdAt: c.createdAt.getTime(),
        })),
      )
      for (const [i, { c, index }] of wave.entries()) {
        const id = inserted[i]!
        ids[index] = id
        if (c.origin) {
          imported.set(c.origin.id, id)
          keys.push([c.origin.id, id])
        }
        articles.add(c.articleId)
      }
      waiting = later
    }
    if (source !== undefined) await recordImportKeys(tx, source, 'comment', keys)
    if (articles.size === 0) return ids as number[]
    await refreshCommentCounts(tx.db, [...articles])
    for (const articleId of articles) tx.events.emit({ type: 'comments.changed', articleId })
    await recordAudit(tx, actor, {
      action: 'comment.import',
      subjectType: 'comment',
      details: { count: comments.length, articles: articles.size },
    })
    return ids as number[]
  })
}

/** Comments of the batch an earlier import wrote, by old id (one source per batch). */
async function knownOrigins(tx: Kernel, comments: AddedComment[]): Promise<Map<string, number>> {
  const origins = comments.flatMap((c) => (c.origin ? [c.origin] : []))
  const source = origins[0]?.source
  if (source === undefined) return new Map()
  if (origins.some((o) => o.source !== source))
    throw validationError('comments', 'one batch of comments comes from one source')
  return findImportTargets(
    tx,
    source,
    'comment',
    origins.map((o) => o.id),
  )
}

async function requireModerator(tx: Kernel, actor: Actor, articleId: number): Promise<void> {
  const article = await findNewsroomArticle(tx, articleId)
  if (!article) throw new AppError('NOT_FOUND', 'There is no such comment.')
  requirePermission(actor, 'comments.moderate', subjectOf(article))
}

/** Set one comment's status; true when readers see the change (it was or becomes approved). */
async function setStatus(
  tx: Kernel,
  comment: { id: number; articleId: number; status: CommentStatus },
  status: CommentStatus,
): Promise<boolean> {
  await updateCommentStatus(tx.db, comment.id, status)
  await refreshCommentCount(tx.db, comment.articleId)
  return comment.status === 'approved' || status === 'approved'
}

/** Everything comment mail needs, or undefined when this process sends no mail. */
export async function mailContext(deps: ModerationDeps): Promise<CommentMailDeps | undefined> {
  if (!deps.mailer || deps.publicUrl === undefined) return undefined
  const [settings, secret] = await Promise.all([findSettings(deps), siteSecret(deps)])
  return {
    db: deps.db,
    clock: deps.clock,
    mailer: deps.mailer,
    secret,
    publicUrl: deps.publicUrl,
    siteTitle: settings.title,
    timeZone: settings.timeZone,
  }
}

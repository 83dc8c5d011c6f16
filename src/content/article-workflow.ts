/**
 * The article use cases, the one door every writer comes through: the newsroom's screens, the
 * Admin API, importers, the wire and the scheduler. Each checks the actor's permission, runs in
 * one transaction, loads the article once, writes its audit entry and announces one
 * `article.changed` after the commit.
 */
import { actingUserId, recordAudit, requirePermission, type Actor } from '../auth/index.js'
import type { AuditAction } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import type { ArticleRefs } from '../events.js'
import { transact, type Kernel } from '../kernel.js'
import { articlePath, canTransition, type Article, type ArticleStatus } from './article.js'
import { prepareFields, unique, type ArticleInput } from './article-fields.js'
import {
  findArticleById,
  insertArticle,
  findNextScheduledAt,
  listDueScheduledIds,
  replaceArticleLinks,
  setListedAt,
  updateArticleIfVersion,
} from './article.repository.js'
import type { ArticleUpdate } from './article.table.js'
import { insertRedirectIfAbsent } from './redirect.repository.js'
import { insertRevision } from './revision.repository.js'

/** A move through the workflow. */
export type ArticleStep = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'archive'
export const ARTICLE_STEPS: readonly ArticleStep[] = [
  'submit',
  'publish',
  'schedule',
  'unpublish',
  'archive',
]

export interface ArticleEdit {
  /** Fields to change; absent fields (or no `input`) keep their stored value. */
  input?: Partial<ArticleInput>
  /** The version the writer started from: a newer stored one is a VERSION_CONFLICT. */
  expectedVersion?: number
  /** An autosave: refused for a live article, which changes for readers only on Update. */
  autosave?: boolean
  /** A workflow step to take after saving, in the same transaction. */
  then?: ArticleStep
  /** When to publish, for `then: 'schedule'`. */
  publishAt?: Date
}

const PERMISSION = {
  submit: 'article.submit',
  publish: 'article.publish',
  schedule: 'article.publish',
  unpublish: 'article.publish',
  archive: 'article.publish',
} as const

const AUDITED: Record<ArticleStep, AuditAction> = {
  submit: 'article.submit',
  publish: 'article.publish',
  schedule: 'article.schedule',
  unpublish: 'article.unpublish',
  archive: 'article.archive',
}

/** Autosaves of one article by one person make one audit line per this much time. */
const AUTOSAVE_AUDIT_WINDOW_MS = 30 * 60_000

/**
 * Create an article as a draft and, with `then`, take its first step (submit, publish or
 * schedule) in the same transaction. A person acting becomes its first author.
 * @example
 * await createArticle(deps, userActor(me), { title: 'Budget vote', bodyHtml: '<p>…</p>' }, { then: 'publish' })
 */
export async function createArticle(
  deps: Kernel,
  actor: Actor,
  input: ArticleInput,
  options: Pick<ArticleEdit, 'then' | 'publishAt'> = {},
): Promise<Article> {
  // A new story is the actor's own: refused before anything is written.
  requirePermission(actor, 'article.write')
  if (options.then) requirePermission(actor, PERMISSION[options.then])
  return transact(deps, async (tx) => {
    const fields = await prepareFields(tx, input, undefined)
    const now = tx.clock.now().getTime()
    const writerId = actingUserId(actor)
    const authorIds = unique([...(writerId === null ? [] : [writerId]), ...(input.authorIds ?? [])])
    const id = await insertArticle(tx.db, {
      ...fields.row,
      title: fields.row.title ?? '',
      slug: fields.row.slug ?? '',
      author_id: authorIds[0] ?? null,
      status: 'draft',
      published_at: null,
      created_at: now,
      updated_at: now,
    })
    await replaceArticleLinks(tx.db, id, { ...fields.links, authorIds }, null)
    await insertRevision(tx.db, id, 1, fields.revision, writerId, now)
    let article = await mustFind(tx, id)
    if (options.then) article = await applyStep(tx, article, options.then, options.publishAt)
    await recordAudit(tx, actor, {
      action: options.then ? AUDITED[options.then] : 'article.create',
      subjectType: 'article',
      subjectId: id,
      details: auditDetails(article, options.then),
    })
    tx.events.emit(changed(null, article, actor))
    return article
  })
}

/**
 * Save changes to an article and, with `edit.then`, take a workflow step in the same
 * transaction. A save based on an older version is refused with VERSION_CONFLICT instead of
 * silently overwriting someone else's words; unpublishing and archiving ignore edits.
 */
export async function saveArticle(
  deps: Kernel,
  actor: Actor,
  id: number,
  edit: ArticleEdit,
): Promise<Article> {
  return transact(deps, async (tx) => {
    const current = await mustFind(tx, id)
    const subject = subjectOf(current)
    if (edit.then) requirePermission(actor, PERMISSION[edit.then], subject)
    const writes = edit.input !== undefined && edit.then !== 'unpublish' && edit.then !== 'archive'
    if (writes || !edit.then) requirePermission(actor, 'article.write', subject)
    if (edit.autosave && isLive(current))
      throw new AppError('INVALID_TRANSITION', 'live articles are saved with Update')
    if (!writes && !edit.then) return current
    let article = current
    if (writes && edit.input)
      article = await applyEdit(tx, actor, current, edit.input, edit.expectedVersion)
    if (edit.then) article = await applyStep(tx, article, edit.then, edit.publishAt)
    await recordAudit(
      tx,
      actor,
      {
        action: edit.then ? AUDITED[edit.then] : 'article.update',
        subjectType: 'article',
        subjectId: id,
        details: auditDetails(article, edit.then),
      },
      edit.autosave ? { coalesceMs: AUTOSAVE_AUDIT_WINDOW_MS } : {},
    )
    tx.events.emit(changed(current, article, actor))
    return article
  })
}

/** Take one workflow step (no edits): submit, publish, schedule, unpublish or archive. */
export function stepArticle(
  deps: Kernel,
  actor: Actor,
  id: number,
  step: ArticleStep,
  options: { publishAt?: Date } = {},
): Promise<Article> {
  return saveArticle(deps, actor, id, { then: step, ...options })
}

/**
 * Publish every scheduled article whose time has come, oldest first, as the scheduler. Safe to
 * run in several processes at once: each article flips in its own guarded transaction, and an
 * article another process published first is skipped.
 */
export async function publishDueArticles(deps: Kernel, actor: Actor): Promise<number[]> {
  const now = deps.clock.now().getTime()
  const ids = await listDueScheduledIds(deps.db, now, 500)
  const published: number[] = []
  for (const id of ids) {
    const done = await transact(deps, async (tx) => {
      const current = await findArticleById(tx.db, id)
      if (!current || current.status !== 'scheduled') return false
      requirePermission(actor, 'article.publish', subjectOf(current))
      const after = await writeStep(tx, current, 'published', {})
      if (!after) return false
      await recordAudit(tx, actor, {
        action: 'article.publish',
        subjectType: 'article',
        subjectId: id,
        details: auditDetails(after, 'publish'),
      })
      tx.events.emit(changed(current, after, actor))
      return true
    })
    if (done) published.push(id)
  }
  return published
}

/** When the next scheduled article is due, if any (for the publish timer). */
export async function nextScheduledPublish(deps: Pick<Kernel, 'db'>): Promise<Date | undefined> {
  const at = await findNextScheduledAt(deps.db)
  return at === undefined ? undefined : new Date(at)
}

/** A use case's article: loaded inside its transaction, or ARTICLE_NOT_FOUND. */
export async function mustFind(deps: Pick<Kernel, 'db'>, id: number): Promise<Article> {
  const article = await findArticleById(deps.db, id)
  if (!article) throw new AppError('ARTICLE_NOT_FOUND', `article ${id} does not exist`)
  return article
}

/** Who an article belongs to, for the permission matrix. */
export function subjectOf(article: Pick<Article, 'authors' | 'status'>) {
  return { authorIds: article.authors.map((a) => a.id), status: article.status }
}

/**
 * The `article.changed` announcement: what the article was linked to before and after, the
 * whole article both times, and who acted (when known).
 */
export function changed(before: Article | null, after: Article, actor?: Actor) {
  return {
    type: 'article.changed' as const,
    articleId: after.id,
    before: before && refsOf(before),
    after: refsOf(after),
    snapshots: { before, after },
    ...(actor ? { actor: { kind: actor.kind, name: actor.name } } : {}),
  }
}

/** Write the edited fields, links, slug redirect and revision; returns the saved article. */
export async function applyEdit(
  tx: Kernel,
  actor: Actor,
  current: Article,
  input: Partial<ArticleInput>,
  expectedVersion = current.version,
): Promise<Article> {
  const fields = await prepareFields(tx, input, current)
  const now = tx.clock.now().getTime()
  // A version other than the one loaded is a conflict without asking the database (where a
  // number beyond its integer column would be an error, not a conflict).
  const saved =
    expectedVersion === current.version &&
    (await updateArticleIfVersion(tx.db, current.id, expectedVersion, {
      ...fields.row,
      updated_at: now,
    }))
  if (!saved) {
    throw new AppError(
      'VERSION_CONFLICT',
      `this article was changed by someone else (you edited version ${expectedVersion}, it is now version ${current.version})`,
      { property: 'version' },
    )
  }
  if (fields.linksGiven) {
    const listedAt =
      current.status === 'published' ? (current.publishedAt?.getTime() ?? null) : null
    const authorIds = input.authorIds ?? current.authors.map((a) => a.id)
    await replaceArticleLinks(tx.db, current.id, { ...fields.links, authorIds }, listedAt)
  }
  if (fields.row.slug && fields.row.slug !== current.slug && current.status === 'published') {
    const to = articlePath({ ...current, slug: fields.row.slug })
    await insertRedirectIfAbsent(tx.db, articlePath(current), to, now)
  }
  await insertRevision(
    tx.db,
    current.id,
    expectedVersion + 1,
    fields.revision,
    actingUserId(actor),
    now,
  )
  return mustFind(tx, current.id)
}

async function applyStep(
  tx: Kernel,
  article: Article,
  step: ArticleStep,
  publishAt: Date | undefined,
): Promise<Article> {
  const now = tx.clock.now().getTime()
  let after: Article | undefined
  if (step === 'submit') after = await writeStep(tx, article, 'pending', {})
  else if (step === 'unpublish') after = await writeStep(tx, article, 'draft', {})
  else if (step === 'archive') after = await writeStep(tx, article, 'archived', {})
  else if (step === 'publish') {
    // A story published before keeps its original time; a booked one goes out now.
    const earlier = article.publishedAt?.getTime()
    const keep = article.status !== 'scheduled' && earlier !== undefined && earlier <= now
    after = await writeStep(tx, article, 'published', { published_at: keep ? earlier : now })
  } else {
    if (!publishAt) throw validationError('publishAt', 'choose a date and time to schedule for')
    if (Number.isNaN(publishAt.getTime()))
      throw validationError('publishAt', 'publish time is not a valid date')
    if (publishAt.getTime() <= now)
      throw validationError('publishAt', 'scheduled time must be in the future')
    after = await writeStep(tx, article, 'scheduled', { published_at: publishAt.getTime() })
  }
  if (!after)
    throw new AppError(
      'VERSION_CONFLICT',
      'this article was changed by someone else; reload and try again',
    )
  return after
}

/** Move to `to` if the workflow allows; undefined when another writer got there first. */
async function writeStep(
  tx: Kernel,
  current: Article,
  to: ArticleStatus,
  extra: ArticleUpdate,
): Promise<Article | undefined> {
  if (!canTransition(current.status, to)) {
    throw new AppError('INVALID_TRANSITION', `a ${current.status} article cannot become ${to}`, {
      property: 'status',
    })
  }
  const now = tx.clock.now().getTime()
  const update: ArticleUpdate = { status: to, updated_at: now, ...extra }
  if (!(await updateArticleIfVersion(tx.db, current.id, current.version, update))) return undefined
  const publishedAt =
    update.published_at !== undefined
      ? update.published_at
      : (current.publishedAt?.getTime() ?? null)
  await setListedAt(tx.db, current.id, to === 'published' ? publishedAt : null)
  return {
    ...current,
    status: to,
    publishedAt: publishedAt === null ? null : new Date(publishedAt),
    updatedAt: new Date(now),
    version: current.version + 1,
  }
}

function isLive(article: Article): boolean {
  return article.status === 'published' || article.status === 'scheduled'
}

function auditDetails(article: Article, step: ArticleStep | undefined): Record<string, unknown> {
  return {
    title: article.title,
    ...(step === 'schedule' ? { publishAt: article.publishedAt?.toISOString() } : {}),
  }
}

/** What an article was linked to, for announcements. */
export function refsOf(article: Article): ArticleRefs {
  return {
    id: article.id,
    slug: article.slug,
    status: article.status,
    publishedAt: article.publishedAt,
    categorySlugs: article.sectionSlugs,
    tagSlugs: article.tags.map((t) => t.slug),
    authorIds: article.authors.map((a) => a.id),
  }
}

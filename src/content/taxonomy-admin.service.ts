/**
 * Site management: edit and reorder sections, rename and merge tags (old tag URLs redirect),
 * and keep the redirect list. Every change announces `taxonomy.changed` so cached pages purge.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { cleanLine, cleanText } from '../text/clean-text.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import { deleteRedirect, insertRedirectIfAbsent } from './redirect.repository.js'
import { mergeTagRows, updateCategoryRow, updateTagRow } from './taxonomy-admin.repository.js'
import { findTagBySlug, findTagsByIds, listCategories } from './taxonomy.repository.js'
import { ancestorIds } from './taxonomy.service.js'

/** Change a section's name, description and parent (never under itself or its descendants). */
export async function updateSection(
  deps: Kernel,
  actor: Actor,
  input: { id: number; name: string; description: string; parentId: number | null },
): Promise<void> {
  requirePermission(actor, 'taxonomy.manage')
  await transact(deps, async (tx) => {
    await updateSectionIn(tx, input)
    await recordAudit(tx, actor, {
      action: 'section.update',
      subjectType: 'section',
      subjectId: input.id,
      details: { name: cleanLine(input.name).trim() },
    })
  })
}

async function updateSectionIn(
  deps: Kernel,
  input: { id: number; name: string; description: string; parentId: number | null },
): Promise<void> {
  const all = await listCategories(deps.db)
  const section = all.find((c) => c.id === input.id)
  if (!section) throw new AppError('CATEGORY_NOT_FOUND', 'There is no such section.')
  const name = cleanLine(input.name).trim()
  if (!name) throw validationError('name', 'a section needs a name')
  if (name.length > 200) throw validationError('name', 'a name must be at most 200 characters')
  if (input.parentId !== null) {
    if (!all.some((c) => c.id === input.parentId))
      throw new AppError('CATEGORY_NOT_FOUND', 'There is no such parent section.')
    if (input.parentId === input.id || ancestorIds(all, input.parentId).includes(input.id))
      throw validationError('parentId', 'a section cannot sit inside itself')
  }
  await updateCategoryRow(deps.db, input.id, {
    name,
    description: cleanText(input.description).trim(),
    parent_id: input.parentId,
  })
  deps.events.emit({ type: 'taxonomy.changed', kind: 'section', slugs: [section.slug] })
}

/** Move a section one place up or down among its siblings. */
export async function moveSection(
  deps: Kernel,
  actor: Actor,
  input: { id: number; direction: 'up' | 'down' },
): Promise<void> {
  requirePermission(actor, 'taxonomy.manage')
  await transact(deps, async (tx) => {
    await moveSectionIn(tx, input)
    await recordAudit(tx, actor, {
      action: 'section.update',
      subjectType: 'section',
      subjectId: input.id,
      details: { move: input.direction },
    })
  })
}

async function moveSectionIn(
  deps: Kernel,
  input: { id: number; direction: 'up' | 'down' },
): Promise<void> {
  const all = await listCategories(deps.db)
  const section = all.find((c) => c.id === input.id)
  if (!section) throw new AppError('CATEGORY_NOT_FOUND', 'There is no such section.')
  const siblings = all
    .filter((c) => c.parentId === section.parentId)
    .sort((a, b) => a.position - b.position || a.id - b.id)
  const from = siblings.findIndex((c) => c.id === section.id)
  const to = input.direction === 'up' ? from - 1 : from + 1
  if (to < 0 || to >= siblings.length) return
  const [moved] = siblings.splice(from, 1)
  if (moved) siblings.splice(to, 0, moved)
  for (const [position, c] of siblings.entries())
    if (c.position !== position) await updateCategoryRow(deps.db, c.id, { position })
  deps.events.emit({
    type: 'taxonomy.changed',
    kind: 'section',
    slugs: siblings.map((c) => c.slug),
  })
}

/** Rename a tag; its slug follows the name and the old tag page redirects to the new one. */
export async function renameTag(
  deps: Kernel,
  actor: Actor,
  input: { id: number; name: string },
): Promise<{ slug: string }> {
  requirePermission(actor, 'taxonomy.manage')
  return transact(deps, async (tx) => {
    const renamed = await renameTagIn(tx, input)
    await recordAudit(tx, actor, {
      action: 'tag.rename',
      subjectType: 'tag',
      subjectId: input.id,
      details: { name: cleanLine(input.name).trim(), slug: renamed.slug },
    })
    return renamed
  })
}

async function renameTagIn(
  deps: Kernel,
  input: { id: number; name: string },
): Promise<{ slug: string }> {
  const [tag] = await findTagsByIds(deps.db, [input.id])
  if (!tag) throw new AppError('TAG_NOT_FOUND', 'There is no such tag.')
  const name = cleanLine(input.name).trim()
  if (!name) throw validationError('name', 'a tag needs a name')
  const wanted = slugify(name)
  if (!wanted) throw validationError('name', 'a tag name needs letters or digits')
  const slug =
    wanted === tag.slug
      ? tag.slug
      : await uniqueSlug(
          wanted,
          async (s) => (await findTagBySlug(deps.db, s)) !== undefined,
          'tag',
        )
  await updateTagRow(deps.db, tag.id, { name, slug })
  if (slug !== tag.slug)
    await insertRedirectIfAbsent(
      deps.db,
      `/tag/${tag.slug}/`,
      `/tag/${slug}/`,
      deps.clock.now().getTime(),
    )
  deps.events.emit({ type: 'taxonomy.changed', kind: 'tag', slugs: [tag.slug, slug] })
  deps.events.emit({
    type: 'tag.changed',
    change: 'edited',
    tag: { id: tag.id, name, slug },
    before: { name: tag.name, slug: tag.slug },
  })
  return { slug }
}

/** Fold one tag into another: its articles get the other tag and its page redirects there. */
export async function mergeTags(
  deps: Kernel,
  actor: Actor,
  input: { fromId: number; intoId: number },
): Promise<void> {
  requirePermission(actor, 'taxonomy.manage')
  await transact(deps, async (tx) => {
    await mergeTagsIn(tx, input)
    await recordAudit(tx, actor, {
      action: 'tag.merge',
      subjectType: 'tag',
      subjectId: input.fromId,
      details: { intoId: input.intoId },
    })
  })
}

async function mergeTagsIn(deps: Kernel, input: { fromId: number; intoId: number }): Promise<void> {
  if (input.fromId === input.intoId) throw validationError('intoId', 'choose a different tag')
  const tags = await findTagsByIds(deps.db, [input.fromId, input.intoId])
  const from = tags.find((t) => t.id === input.fromId)
  const into = tags.find((t) => t.id === input.intoId)
  if (!from || !into) throw new AppError('TAG_NOT_FOUND', 'There is no such tag.')
  await mergeTagRows(deps.db, from.id, into.id)
  await insertRedirectIfAbsent(
    deps.db,
    `/tag/${from.slug}/`,
    `/tag/${into.slug}/`,
    deps.clock.now().getTime(),
  )
  deps.events.emit({ type: 'taxonomy.changed', kind: 'tag', slugs: [from.slug, into.slug] })
  deps.events.emit({
    type: 'tag.changed',
    change: 'deleted',
    tag: { id: from.id, name: from.name, slug: from.slug },
  })
}

const PATH = /^\/[^\s?#]*$/

/** Add (or repoint) a permanent redirect between two site paths. */
export async function addRedirect(
  deps: Kernel,
  actor: Actor,
  input: { fromPath: string; toPath: string },
): Promise<void> {
  requirePermission(actor, 'taxonomy.manage')
  const fromPath = input.fromPath.trim()
  const toPath = input.toPath.trim()
  if (!PATH.test(fromPath) || fromPath.startsWith('//') || fromPath.startsWith('/admin'))
    throw validationError('fromPath', 'the old path must start with / (and not /admin)')
  if (!(PATH.test(toPath) && !toPath.startsWith('//')) && !/^https?:\/\/\S+$/.test(toPath))
    throw validationError('toPath', 'the new address must be a path starting with / or a URL')
  if (fromPath === toPath) throw validationError('toPath', 'a redirect cannot point to itself')
  await transact(deps, async (tx) => {
    await insertRedirectIfAbsent(tx.db, fromPath, toPath, tx.clock.now().getTime())
    await recordAudit(tx, actor, {
      action: 'redirect.create',
      subjectType: 'redirect',
      details: { fromPath, toPath },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'page', slugs: [] })
  })
}

/** Remove a redirect by its old path. */
export async function removeRedirect(deps: Kernel, actor: Actor, fromPath: string): Promise<void> {
  requirePermission(actor, 'taxonomy.manage')
  await transact(deps, async (tx) => {
    if (!(await deleteRedirect(tx.db, fromPath)))
      throw new AppError('NOT_FOUND', 'There is no such redirect.')
    await recordAudit(tx, actor, {
      action: 'redirect.delete',
      subjectType: 'redirect',
      details: { fromPath },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'page', slugs: [] })
  })
}

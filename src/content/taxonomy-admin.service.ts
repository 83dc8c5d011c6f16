/**
 * Site management: edit and reorder sections, rename and merge tags (old tag URLs redirect),
 * and keep the redirect list. Every change announces `taxonomy.changed` so cached pages purge.
 */
import { AppError, validationError } from '../errors.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import type { ContentDeps } from './article.service.js'
import { deleteRedirect, insertRedirectIfAbsent } from './redirect.repository.js'
import {
  listTagsWithCounts,
  mergeTagRows,
  updateCategoryRow,
  updateTagRow,
} from './taxonomy-admin.repository.js'
import { findTagBySlug, findTagsByIds, listCategories } from './taxonomy.repository.js'
import { ancestorIds } from './taxonomy.service.js'

export { listTagsWithCounts }
export type { TagWithCount } from './taxonomy-admin.repository.js'

/** Change a section's name, description and parent (never under itself or its descendants). */
export async function updateSection(
  deps: ContentDeps,
  input: { id: number; name: string; description: string; parentId: number | null },
): Promise<void> {
  const all = await listCategories(deps.db)
  const section = all.find((c) => c.id === input.id)
  if (!section) throw new AppError('CATEGORY_NOT_FOUND', 'There is no such section.')
  const name = input.name.trim()
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
    description: input.description.trim(),
    parent_id: input.parentId,
  })
  deps.events?.emit({ type: 'taxonomy.changed', kind: 'section', slugs: [section.slug] })
}

/** Move a section one place up or down among its siblings. */
export async function moveSection(
  deps: ContentDeps,
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
  deps.events?.emit({
    type: 'taxonomy.changed',
    kind: 'section',
    slugs: siblings.map((c) => c.slug),
  })
}

/** Rename a tag; its slug follows the name and the old tag page redirects to the new one. */
export async function renameTag(
  deps: ContentDeps,
  input: { id: number; name: string },
): Promise<{ slug: string }> {
  const [tag] = await findTagsByIds(deps.db, [input.id])
  if (!tag) throw new AppError('TAG_NOT_FOUND', 'There is no such tag.')
  const name = input.name.trim()
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
  deps.events?.emit({ type: 'taxonomy.changed', kind: 'tag', slugs: [tag.slug, slug] })
  return { slug }
}

/** Fold one tag into another: its articles get the other tag and its page redirects there. */
export async function mergeTags(
  deps: ContentDeps,
  input: { fromId: number; intoId: number },
): Promise<void> {
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
  deps.events?.emit({ type: 'taxonomy.changed', kind: 'tag', slugs: [from.slug, into.slug] })
}

const PATH = /^\/[^\s?#]*$/

/** Add (or repoint) a permanent redirect between two site paths. */
export async function addRedirect(
  deps: ContentDeps,
  input: { fromPath: string; toPath: string },
): Promise<void> {
  const fromPath = input.fromPath.trim()
  const toPath = input.toPath.trim()
  if (!PATH.test(fromPath) || fromPath.startsWith('//') || fromPath.startsWith('/admin'))
    throw validationError('fromPath', 'the old path must start with / (and not /admin)')
  if (!(PATH.test(toPath) && !toPath.startsWith('//')) && !/^https?:\/\/\S+$/.test(toPath))
    throw validationError('toPath', 'the new address must be a path starting with / or a URL')
  if (fromPath === toPath) throw validationError('toPath', 'a redirect cannot point to itself')
  await insertRedirectIfAbsent(deps.db, fromPath, toPath, deps.clock.now().getTime())
  deps.events?.emit({ type: 'taxonomy.changed', kind: 'page', slugs: [] })
}

export async function removeRedirect(deps: ContentDeps, fromPath: string): Promise<void> {
  if (!(await deleteRedirect(deps.db, fromPath)))
    throw new AppError('NOT_FOUND', 'There is no such redirect.')
}

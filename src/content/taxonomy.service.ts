import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { cleanLine, cleanText } from '../text/clean-text.js'
import { slugify } from '../text/slug.js'
import type { ContentDeps } from './content-deps.js'
import {
  findCategoryBySlug,
  findTagBySlug,
  insertCategory,
  insertTag,
  isCategorySlugTaken,
  listCategories,
  type Category,
} from './taxonomy.repository.js'

/** Ids of a category's ancestors, nearest first. */
export function ancestorIds(all: Category[], id: number): number[] {
  const byId = new Map(all.map((c) => [c.id, c]))
  const out: number[] = []
  let parent = byId.get(id)?.parentId ?? null
  while (parent !== null && !out.includes(parent)) {
    out.push(parent)
    parent = byId.get(parent)?.parentId ?? null
  }
  return out
}

export interface CategoryInput {
  name: string
  slug?: string
  description?: string
  parentSlug?: string
  position?: number
}

/** Create a section (optionally under a parent, by slug). */
export async function createCategory(
  deps: Kernel,
  actor: Actor,
  input: CategoryInput,
): Promise<Category> {
  requirePermission(actor, 'taxonomy.manage')
  return transact(deps, async (tx) => {
    const section = await insertSection(tx, input)
    await recordAudit(tx, actor, {
      action: 'section.create',
      subjectType: 'section',
      subjectId: section.id,
      details: { slug: section.slug },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'section', slugs: [section.slug] })
    return section
  })
}

export async function insertSection(deps: ContentDeps, input: CategoryInput): Promise<Category> {
  const name = cleanLine(input.name).trim()
  if (!name || name.length > 200)
    throw validationError('name', 'section name must be 1 to 200 characters')
  const slug = slugify(input.slug ?? name)
  if (!slug) throw validationError('slug', 'slug must contain letters or digits')
  if (await isCategorySlugTaken(deps.db, slug)) {
    throw new AppError('SLUG_TAKEN', `a section with slug "${slug}" already exists`, {
      property: 'slug',
    })
  }
  let parentId: number | null = null
  if (input.parentSlug) {
    const parent = await findCategoryBySlug(deps.db, input.parentSlug)
    if (!parent)
      throw new AppError('CATEGORY_NOT_FOUND', `no section "${input.parentSlug}"`, {
        property: 'parentSlug',
      })
    parentId = parent.id
  }
  const position = input.position ?? (await listCategories(deps.db)).length
  const now = deps.clock.now().getTime()
  await insertCategory(
    deps.db,
    { name, slug, description: cleanText(input.description ?? ''), parentId, position },
    now,
  )
  const created = await findCategoryBySlug(deps.db, slug)
  if (!created) throw new AppError('CATEGORY_NOT_FOUND', `section ${slug} vanished after insert`)
  return created
}

/**
 * Tag ids for tag names, creating the tags that don't exist yet. Names are matched by slug.
 * With `deps.events`, each tag created is announced (`tag.changed`, added); imports pass none.
 */
export async function resolveTagNames(
  deps: ContentDeps & Partial<Pick<Kernel, 'events'>>,
  names: string[],
): Promise<number[]> {
  const ids: number[] = []
  for (const raw of names) {
    const name = cleanLine(raw).trim()
    if (!name) continue
    if (name.length > 100)
      throw validationError('tags', `tag "${name.slice(0, 20)}…" is longer than 100 characters`)
    const slug = slugify(name)
    if (!slug) throw validationError('tags', `tag "${name}" must contain letters or digits`)
    const existing = await findTagBySlug(deps.db, slug)
    let id = existing?.id
    if (id === undefined) {
      id = await insertTag(deps.db, name, slug, deps.clock.now().getTime())
      deps.events?.emit({ type: 'tag.changed', change: 'added', tag: { id, name, slug } })
    }
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}

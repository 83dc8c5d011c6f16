/**
 * Tags as things of their own: create one before any story carries it, change its name, slug
 * and description, or delete it (stories lose it; its page redirects nowhere and 404s). The
 * newsroom creates tags by naming them on a story; the Admin API also manages them directly.
 */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { cleanLine, cleanText } from '../text/clean-text.js'
import { slugify, uniqueSlug } from '../text/slug.js'
import { insertRedirectIfAbsent } from './redirect.repository.js'
import { deleteTagRow, updateTagRow } from './taxonomy-admin.repository.js'
import { findTagBySlug, findTagsByIds, insertTag, type Tag } from './taxonomy.repository.js'

export interface TagInput {
  name?: string
  slug?: string
  description?: string
}

const MAX_NAME = 100
const MAX_DESCRIPTION = 500

/** Create a tag. A taken slug gets a number (`economy-2`), as when a story names a new tag. */
export async function createTag(deps: Kernel, actor: Actor, input: TagInput): Promise<Tag> {
  requirePermission(actor, 'taxonomy.manage')
  const name = tagName(input.name)
  return transact(deps, async (tx) => {
    const slug = await freeSlug(tx, slugFrom(input.slug || name))
    const id = await insertTag(tx.db, name, slug, tx.clock.now().getTime())
    const description = tagDescription(input.description)
    if (description) await updateTagRow(tx.db, id, { description })
    await recordAudit(tx, actor, {
      action: 'tag.create',
      subjectType: 'tag',
      subjectId: id,
      details: { name, slug },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'tag', slugs: [slug] })
    return { id, name, slug, description }
  })
}

/** Change a tag's name, slug or description; a new slug leaves a redirect from the old page. */
export async function updateTag(
  deps: Kernel,
  actor: Actor,
  id: number,
  input: TagInput,
): Promise<Tag> {
  requirePermission(actor, 'taxonomy.manage')
  return transact(deps, async (tx) => {
    const [tag] = await findTagsByIds(tx.db, [id])
    if (!tag) throw new AppError('TAG_NOT_FOUND', 'There is no such tag.')
    const name = input.name !== undefined ? tagName(input.name) : tag.name
    const wanted = input.slug ? slugFrom(input.slug) : tag.slug
    const slug = wanted === tag.slug ? tag.slug : await freeSlug(tx, wanted)
    const description =
      input.description !== undefined ? tagDescription(input.description) : tag.description
    await updateTagRow(tx.db, id, { name, slug, description })
    if (slug !== tag.slug)
      await insertRedirectIfAbsent(
        tx.db,
        `/tag/${tag.slug}/`,
        `/tag/${slug}/`,
        tx.clock.now().getTime(),
      )
    await recordAudit(tx, actor, {
      action: 'tag.update',
      subjectType: 'tag',
      subjectId: id,
      details: { name, slug },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'tag', slugs: [...new Set([tag.slug, slug])] })
    return { id, name, slug, description }
  })
}

/** Delete a tag: every story that carried it loses it. */
export async function deleteTag(deps: Kernel, actor: Actor, id: number): Promise<void> {
  requirePermission(actor, 'taxonomy.manage')
  await transact(deps, async (tx) => {
    const [tag] = await findTagsByIds(tx.db, [id])
    if (!tag) throw new AppError('TAG_NOT_FOUND', 'There is no such tag.')
    const articleIds = await deleteTagRow(tx.db, id)
    await recordAudit(tx, actor, {
      action: 'tag.delete',
      subjectType: 'tag',
      subjectId: id,
      details: { name: tag.name, slug: tag.slug, articles: articleIds.length },
    })
    tx.events.emit({ type: 'taxonomy.changed', kind: 'tag', slugs: [tag.slug] })
  })
}

function tagName(raw: string | undefined): string {
  const name = cleanLine(raw ?? '').trim()
  if (!name) throw validationError('name', 'a tag needs a name')
  if (name.length > MAX_NAME)
    throw validationError('name', `a tag name must be at most ${MAX_NAME} characters`)
  return name
}

function tagDescription(raw: string | undefined): string {
  const description = cleanText(raw ?? '').trim()
  if (description.length > MAX_DESCRIPTION)
    throw validationError(
      'description',
      `a description must be at most ${MAX_DESCRIPTION} characters`,
    )
  return description
}

function slugFrom(text: string): string {
  const slug = slugify(text)
  if (!slug) throw validationError('slug', 'a slug needs letters or digits')
  return slug
}

function freeSlug(deps: Pick<Kernel, 'db'>, wanted: string): Promise<string> {
  return uniqueSlug(wanted, async (s) => (await findTagBySlug(deps.db, s)) !== undefined, 'tag')
}

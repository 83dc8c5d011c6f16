/**
 * @module admin-post-input
 * A Ghost Admin API post body (`{posts: [{…}]}`) as the content use cases' input: the fields,
 * sections and tags from Ghost's `tags` (a tag naming a section makes it the story's section),
 * bylines from `authors` (by id, slug or email), and the workflow step its `status` asks for.
 */
import { Type, type Static } from '@sinclair/typebox'
import {
  findUserByEmail,
  findUserById,
  findUserBySlug,
  listUsers,
  type Actor,
} from '../../auth/index.js'
import {
  listApiTags,
  listCategories,
  type ArticleInput,
  type ArticleStatus,
  type ArticleStep,
} from '../../content/index.js'
import type { Services } from '../../services.js'
import { featureImageId } from './feature-image.js'
import { GhostError } from './ghost-errors.js'

const Ref = Type.Union([
  Type.String({ maxLength: 200 }),
  Type.Object(
    {
      id: Type.Optional(Type.String({ maxLength: 64 })),
      name: Type.Optional(Type.String({ maxLength: 200 })),
      slug: Type.Optional(Type.String({ maxLength: 200 })),
      email: Type.Optional(Type.String({ maxLength: 320 })),
    },
    { additionalProperties: true },
  ),
])
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()])

export const GhostPostBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 2000 })),
    slug: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    html: Type.Optional(Nullable(Type.String({ maxLength: 5_000_000 }))),
    status: Type.Optional(
      Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('scheduled')]),
    ),
    published_at: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    updated_at: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    custom_excerpt: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    featured: Type.Optional(Type.Boolean()),
    meta_title: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    meta_description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    canonical_url: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    feature_image: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    feature_image_alt: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    feature_image_caption: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    tags: Type.Optional(Type.Array(Ref, { maxItems: 50 })),
    authors: Type.Optional(Type.Array(Ref, { maxItems: 20 })),
  },
  { additionalProperties: true },
)
export type GhostPostBody = Static<typeof GhostPostBody>

/** `{posts: [post]}`: Ghost's write envelope, one post at a time. */
export const GhostPostsBody = Type.Object({
  posts: Type.Array(GhostPostBody, { minItems: 1, maxItems: 1 }),
})

/** Ghost's statuses from ours: pending and archived stories are drafts to Ghost. */
export function ghostStatus(status: ArticleStatus): 'draft' | 'published' | 'scheduled' {
  if (status === 'published' || status === 'scheduled') return status
  return 'draft'
}

/** The fields of `body` that were given, as an article edit. */
export async function articleInput(
  services: Services,
  body: GhostPostBody,
  options: { sourceHtml: boolean; actor: Actor; publicUrl: string },
): Promise<Partial<ArticleInput>> {
  const input: Partial<ArticleInput> = {}
  if (body.title !== undefined) input.title = body.title
  if (body.slug) input.slug = body.slug
  // Like Ghost, `html` counts only with ?source=html; it is sanitized on save.
  if (options.sourceHtml && typeof body.html === 'string') input.bodyHtml = body.html
  if (body.custom_excerpt !== undefined) input.standfirst = body.custom_excerpt ?? ''
  if (body.featured !== undefined) input.isFeatured = body.featured
  if (body.meta_title !== undefined) input.seoTitle = body.meta_title ?? ''
  if (body.meta_description !== undefined) input.seoDescription = body.meta_description ?? ''
  if (body.canonical_url !== undefined) input.canonicalUrl = body.canonical_url ?? ''
  if (body.feature_image_alt !== undefined) input.featuredAlt = body.feature_image_alt ?? ''
  if (body.feature_image_caption !== undefined)
    input.featuredCaption = body.feature_image_caption ?? ''
  if (body.feature_image !== undefined)
    input.featuredMediaId = await featureImageId(services, options.actor, {
      url: body.feature_image,
      alt: body.feature_image_alt ?? '',
      publicUrl: options.publicUrl,
    })
  if (body.tags) Object.assign(input, await sectionsAndTags(services, body.tags))
  if (body.authors) input.authorIds = await resolveAuthorIds(services, body.authors)
  return input
}

type RefValue = GhostPostBody['tags'] extends (infer R)[] | undefined ? R : never

async function sectionsAndTags(
  services: Services,
  refs: RefValue[],
): Promise<Pick<ArticleInput, 'primaryCategoryId' | 'categoryIds' | 'tags'>> {
  const sections = await listCategories(services)
  const byId = refs.some((r) => typeof r !== 'string' && r.id && /^\d+$/.test(r.id))
    ? new Map(
        (await listApiTags(services)).filter((t) => t.kind === 'tag').map((t) => [String(t.id), t]),
      )
    : new Map<string, { name: string }>()
  const categoryIds: number[] = []
  const tags: string[] = []
  for (const ref of refs) {
    const { id, name, slug } = typeof ref === 'string' ? { name: ref } : ref
    const known = id !== undefined ? byId.get(id) : undefined
    if (known) {
      tags.push(known.name)
      continue
    }
    if (id !== undefined && /^\d+$/.test(id) && !name && !slug)
      throw new GhostError('ValidationError', `No tag has the id ${id}.`, { property: 'tags' })
    const section = sections.find(
      (s) =>
        (id !== undefined && id === `s${s.id}`) ||
        (slug !== undefined && s.slug === slug) ||
        (name !== undefined && s.name.toLowerCase() === name.toLowerCase()),
    )
    if (section) categoryIds.push(section.id)
    else if (name ?? slug) tags.push((name ?? slug)!)
    else throw new GhostError('ValidationError', 'Each tag needs a name or a slug.')
  }
  return { primaryCategoryId: categoryIds[0] ?? null, categoryIds, tags }
}

/** Users for Ghost author references: by id, slug, email or name (a bare string is an email or a name). */
export async function resolveAuthorIds(services: Services, refs: RefValue[]): Promise<number[]> {
  const ids: number[] = []
  for (const ref of refs) {
    const { id, slug, email, name } =
      typeof ref === 'string' ? { id: undefined, slug: undefined, email: ref, name: ref } : ref
    const user =
      (id && /^\d+$/.test(id) ? await findUserById(services, Number(id)) : undefined) ??
      (slug ? await findUserBySlug(services, slug) : undefined) ??
      (email ? await findUserByEmail(services, email) : undefined) ??
      (name
        ? (await listUsers(services)).find(
            (u) => u.name.toLowerCase() === name.trim().toLowerCase(),
          )
        : undefined)
    if (!user)
      throw new GhostError('ValidationError', `No user matches author ${JSON.stringify(ref)}.`, {
        property: 'authors',
      })
    ids.push(user.id)
  }
  return ids
}

/** The step that takes a story from `current` to the asked `status`, if any. */
export function stepFor(
  current: ArticleStatus | null,
  wanted: GhostPostBody['status'],
): ArticleStep | undefined {
  if (!wanted || (current && ghostStatus(current) === wanted)) return undefined
  if (wanted === 'published') return 'publish'
  if (wanted === 'scheduled') return 'schedule'
  return current === 'published' || current === 'scheduled' ? 'unpublish' : undefined
}

/** The go-live time a scheduled post asks for. */
export function publishAtOf(body: GhostPostBody): Date | undefined {
  if (!body.published_at) return undefined
  const time = Date.parse(body.published_at)
  if (Number.isNaN(time))
    throw new GhostError('ValidationError', 'published_at must be a date.', {
      property: 'published_at',
    })
  return new Date(time)
}

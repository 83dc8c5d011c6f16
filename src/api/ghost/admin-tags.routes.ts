/**
 * The Admin API's tags: browse, read, add, edit, delete, in Ghost 5's shape. Sections are tags
 * here too (ids `s<n>`): they can be read and renamed, never deleted through the API.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type Static } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import {
  createTag,
  deleteTag,
  listApiTags,
  listCategories,
  updateSection,
  updateTag,
  type ApiTagRow,
} from '../../content/index.js'
import type { AdminResourceOptions } from './admin-resource.js'
import { GhostError } from './ghost-errors.js'
import { fieldsOption, inMemoryList, readOne } from './ghost-lists.js'
import { GhostQuery, listOption } from './ghost-params.js'
import {
  ghostDate,
  serializeTag,
  tagId,
  type GhostObject,
  type SerializeContext,
} from './ghost-serializers.js'

const Nullable = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()])

export const GhostTagBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    slug: Type.Optional(Nullable(200)),
    description: Type.Optional(Nullable(1000)),
  },
  { additionalProperties: true },
)
type GhostTagBody = Static<typeof GhostTagBody>

/** `{tags: [tag]}`: Ghost's write envelope, one tag at a time. */
export const GhostTagsBody = Type.Object({
  tags: Type.Array(GhostTagBody, { minItems: 1, maxItems: 1 }),
})

const TAG_FIELDS = ['id', 'slug', 'name', 'visibility'] as const
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) })
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) })

/** Tags under the Admin API prefix (registered inside it, so its token check applies). */
export const adminTagRoutes: FastifyPluginAsync<AdminResourceOptions> = async (plain, options) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>()
  const { services, context, actorOf } = options

  const browse = async (query: GhostQuery) => {
    const include = listOption('include', query.include, ['count.posts'])
    const ctx = await context()
    const entries = (await listApiTags(services)).map((tag) => ({
      record: { id: tagId(tag), slug: tag.slug, name: tag.name, visibility: 'public' },
      object: adminTag(ctx, tag, include.has('count.posts')),
    }))
    return inMemoryList('tags', entries, query, TAG_FIELDS, {
      fields: fieldsOption(query),
      keep: include.has('count.posts') ? ['count'] : [],
    })
  }
  const one = async (id: string) => {
    const ctx = await context()
    const tag = (await listApiTags(services)).find((t) => tagId(t) === id)
    if (!tag) throw new GhostError('NotFoundError', 'Tag not found.')
    return { tags: [adminTag(ctx, tag, false)] }
  }

  app.get('/tags/', { schema: { querystring: GhostQuery } }, async (request) => {
    actorOf(request)
    return browse(request.query)
  })
  app.get(
    '/tags/:id/',
    { schema: { querystring: GhostQuery, params: IdParams } },
    async (request) => {
      actorOf(request)
      return readOne('tags', await browse(request.query), (t) => t.id === request.params.id)
    },
  )
  app.get(
    '/tags/slug/:slug/',
    { schema: { querystring: GhostQuery, params: SlugParams } },
    async (request) => {
      actorOf(request)
      return readOne('tags', await browse(request.query), (t) => t.slug === request.params.slug)
    },
  )

  app.post('/tags/', { schema: { body: GhostTagsBody } }, async (request, reply) => {
    const body = request.body.tags[0]!
    if (!body.name?.trim())
      throw new GhostError('ValidationError', 'Value in [tags.name] cannot be blank.', {
        property: 'name',
      })
    const tag = await createTag(services, actorOf(request), tagInput(body))
    reply.status(201)
    return one(String(tag.id))
  })

  app.put('/tags/:id/', { schema: { params: IdParams, body: GhostTagsBody } }, async (request) => {
    const who = actorOf(request)
    const body = request.body.tags[0]!
    const { id } = request.params
    const section = /^s([1-9][0-9]{0,14})$/.exec(id)
    if (section) {
      const current = (await listCategories(services)).find((c) => c.id === Number(section[1]))
      if (!current) throw new GhostError('NotFoundError', 'Tag not found.')
      await updateSection(services, who, {
        id: current.id,
        name: body.name ?? current.name,
        description: body.description ?? current.description,
        parentId: current.parentId,
      })
    } else {
      await updateTag(services, who, numericId(id), tagInput(body))
    }
    return one(id)
  })

  app.delete('/tags/:id/', { schema: { params: IdParams } }, async (request, reply) => {
    const who = actorOf(request)
    if (/^s\d+$/.test(request.params.id))
      throw new GhostError(
        'ValidationError',
        'This tag is a section of the site; sections are not deleted through the API.',
      )
    await deleteTag(services, who, numericId(request.params.id))
    return reply.status(204).send()
  })
}

function tagInput(body: GhostTagBody) {
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.slug ? { slug: body.slug } : {}),
    ...(body.description !== undefined ? { description: body.description ?? '' } : {}),
  }
}

function numericId(text: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(text)) throw new GhostError('NotFoundError', 'Tag not found.')
  return Number(text)
}

function adminTag(ctx: SerializeContext, tag: ApiTagRow, withCount: boolean): GhostObject {
  return {
    ...serializeTag(ctx, tag, withCount),
    created_at: ghostDate(tag.createdAt),
    updated_at: ghostDate(tag.createdAt),
  }
}

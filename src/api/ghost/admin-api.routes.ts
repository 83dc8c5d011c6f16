/**
 * Ghost's Admin API at `/ghost/api/admin/` (and the legacy versioned prefixes), enough for
 * `@tryghost/admin-api` scripts: posts and pages (browse, read, add, edit with Ghost's
 * `updated_at` collision check, delete), tags, users (read), image uploads, webhooks (add, edit,
 * delete) and the site. Every call carries a
 * token signed with an integration's Admin API key and acts as that integration, with its role,
 * through the same use cases and permission matrix as the newsroom.
 */
import fastifyMultipart from '@fastify/multipart'
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { listUsers, type Actor, type User } from '../../auth/index.js'
import type { Config } from '../../config.js'
import {
  API_FILTER_FIELDS,
  API_ORDER_FIELDS,
  browseApiPosts,
  createArticle,
  deleteArticle,
  findApiPost,
  findNewsroomArticle,
  saveArticle,
  stepArticle,
  type ApiFilter,
  type ApiPost,
} from '../../content/index.js'
import { findIntegrationByAdminKeyId, integrationActor } from '../../integrations/index.js'
import { MAX_UPLOAD_BYTES, uploadImage } from '../../media/index.js'
import { findSettings } from '../../settings/index.js'
import type { Services } from '../../services.js'
import {
  articleInput,
  ghostStatus,
  GhostPostsBody,
  publishAtOf,
  stepFor,
} from './admin-post-input.js'
import { adminPageRoutes } from './admin-pages.routes.js'
import { adminTagRoutes } from './admin-tags.routes.js'
import { tokenKeyId, verifyAdminToken } from './admin-token.js'
import { adminWebhookRoutes } from './admin-webhooks.routes.js'
import { GhostError, useGhostErrors } from './ghost-errors.js'
import { GhostQuery, limitOption, listOption, orderOption, pagination } from './ghost-params.js'
import {
  ghostDate,
  pickFields,
  serializeAuthor,
  serializePost,
  type GhostObject,
  type SerializeContext,
} from './ghost-serializers.js'
import { parseNqlFilter } from './nql-filter.js'

export interface AdminApiOptions {
  services: Services
  config: Pick<Config, 'publicUrl' | 'apiRateLimit'>
  /** Where the Content API counts requests (Redis shared by the nodes); this process by default. */
  rateLimitStore?: FastifyRateLimitStoreCtor | undefined
}

export const ADMIN_API_PREFIXES = [
  '/ghost/api/admin',
  '/ghost/api/v2/admin',
  '/ghost/api/v3/admin',
  '/ghost/api/v4/admin',
  '/ghost/api/canary/admin',
]

declare module 'fastify' {
  interface FastifyRequest {
    /** The integration an Admin API call acts as (set by the token check). */
    ghostActor: Actor | null
  }
}

/** Register the Admin API under every prefix. */
export const adminApiRoutes: FastifyPluginAsync<AdminApiOptions> = async (app, options) => {
  app.decorateRequest('ghostActor', null)
  for (const prefix of ADMIN_API_PREFIXES) await app.register(adminApi, { ...options, prefix })
}

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) })
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) })
const WriteQuery = Type.Object(
  { source: Type.Optional(Type.Literal('html')) },
  { additionalProperties: true },
)

const adminApi: FastifyPluginAsync<AdminApiOptions> = async (plain, { services, config }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>()
  useGhostErrors(app)
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('cache-control', 'no-cache, private, no-store, must-revalidate, max-stale=0')
    reply.header('content-version', 'v5.0')
    if (request.url.split('?')[0]!.endsWith('/site/')) return
    request.ghostActor = await authenticate(services, request.headers.authorization)
  })

  const context = async (): Promise<SerializeContext> => ({
    publicUrl: config.publicUrl,
    timeZone: (await findSettings(services)).timeZone,
  })
  const actor = (request: FastifyRequest): Actor => {
    if (!request.ghostActor) throw new GhostError('UnauthorizedError', 'Authorization failed')
    return request.ghostActor
  }
  const sendPost = async (post: ApiPost | undefined, formats: Set<string>) => {
    if (!post) throw new GhostError('NotFoundError', 'Post not found.')
    return { posts: [adminPost(await context(), post, formats)] }
  }

  app.get('/site/', async () => {
    const settings = await findSettings(services)
    return {
      site: {
        title: settings.title,
        description: settings.description,
        logo: settings.logoUrl ? new URL(settings.logoUrl, config.publicUrl).toString() : null,
        icon: settings.faviconUrl
          ? new URL(settings.faviconUrl, config.publicUrl).toString()
          : null,
        accent_color: null,
        locale: settings.locale,
        url: `${config.publicUrl}/`,
        version: '5.0',
      },
    }
  })

  app.get('/posts/', { schema: { querystring: GhostQuery } }, async (request) => {
    const query = request.query
    const limit = limitOption(query.limit)
    const page = query.page ?? 1
    const filter = query.filter
      ? (parseNqlFilter(query.filter, API_FILTER_FIELDS) as ApiFilter)
      : undefined
    const order = orderOption(query.order, API_ORDER_FIELDS) ?? [
      { field: 'updated_at' as const, direction: 'desc' as const },
    ]
    const { total, batches } = await browseApiPosts(services, {
      filter,
      order,
      limit: limit === 'all' ? 'all' : limit,
      page,
      audience: 'staff',
    })
    const ctx = await context()
    const formats = formatsOf(query)
    const fields = listOption('fields', query.fields, null)
    const posts: GhostObject[] = []
    for await (const batch of batches)
      for (const post of batch) posts.push(pickFields(adminPost(ctx, post, formats), fields))
    return { posts, meta: { pagination: pagination(total, page, limit) } }
  })

  app.get(
    '/posts/:id/',
    { schema: { querystring: GhostQuery, params: IdParams } },
    async (request) => {
      const id = numericId(request.params.id)
      return sendPost(
        id ? await findApiPost(services, { id }, 'staff') : undefined,
        formatsOf(request.query),
      )
    },
  )
  app.get(
    '/posts/slug/:slug/',
    { schema: { querystring: GhostQuery, params: SlugParams } },
    async (request) =>
      sendPost(
        await findApiPost(services, { slug: request.params.slug }, 'staff'),
        formatsOf(request.query),
      ),
  )

  app.post(
    '/posts/',
    { schema: { querystring: WriteQuery, body: GhostPostsBody } },
    async (request, reply) => {
      const body = request.body.posts[0]!
      const who = actor(request)
      // Before anything is fetched or stored (a feature image), as Ghost checks it first.
      if (!body.title?.trim())
        throw new GhostError('ValidationError', 'Value in [posts.title] cannot be blank.', {
          property: 'title',
        })
      const input = await articleInput(services, body, {
        sourceHtml: request.query.source === 'html',
        actor: who,
        publicUrl: config.publicUrl,
      })
      if (!input.authorIds?.length) input.authorIds = await defaultByline(services)
      const then = stepFor(null, body.status)
      const created = await createArticle(
        services,
        who,
        { ...input, title: input.title ?? body.title },
        {
          ...(then ? { then } : {}),
          ...(then === 'schedule' ? { publishAt: publishAtOf(body) } : {}),
        },
      )
      reply.status(201)
      return sendPost(await findApiPost(services, { id: created.id }, 'staff'), new Set(['html']))
    },
  )

  app.put(
    '/posts/:id/',
    { schema: { querystring: WriteQuery, params: IdParams, body: GhostPostsBody } },
    async (request) => {
      const id = numericId(request.params.id)
      const current = id ? await findNewsroomArticle(services, id) : undefined
      if (!id || !current || current.status === 'archived')
        throw new GhostError('NotFoundError', 'Post not found.')
      const body = request.body.posts[0]!
      if (!body.updated_at)
        throw new GhostError(
          'ValidationError',
          'Validation error, cannot edit post. updated_at is required.',
          { property: 'updated_at' },
        )
      if (Date.parse(body.updated_at) !== current.updatedAt.getTime())
        throw new GhostError(
          'UpdateCollisionError',
          'Saving failed! Someone else is editing this post.',
        )
      const who = actor(request)
      const input = await articleInput(services, body, {
        sourceHtml: request.query.source === 'html',
        actor: who,
        publicUrl: config.publicUrl,
      })
      const then = stepFor(current.status, body.status)
      const publishAt = then === 'schedule' ? publishAtOf(body) : undefined
      // Unpublishing ignores edits in one call: save the words first, then take the step.
      if (then === 'unpublish') {
        await saveArticle(services, who, id, { input, expectedVersion: current.version })
        await stepArticle(services, who, id, 'unpublish')
      } else {
        await saveArticle(services, who, id, {
          input,
          expectedVersion: current.version,
          ...(then ? { then } : {}),
          ...(publishAt ? { publishAt } : {}),
        })
      }
      return sendPost(await findApiPost(services, { id }, 'staff'), new Set(['html']))
    },
  )

  // Deleting through the API deletes, as Ghost does and as the newsroom's Delete does.
  app.delete('/posts/:id/', { schema: { params: IdParams } }, async (request, reply) => {
    const id = numericId(request.params.id)
    const current = id ? await findNewsroomArticle(services, id) : undefined
    if (!id || !current || current.status === 'archived')
      throw new GhostError('NotFoundError', 'Post not found.')
    await deleteArticle(services, actor(request), id)
    return reply.status(204).send()
  })

  await app.register(adminPageRoutes, { services, context, actorOf: actor })
  await app.register(adminTagRoutes, { services, context, actorOf: actor })

  app.get('/users/', { schema: { querystring: GhostQuery } }, async (request) => {
    actor(request)
    const ctx = await context()
    const users = (await listUsers(services)).map((u) => adminUser(ctx, u))
    return { users, meta: { pagination: pagination(users.length, 1, 'all') } }
  })
  app.get('/users/:id/', { schema: { params: IdParams } }, async (request) => {
    actor(request)
    return oneUser(
      await context(),
      await listUsers(services),
      (u) => String(u.id) === request.params.id,
    )
  })
  app.get('/users/slug/:slug/', { schema: { params: SlugParams } }, async (request) => {
    actor(request)
    return oneUser(
      await context(),
      await listUsers(services),
      (u) => u.slug === request.params.slug,
    )
  })

  await app.register(adminWebhookRoutes, { services, actor })

  app.post('/images/upload/', async (request, reply) => {
    const who = actor(request)
    if (!request.isMultipart())
      throw new GhostError('ValidationError', 'Please select an image.', { status: 400 })
    const file = await request.file()
    if (!file) throw new GhostError('ValidationError', 'Please select an image.', { status: 400 })
    const bytes = await file.toBuffer()
    const refField = file.fields.ref
    const ref =
      refField && !Array.isArray(refField) && 'value' in refField ? String(refField.value) : null
    const media = await uploadImage(services, who, { filename: file.filename || 'upload', bytes })
    reply.status(201)
    return { images: [{ url: new URL(media.url, `${config.publicUrl}/`).toString(), ref }] }
  })
}

async function authenticate(services: Services, header: string | undefined): Promise<Actor> {
  const match = /^Ghost\s+(\S+)$/.exec(header ?? '')
  if (!match)
    throw new GhostError(
      'UnauthorizedError',
      'Authorization header format is "Authorization: Ghost [token]"',
    )
  const token = match[1]!
  const keyId = tokenKeyId(token)
  const integration = keyId ? await findIntegrationByAdminKeyId(services, keyId) : undefined
  if (!integration) throw new GhostError('UnauthorizedError', 'Unknown Admin API Key')
  const check = verifyAdminToken(token, integration.adminSecret, Date.now())
  if (!check.ok) throw new GhostError('UnauthorizedError', `Invalid token: ${check.reason}`)
  return integrationActor(integration)
}

/** A story as the Admin API (and webhooks) show it: with its status, tags and authors. */
export function adminPost(ctx: SerializeContext, post: ApiPost, formats: Set<string>): GhostObject {
  return {
    ...serializePost(ctx, post, { include: new Set(['tags', 'authors']), formats }),
    status: ghostStatus(post.status),
    lexical: null,
    mobiledoc: null,
    updated_at: ghostDate(post.updatedAt),
  }
}

function adminUser(ctx: SerializeContext, user: User): GhostObject {
  return {
    ...serializeAuthor(ctx, { ...user, website: user.social.website ?? null, postCount: 0 }, false),
    email: user.email,
    status: 'active',
    roles: [{ name: user.role[0]!.toUpperCase() + user.role.slice(1) }],
    created_at: ghostDate(user.createdAt),
  }
}

function oneUser(ctx: SerializeContext, users: User[], test: (u: User) => boolean) {
  const user = users.find(test)
  if (!user) throw new GhostError('NotFoundError', 'User not found.')
  return { users: [adminUser(ctx, user)] }
}

/**
 * A story from an integration needs a byline: the site's owner, as in Ghost. A site without one
 * yet (the demo newsroom, an import) falls back to the most senior active person, so every
 * post still has the `primary_author` front-ends rely on.
 */
async function defaultByline(services: Services): Promise<number[]> {
  const active = (await listUsers(services)).filter((u) => u.deactivatedAt === null)
  for (const role of ['owner', 'admin', 'editor', 'author', 'contributor'] as const) {
    const person = active.find((u) => u.role === role)
    if (person) return [person.id]
  }
  return []
}

function formatsOf(query: GhostQuery): Set<string> {
  const formats = listOption('formats', query.formats, [
    'html',
    'plaintext',
    'mobiledoc',
    'lexical',
  ])
  return formats.size > 0 ? formats : new Set(['html'])
}

function numericId(text: string): number | undefined {
  return /^[1-9][0-9]{0,14}$/.test(text) ? Number(text) : undefined
}

/**
 * Ghost's Content API, read-only, at `/ghost/api/content/` and the legacy versioned prefixes:
 * posts, pages, tags (sections first), authors, settings, tiers, newsletters and offers, in
 * Ghost 5's shapes, so `@tryghost/content-api` and Ghost front-ends work unchanged. A request
 * needs an integration's Content API key (`?key=`).
 */
import { Readable } from 'node:stream'
import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { cacheTag } from '../../cache/cache-tags.js'
import type { Config } from '../../config.js'
import {
  API_FILTER_FIELDS,
  API_ORDER_FIELDS,
  browseApiPosts,
  findApiPost,
  listApiAuthors,
  listApiStaticPages,
  listApiTags,
  loadApiPostBatches,
  pageApiPostIds,
  type ApiFilter,
  type ApiPost,
} from '../../content/index.js'
import { findIntegrationByContentKey } from '../../integrations/index.js'
import { findMenuItems, findSettings } from '../../settings/index.js'
import type { Services } from '../../services.js'
import { GhostError, sendGhostError, useGhostErrors } from './ghost-errors.js'
import { GhostQuery, limitOption, listOption, orderOption, pagination } from './ghost-params.js'
import { fieldsOption, inMemoryList, readOne } from './ghost-lists.js'
import {
  pickFields,
  postJsonText,
  serializeAuthor,
  serializePage,
  serializePost,
  serializeSettings,
  serializeTag,
  tagId,
  writtenLinks,
  type GhostObject,
  type SerializeContext,
} from './ghost-serializers.js'
import { parseNqlFilter } from './nql-filter.js'
import type { PostJsonMemo } from './post-json-memo.js'

export interface ContentApiOptions {
  services: Services
  config: Pick<Config, 'publicUrl' | 'apiRateLimit'>
  /** Where requests are counted (Redis shared by the nodes); this process's memory by default. */
  rateLimitStore?: FastifyRateLimitStoreCtor | undefined
  /**
   * Keeps values (list totals, the site's time zone) until the next write anywhere drops them:
   * the reader site's memo, cleared by every page-cache purge. Absent: every request reads.
   */
  remember?: (<T>(key: string, load: () => Promise<T>) => Promise<T>) | undefined
  /**
   * Posts as JSON kept between requests, cleared with `remember`'s values: a browse loads and
   * serializes only the posts of its page not held there. Absent: every request loads them all.
   */
  postJson?: PostJsonMemo | undefined
}

/** Ghost 5 serves the unversioned path and, for older clients, these. */
export const CONTENT_API_PREFIXES = [
  '/ghost/api/content',
  '/ghost/api/v2/content',
  '/ghost/api/v3/content',
  '/ghost/api/v4/content',
  '/ghost/api/canary/content',
]

const CONTENT_VERSION = 'v5.0'

/** Register the Content API under every prefix. */
export const contentApiRoutes: FastifyPluginAsync<ContentApiOptions> = async (app, options) => {
  for (const prefix of CONTENT_API_PREFIXES) await app.register(contentApi, { ...options, prefix })
}

const LIST = { schema: { querystring: GhostQuery } }
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) })
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) })

const contentApi: FastifyPluginAsync<ContentApiOptions> = async (
  plain,
  { services, config, rateLimitStore, remember, postJson },
) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>()
  useGhostErrors(app)
  // Per key (per address without one); 429 with Retry-After in Ghost's envelope.
  await app.register(fastifyRateLimit, {
    max: config.apiRateLimit,
    timeWindow: 60_000,
    ...(rateLimitStore && { store: rateLimitStore }),
    keyGenerator: (request) => {
      const key = (request.query as { key?: unknown }).key
      return typeof key === 'string' ? `key:${key.slice(0, 64)}` : `ip:${request.ip}`
    },
    errorResponseBuilder: (_request, context) =>
      new GhostError('TooManyRequestsError', `Too many requests: try again in ${context.after}.`),
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*')
    reply.header('vary', 'Accept-Version, Accept-Encoding')
    reply.header('content-version', CONTENT_VERSION)
    if (request.method === 'OPTIONS') return
    const key = (request.query as { key?: unknown }).key
    const found =
      typeof key === 'string' && /^[0-9a-f]{26,64}$/.test(key)
        ? await findIntegrationByContentKey(services, key)
        : undefined
    if (!found)
      return sendGhostError(
        reply,
        new GhostError('NoPermissionError', 'Authorization failed', {
          context:
            'Unable to determine the authenticated member or integration. Check the supplied Content API Key and ensure cookies are being passed through if member auth is failing.',
        }),
      )
  })
  // Every answer goes into the page cache, purged with the `api` tag by any change readers
  // would see and by any key change (a fresh hit never re-checks its key).
  app.addHook('preHandler', async (request) => {
    if (request.method === 'GET') request.cacheTags(cacheTag.api)
  })
  app.options('/*', async (_request, reply) =>
    reply
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'Accept-Version, Content-Type')
      .header('access-control-max-age', '86400')
      .status(204)
      .send(),
  )

  const settings = () =>
    remember ? remember('settings', () => findSettings(services)) : findSettings(services)
  const context = async (): Promise<SerializeContext> => ({
    publicUrl: config.publicUrl,
    timeZone: (await settings()).timeZone,
  })
  const byId = { schema: { querystring: GhostQuery, params: IdParams } }
  const bySlug = { schema: { querystring: GhostQuery, params: SlugParams } }

  // Posts
  app.get('/posts/', LIST, async (request, reply) => browsePosts(request.query, reply))
  app.get('/posts/:id/', byId, async (request) =>
    readPost(request.query, { id: request.params.id }),
  )
  app.get('/posts/slug/:slug/', bySlug, async (request) =>
    readPost(request.query, { slug: request.params.slug }),
  )

  async function browsePosts(query: GhostQuery, reply: FastifyReply) {
    const limit = limitOption(query.limit)
    const page = query.page ?? 1
    const options = postOptions(query)
    const filter = query.filter
      ? (parseNqlFilter(query.filter, API_FILTER_FIELDS) as ApiFilter)
      : undefined
    const order = orderOption(query.order, API_ORDER_FIELDS)
    reply.type('application/json; charset=utf-8')
    if (limit !== 'all') {
      const { total, ids } = await pageApiPostIds(
        services,
        { filter, order, limit, page },
        { rememberTotal: remember },
      )
      const posts = await postsAsJson(ids, options)
      const meta = { pagination: pagination(total, page, limit) }
      // The same text streamList writes, as bytes (the posts are encoded once, maybe held).
      const parts: Buffer[] = [Buffer.from('{"posts":[')]
      for (const [i, post] of posts.entries()) parts.push(...(i > 0 ? [COMMA, post] : [post]))
      parts.push(Buffer.from(`],"meta":${JSON.stringify(meta)}}`))
      return reply.send(Buffer.concat(parts))
    }
    const { total, batches } = await browseApiPosts(
      services,
      { filter, order, limit, page },
      { rememberTotal: remember },
    )
    const ctx = await context()
    const meta = { pagination: pagination(total, page, limit) }
    const objects = mapBatches(batches, (post) =>
      pickFields(serializePost(ctx, post, options), options.fields, options.keep),
    )
    return reply.send(Readable.from(streamList('posts', objects, meta)))
  }

  /**
   * The posts of `ids` as JSON bytes, in order: those `postJson` holds from there, the rest
   * loaded and serialized (and kept there when there is a memo).
   */
  async function postsAsJson(
    ids: number[],
    options: ReturnType<typeof postOptions>,
  ): Promise<Buffer[]> {
    const memo = postJson
    const variant = postVariant(options)
    const json = new Map<number, Buffer>()
    const missing: number[] = []
    for (const id of ids) {
      const held = memo?.get(`${id}${variant}`)
      if (held === undefined) missing.push(id)
      else json.set(id, held)
    }
    if (missing.length > 0) {
      const mark = memo?.mark() ?? 0
      const ctx = await context()
      // Written as text, links once per load; with `fields`, as objects (the client orders keys).
      const written = writtenLinks()
      const write = (post: ApiPost) =>
        options.fields
          ? JSON.stringify(
              pickFields(serializePost(ctx, post, options), options.fields, options.keep),
            )
          : postJsonText(ctx, post, options, written)
      for await (const batch of loadApiPostBatches(services, missing))
        for (const post of batch) {
          const text = Buffer.from(write(post))
          memo?.set(`${post.id}${variant}`, text, mark)
          json.set(post.id, text)
        }
    }
    return ids.flatMap((id) => json.get(id) ?? [])
  }

  async function readPost(query: GhostQuery, by: { id: string } | { slug: string }) {
    const options = postOptions(query)
    const key = 'id' in by ? numericId(by.id) : { slug: by.slug }
    const post = key ? await findApiPost(services, key) : undefined
    if (!post) throw new GhostError('NotFoundError', 'Post not found.')
    const ctx = await context()
    return { posts: [pickFields(serializePost(ctx, post, options), options.fields, options.keep)] }
  }

  // Pages
  app.get('/pages/', LIST, async (request) => browsePages(request.query))
  app.get('/pages/:id/', byId, async (request) =>
    readOne('pages', await browsePages(request.query), (p) => p.id === request.params.id),
  )
  app.get('/pages/slug/:slug/', bySlug, async (request) =>
    readOne('pages', await browsePages(request.query), (p) => p.slug === request.params.slug),
  )

  async function browsePages(query: GhostQuery) {
    const options = postOptions(query)
    const ctx = await context()
    const pages = (await listApiStaticPages(services)).map((page) => ({
      record: {
        id: String(page.id),
        slug: page.slug,
        title: page.title,
        featured: false,
        visibility: 'public',
        published_at: (page.publishedAt ?? page.createdAt).getTime(),
        updated_at: page.updatedAt.getTime(),
        created_at: page.createdAt.getTime(),
      },
      object: serializePage(ctx, page, options),
    }))
    return inMemoryList('pages', pages, query, PAGE_FIELDS, { ...options, orderFields: PAGE_ORDER })
  }

  // Tags: sections and tags together
  app.get('/tags/', LIST, async (request) => browseTags(request.query))
  app.get('/tags/:id/', byId, async (request) =>
    readOne('tags', await browseTags(request.query), (t) => t.id === request.params.id),
  )
  app.get('/tags/slug/:slug/', bySlug, async (request) =>
    readOne('tags', await browseTags(request.query), (t) => t.slug === request.params.slug),
  )

  async function browseTags(query: GhostQuery) {
    const include = listOption('include', query.include, ['count.posts'])
    const ctx = await context()
    const tags = (await listApiTags(services)).map((tag) => ({
      record: {
        id: tagId(tag),
        slug: tag.slug,
        name: tag.name,
        visibility: 'public',
        'count.posts': tag.postCount,
      },
      object: serializeTag(ctx, tag, include.has('count.posts')),
    }))
    return inMemoryList('tags', tags, query, TAG_FIELDS, {
      fields: fieldsOption(query),
      keep: include.has('count.posts') ? ['count'] : [],
    })
  }

  // Authors
  app.get('/authors/', LIST, async (request) => browseAuthors(request.query))
  app.get('/authors/:id/', byId, async (request) =>
    readOne('authors', await browseAuthors(request.query), (a) => a.id === request.params.id),
  )
  app.get('/authors/slug/:slug/', bySlug, async (request) =>
    readOne('authors', await browseAuthors(request.query), (a) => a.slug === request.params.slug),
  )

  async function browseAuthors(query: GhostQuery) {
    const include = listOption('include', query.include, ['count.posts'])
    const ctx = await context()
    const authors = (await listApiAuthors(services)).map((person) => ({
      record: {
        id: String(person.id),
        slug: person.slug,
        name: person.name,
        'count.posts': person.postCount,
      },
      object: serializeAuthor(ctx, person, include.has('count.posts')),
    }))
    return inMemoryList('authors', authors, query, AUTHOR_FIELDS, {
      fields: fieldsOption(query),
      keep: include.has('count.posts') ? ['count'] : [],
    })
  }

  // Settings, tiers, newsletters, offers
  app.get('/settings/', LIST, async () => {
    const [settings, primary, footer] = await Promise.all([
      findSettings(services),
      findMenuItems(services, 'primary'),
      findMenuItems(services, 'footer'),
    ])
    const ctx = { publicUrl: config.publicUrl, timeZone: settings.timeZone }
    return { settings: serializeSettings(ctx, settings, { primary, footer }), meta: {} }
  })
  // No members yet: Ghost-shaped empty lists.
  for (const resource of ['tiers', 'newsletters'] as const)
    app.get(`/${resource}/`, LIST, async (request) => ({
      [resource]: [],
      meta: {
        pagination: pagination(0, request.query.page ?? 1, limitOption(request.query.limit)),
      },
    }))
  app.get('/offers/:id/', byId, async () => {
    throw new GhostError('NotFoundError', 'Offer not found.')
  })
}

const PAGE_FIELDS = [
  'id',
  'slug',
  'title',
  'featured',
  'visibility',
  'published_at',
  'updated_at',
] as const
const PAGE_ORDER = ['id', 'slug', 'title', 'published_at', 'updated_at', 'created_at'] as const
const TAG_FIELDS = ['id', 'slug', 'name', 'visibility'] as const
const AUTHOR_FIELDS = ['id', 'slug', 'name'] as const

function postOptions(query: GhostQuery) {
  const include = listOption('include', query.include, ['tags', 'authors', 'count.posts'])
  const formats = listOption('formats', query.formats, [
    'html',
    'plaintext',
    'mobiledoc',
    'lexical',
  ])
  const keep = [
    ...(include.has('tags') ? ['tags', 'primary_tag'] : []),
    ...(include.has('authors') ? ['authors', 'primary_author'] : []),
  ]
  return {
    include,
    formats: formats.size > 0 ? formats : new Set(['html']),
    fields: fieldsOption(query),
    keep,
  }
}

const COMMA = Buffer.from(',')

/**
 * What a post's JSON depends on besides the post: its formats, includes and fields. Fields keep
 * the client's order (the object's keys follow it); the sets are sorted.
 */
function postVariant(options: ReturnType<typeof postOptions>): string {
  const sorted = (set: Set<string>) => [...set].sort().join(',')
  const fields = options.fields ? [...options.fields].join(',') : '*'
  return `|${sorted(options.formats)}|${sorted(options.include)}|${fields}`
}

function numericId(text: string): { id: number } | undefined {
  return /^[1-9][0-9]{0,14}$/.test(text) ? { id: Number(text) } : undefined
}

async function* mapBatches<T>(
  batches: AsyncIterable<T[]>,
  map: (item: T) => GhostObject,
): AsyncIterable<GhostObject[]> {
  for await (const batch of batches) yield batch.map(map)
}

/** `{"posts":[…],"meta":…}` written a batch at a time. */
async function* streamList(
  resource: string,
  batches: AsyncIterable<GhostObject[]>,
  meta: unknown,
): AsyncIterable<string> {
  yield `{"${resource}":[`
  let first = true
  for await (const batch of batches) {
    for (const object of batch) {
      yield (first ? '' : ',') + JSON.stringify(object)
      first = false
    }
  }
  yield `],"meta":${JSON.stringify(meta)}}`
}

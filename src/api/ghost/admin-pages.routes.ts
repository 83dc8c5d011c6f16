/**
 * The Admin API's pages: browse (drafts too), read, add, edit with Ghost's `updated_at`
 * collision check, delete, in Ghost 5's shape. A page is a static page of the site (About,
 * Contact): draft or published; it has a byline but no tags.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import {
  createPage,
  deletePage,
  listApiStaticPages,
  updatePage,
  type PageEdit,
} from '../../content/index.js'
import { GhostPostBody, resolveAuthorIds } from './admin-post-input.js'
import type { AdminResourceOptions } from './admin-resource.js'
import { GhostError } from './ghost-errors.js'
import { fieldsOption, inMemoryList, readOne } from './ghost-lists.js'
import { GhostQuery, listOption } from './ghost-params.js'
import { ghostDate, serializePage, type GhostObject } from './ghost-serializers.js'

/** `{pages: [page]}`: the same fields as a post. */
export const GhostPagesBody = Type.Object({
  pages: Type.Array(GhostPostBody, { minItems: 1, maxItems: 1 }),
})
type GhostPageBody = GhostPostBody

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) })
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) })
const WriteQuery = Type.Object(
  { source: Type.Optional(Type.Literal('html')) },
  { additionalProperties: true },
)
const PAGE_FIELDS = ['id', 'slug', 'title', 'status', 'featured', 'visibility'] as const
const PAGE_ORDER = ['id', 'slug', 'title', 'status', 'published_at', 'updated_at', 'created_at']

/** Pages under the Admin API prefix (registered inside it, so its token check applies). */
export const adminPageRoutes: FastifyPluginAsync<AdminResourceOptions> = async (plain, options) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>()
  const { services, context, actorOf } = options

  const browse = async (query: GhostQuery) => {
    const ctx = await context()
    const formats = formatsOf(query)
    const entries = (await listApiStaticPages(services, 'staff')).map((page) => {
      const object: GhostObject = {
        ...serializePage(ctx, page, { include: new Set(['tags', 'authors']), formats }),
        status: page.status,
        published_at: page.status === 'published' ? ghostDate(page.publishedAt) : null,
        lexical: null,
        mobiledoc: null,
      }
      return {
        record: {
          id: String(page.id),
          slug: page.slug,
          title: page.title,
          status: page.status,
          featured: false,
          visibility: 'public',
          published_at: page.publishedAt?.getTime() ?? null,
          updated_at: page.updatedAt.getTime(),
          created_at: page.createdAt.getTime(),
        },
        object,
      }
    })
    return inMemoryList('pages', entries, query, PAGE_FIELDS, {
      fields: fieldsOption(query),
      keep: [],
      orderFields: PAGE_ORDER,
    })
  }
  const one = async (id: number, query: GhostQuery = {}) =>
    readOne('pages', await browse({ ...query, limit: 'all' }), (p) => p.id === String(id))

  app.get('/pages/', { schema: { querystring: GhostQuery } }, async (request) => {
    actorOf(request)
    return browse(request.query)
  })
  app.get(
    '/pages/:id/',
    { schema: { querystring: GhostQuery, params: IdParams } },
    async (request) => {
      actorOf(request)
      return one(numericId(request.params.id), request.query)
    },
  )
  app.get(
    '/pages/slug/:slug/',
    { schema: { querystring: GhostQuery, params: SlugParams } },
    async (request) => {
      actorOf(request)
      const list = await browse({ ...request.query, limit: 'all' })
      return readOne('pages', list, (p) => p.slug === request.params.slug)
    },
  )

  app.post(
    '/pages/',
    { schema: { querystring: WriteQuery, body: GhostPagesBody } },
    async (request, reply) => {
      const who = actorOf(request)
      const body = request.body.pages[0]!
      if (!body.title?.trim())
        throw new GhostError('ValidationError', 'Value in [pages.title] cannot be blank.', {
          property: 'title',
        })
      const edit = await pageEdit(body, request.query.source === 'html')
      const page = await createPage(services, who, {
        title: body.title,
        bodyHtml: edit.bodyHtml ?? '',
        publish: edit.publish ?? false,
        ...(edit.slug ? { slug: edit.slug } : {}),
        ...(edit.authorId !== undefined ? { authorId: edit.authorId } : {}),
        ...(edit.seoTitle !== undefined ? { seoTitle: edit.seoTitle } : {}),
        ...(edit.seoDescription !== undefined ? { seoDescription: edit.seoDescription } : {}),
      })
      reply.status(201)
      return one(page.id)
    },
  )

  app.put(
    '/pages/:id/',
    { schema: { querystring: WriteQuery, params: IdParams, body: GhostPagesBody } },
    async (request) => {
      const who = actorOf(request)
      const id = numericId(request.params.id)
      const body = request.body.pages[0]!
      if (!body.updated_at)
        throw new GhostError(
          'ValidationError',
          'Validation error, cannot edit page. updated_at is required.',
          { property: 'updated_at' },
        )
      const expectedUpdatedAt = new Date(Date.parse(body.updated_at))
      if (Number.isNaN(expectedUpdatedAt.getTime()))
        throw new GhostError('ValidationError', 'updated_at must be a date.', {
          property: 'updated_at',
        })
      const edit = await pageEdit(body, request.query.source === 'html')
      await updatePage(services, who, id, { ...edit, expectedUpdatedAt })
      return one(id)
    },
  )

  app.delete('/pages/:id/', { schema: { params: IdParams } }, async (request, reply) => {
    await deletePage(services, actorOf(request), numericId(request.params.id))
    return reply.status(204).send()
  })

  /** The fields of a Ghost page body that were given, as a page edit. */
  async function pageEdit(body: GhostPageBody, sourceHtml: boolean): Promise<PageEdit> {
    if (body.status === 'scheduled')
      throw new GhostError(
        'ValidationError',
        'Pages are published or drafts; they cannot be scheduled.',
        {
          property: 'status',
        },
      )
    const edit: PageEdit = {}
    if (body.title !== undefined) edit.title = body.title
    if (body.slug) edit.slug = body.slug
    // As for posts, `html` counts only with ?source=html; it is sanitized on save.
    if (sourceHtml && typeof body.html === 'string') edit.bodyHtml = body.html
    if (body.status) edit.publish = body.status === 'published'
    if (body.meta_title !== undefined) edit.seoTitle = body.meta_title ?? ''
    if (body.meta_description !== undefined) edit.seoDescription = body.meta_description ?? ''
    if (body.authors?.length) edit.authorId = (await resolveAuthorIds(services, body.authors))[0]!
    return edit
  }
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

function numericId(text: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(text)) throw new GhostError('NotFoundError', 'Page not found.')
  return Number(text)
}

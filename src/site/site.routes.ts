/**
 * Reader pages. Handlers stay thin: parse the path, load one page's data, render.
 * URL scheme: `/`, `/:section/` (sub-sections too; `/:parent/:child/` redirects there),
 * `/:section/page/:n/`, `/YYYY/MM/:slug/` (articles), `/:page/` (static pages), `/tag/:slug/`,
 * `/author/:slug/`, `/subscribe/` (`/search/` is in search.routes.ts). WordPress's `/?s=` redirects to search.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import {
  articlePath,
  findPublishedArticle,
  findPublishedPage,
  findRedirect,
  listAuthorArticles,
  listCategories,
  listSectionArticles,
  listTagArticles,
} from '../content/index.js'
import { AppError } from '../errors.js'
import { redirectWithin } from '../http/safe-redirect.js'
import { loadArticlePage, loadHomePage } from './page-data.js'
import type { SiteKit } from './site-kit.js'
import { encodedBody, type SiteAssets } from './site-assets.js'
import { listCounts, loadSidebar } from './site-view.js'

type Params = Record<string, string>
type Query = Record<string, string | string[] | undefined>

const OLD_QUERY_KEYS = ['p', 'page_id', 'cat', 'tag', 'author'] as const

/** `/?p=42` as the redirect table stores it, when the query is one of WordPress's old links. */
function oldQueryPath(query: Query): string | undefined {
  for (const key of OLD_QUERY_KEYS) {
    const value = first(query[key])
    if (value && /^[\w-]{1,200}$/.test(value)) return `/?${key}=${value}`
  }
  return undefined
}

export const readerRoutes: FastifyPluginAsync<{ kit: SiteKit }> = async (app, { kit }) => {
  const { deps } = kit

  // A path segment that decodes to control characters (`%0d%0a`) names nothing: 400, never a
  // header or a page built from it.
  app.addHook('preHandler', async (request, reply) => {
    const params = Object.values((request.params ?? {}) as Params)
    if (params.some((value) => CONTROL.test(value)))
      return kit.errorPage(request, reply, 400, 'That address is not valid.')
  })

  app.get('/assets/:file', async (request, reply) => {
    const { file } = request.params as Params
    const asset = kit.assets[file as keyof SiteAssets] as SiteAssets[keyof SiteAssets] | undefined
    if (!asset) return kit.notFound(request, reply)
    const current = first((request.query as Query).v) === asset.hash
    const { body, encoding } = encodedBody(asset, request.headers['accept-encoding'])
    if (encoding) reply.header('content-encoding', encoding)
    return reply
      .type(asset.type)
      .header('vary', 'accept-encoding')
      .header(
        'cache-control',
        current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      )
      .header('etag', `"${asset.hash}${encoding ? `-${encoding}` : ''}"`)
      .send(body)
  })

  app.get('/', async (request, reply) => {
    const s = first((request.query as Query).s)
    if (s !== undefined) return redirectTo(reply, `/search/?q=${encodeURIComponent(s)}`)
    // An imported WordPress site's `/?p=ID`, `/?page_id=ID`, `/?cat=ID`, `/?tag=slug` links.
    const old = oldQueryPath(request.query as Query)
    const moved = old === undefined ? undefined : await findRedirect(deps, old)
    if (moved) {
      const sent = redirectWithin(reply, moved.toPath, moved.statusCode)
      if (sent) return sent
    }
    const view = await kit.view(request)
    return kit.render(reply, view, { kind: 'home' }, await loadHomePage(deps, view))
  })

  app.get('/subscribe/', async (request, reply) => {
    const view = await kit.view(request)
    return kit.render(reply, view, { kind: 'subscribe' }, {})
  })

  const tag = async (request: FastifyRequest, reply: FastifyReply) => {
    const { slug = '', n } = request.params as Params
    const page = parsePage(n ?? '1')
    const view = await kit.view(request)
    const found =
      page &&
      (await listTagArticles(deps, slug, {
        page,
        perPage: view.settings.postsPerPage,
        counts: listCounts(deps),
      }))
    if (!found || !isPageInRange(found.articles, n)) return kit.notFound(request, reply)
    const sidebar = await loadSidebar(deps)
    return kit.render(reply, view, { kind: 'tag', slug }, { ...found, sidebar })
  }
  app.get('/tag/:slug/', tag)
  app.get('/tag/:slug/page/:n/', tag)

  const author = async (request: FastifyRequest, reply: FastifyReply) => {
    const { slug = '', n } = request.params as Params
    const page = parsePage(n ?? '1')
    const view = await kit.view(request)
    const found =
      page &&
      (await listAuthorArticles(deps, slug, {
        page,
        perPage: view.settings.postsPerPage,
        counts: listCounts(deps),
      }))
    if (!found || !isPageInRange(found.articles, n)) return kit.notFound(request, reply)
    const sidebar = await loadSidebar(deps)
    return kit.render(reply, view, { kind: 'author', slug }, { ...found, sidebar })
  }
  app.get('/author/:slug/', author)
  app.get('/author/:slug/page/:n/', author)

  const section = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    n?: string,
  ) => {
    const page = parsePage(n ?? '1')
    // The slug was decoded from the path: `%2F` or `%0d%0a` in it must not reach a Location.
    if (n === '1') return redirectTo(reply, `/${encodeURIComponent(slug)}/`)
    const view = await kit.view(request)
    const listing =
      page &&
      (await listSectionArticles(deps, slug, {
        page,
        perPage: view.settings.postsPerPage,
        counts: listCounts(deps),
      }))
    if (!listing || !isPageInRange(listing.articles, n)) return kit.notFound(request, reply)
    const sidebar = await loadSidebar(deps)
    return kit.render(reply, view, { kind: 'section', slug }, { listing, sidebar })
  }

  // Static pages and sections share the top level: a page wins, then a section.
  app.get('/:slug/', async (request, reply) => {
    const { slug = '' } = request.params as Params
    const page = await findPublishedPage(deps, slug)
    if (!page) return section(request, reply, slug)
    const view = await kit.view(request)
    const sidebar = await loadSidebar(deps)
    return kit.render(
      reply,
      view,
      { kind: 'page', slug },
      { page, sidebar },
      { lastModified: page.updatedAt },
    )
  })

  // Sub-sections live at `/:child/`; `/:parent/:child/` points there.
  app.get('/:parent/:child/', async (request, reply) => {
    const { parent, child } = request.params as Params
    const all = await listCategories(deps)
    const sub = all.find((c) => c.slug === child)
    const up = sub && all.find((c) => c.id === sub.parentId)
    if (!sub || up?.slug !== parent) return kit.notFound(request, reply)
    return redirectTo(reply, `/${encodeURIComponent(sub.slug)}/`)
  })

  app.get('/:a/:b/:c/', async (request, reply) => {
    const { a = '', b = '', c = '' } = request.params as Params
    if (b === 'page') return section(request, reply, a, c)
    if (!/^\d{4}$/.test(a) || !/^\d{2}$/.test(b)) return kit.notFound(request, reply)
    return article(request, reply, `/${a}/${b}/${c}/`, c)
  })

  async function article(request: FastifyRequest, reply: FastifyReply, path: string, slug: string) {
    const lookup = await findPublishedArticle(deps, slug)
    if (lookup.kind === 'missing') return kit.notFound(request, reply)
    if (lookup.kind === 'gone') return kit.errorPage(request, reply, 410, 'Gone')
    const view = await kit.view(request)
    const canonical = articlePath(lookup.article, view.settings.timeZone)
    if (canonical !== path) return redirectTo(reply, canonical + queryString(request))
    const query = request.query as Query
    const props = await loadArticlePage(deps, view, lookup.article, {
      replyTo: parsePage(first(query.replytocom) ?? ''),
      pending: first(query.comment) === 'pending',
    })
    return kit.render(reply, view, { kind: 'post', slug }, props, {
      lastModified: lookup.article.updatedAt,
    })
  }
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f]/

/** A permanent redirect to a path this site built; a target that would leave it is a 404. */
function redirectTo(reply: FastifyReply, target: string): FastifyReply {
  const sent = redirectWithin(reply, target, 301)
  if (!sent) throw new AppError('NOT_FOUND', 'Not found')
  return sent
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** A positive page number from a path segment, or undefined when it isn't one. */
function parsePage(value: string): number | undefined {
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined
}

/** Page 1 always exists (an empty list is still a list); later pages must have stories. */
function isPageInRange(
  articles: { page: number; totalPages: number },
  n: string | undefined,
): boolean {
  return n === undefined || articles.page <= articles.totalPages
}

function queryString(request: FastifyRequest): string {
  const q = request.url.indexOf('?')
  return q === -1 ? '' : request.url.slice(q)
}

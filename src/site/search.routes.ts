/**
 * Search: the results page (full-text with section, date range, sort and pages) and the
 * as-you-type suggestions the overlay asks for. Any query string is safe: unusable input
 * gives an empty result, a malformed date a 400 page that says why.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { articlePath, listNewestArticles } from '../content/index.js'
import { searchArticles } from '../search/index.js'
import { SearchQuery } from './form.schemas.js'
import type { SiteKit } from './site-kit.js'
import { loadSidebar } from './site-view.js'

type Query = Record<string, string | string[] | undefined>

const MAX_SUGGEST_INPUT = 200

/** A query that fails its schema (say `q[]=a&q[]=b`) is read leniently, never refused. */
const route = { schema: { querystring: SearchQuery }, attachValidation: true }

export const searchRoutes: FastifyPluginAsync<{ kit: SiteKit }> = async (plain, { kit }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>()
  const { deps } = kit

  app.get('/search/', route, async (request, reply) => {
    const query = queryOf(request)
    const form = {
      q: (first(query.q) ?? '').trim().slice(0, 2000),
      section: first(query.section) ?? '',
      from: first(query.from) ?? '',
      to: first(query.to) ?? '',
      sort: first(query.sort) === 'date' ? ('date' as const) : ('relevance' as const),
    }
    const page = /^[1-9]\d{0,2}$/.test(first(query.page) ?? '') ? Number(first(query.page)) : 1
    const view = await kit.view(request)
    const [results, sidebar] = await Promise.all([
      searchArticles(deps, { ...form, page, perPage: view.settings.postsPerPage }),
      loadSidebar(deps),
    ])
    const latest = form.q && results.total === 0 ? await listNewestArticles(deps, 5) : []
    return kit.render(reply, view, { kind: 'search' }, { form, results, latest, sidebar })
  })

  app.get('/search/suggest', route, async (request, reply) => {
    const q = (first(queryOf(request).q) ?? '').slice(0, MAX_SUGGEST_INPUT)
    const results = await searchArticles(deps, { q, perPage: 5 })
    const view = await kit.view(request)
    const items = results.items.map(({ article }) => ({
      title: article.title,
      url: articlePath(article, view.settings.timeZone),
    }))
    return reply
      .type('application/json; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send({ items })
  })
}

function queryOf(request: FastifyRequest): Query {
  return request.query as Query
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

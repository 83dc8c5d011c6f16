import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import { h } from 'preact'
import { render } from 'preact-render-to-string'
import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import { articlePath, listLatestArticles } from '../content/index.js'
import type { Database } from '../db/database.js'
import { findSettings } from '../settings/index.js'

export interface SiteOptions {
  db: Kysely<Database>
  clock: Clock
  config: Config
}

/** Reader pages. */
export const siteRoutes: FastifyPluginAsync<SiteOptions> = async (app, { db, clock }) => {
  const deps = { db, clock }
  app.get('/', async (_request, reply) => {
    const [settings, latest] = await Promise.all([
      findSettings(db),
      listLatestArticles(deps, { perPage: 20 }),
    ])
    const page = h('html', { lang: 'en' }, [
      h('head', null, [h('meta', { charset: 'utf-8' }), h('title', null, settings.title)]),
      h('body', null, [
        h('h1', null, settings.title),
        h(
          'ul',
          null,
          latest.items.map((a) =>
            h('li', { key: a.id }, h('a', { href: articlePath(a) }, a.title)),
          ),
        ),
      ]),
    ])
    return reply.type('text/html; charset=utf-8').send(`<!doctype html>${render(page)}`)
  })
}

/**
 * RSS, Atom and JSON Feed for the site, each section, tag and author. The site owns the
 * `/:section/` and `/:slug/` catch-alls; these routes have a static `feed…` segment, which
 * Fastify's router prefers over a parameter.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { cacheTag } from '../cache/cache-tags.js'
import type { FeedScope } from '../content/index.js'
import { ATOM_CONTENT_TYPE, renderAtomFeed } from './atom-feed.js'
import { sendWithValidators } from './conditional-get.js'
import {
  feedPath,
  loadFeed,
  type FeedDeps,
  type FeedDocument,
  type FeedFormat,
} from './feed-document.js'
import { JSON_FEED_CONTENT_TYPE, renderJsonFeed } from './json-feed.js'
import { RSS_CONTENT_TYPE, renderRssFeed } from './rss-feed.js'

const WRITERS: Record<FeedFormat, { render: (feed: FeedDocument) => string; contentType: string }> =
  {
    rss: { render: renderRssFeed, contentType: RSS_CONTENT_TYPE },
    atom: { render: renderAtomFeed, contentType: ATOM_CONTENT_TYPE },
    json: { render: renderJsonFeed, contentType: JSON_FEED_CONTENT_TYPE },
  }

type SlugParams = { Params: { slug: string } }

export const feedRoutesOnly: FastifyPluginAsync<FeedDeps> = async (app, deps) => {
  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    scope: FeedScope,
    format: FeedFormat,
  ) => {
    const feed = await loadFeed(deps, scope)
    if (!feed) return reply.callNotFound()
    // Every article change purges `feed`; section and tag renames purge their own tag.
    request.cacheTags(cacheTag.feed, ...scopeTags(scope))
    const writer = WRITERS[format]
    return sendWithValidators(request, reply, writer.render(feed), {
      contentType: writer.contentType,
      lastModified: feed.lastModified,
    })
  }

  for (const format of ['rss', 'atom', 'json'] as const) {
    app.get(feedPath({ kind: 'site' }, format), (request, reply) =>
      send(request, reply, { kind: 'site' }, format),
    )
    for (const kind of ['section', 'tag', 'author'] as const) {
      app.get<SlugParams>(feedPath({ kind, slug: ':slug' }, format), (request, reply) =>
        send(request, reply, { kind, slug: request.params.slug }, format),
      )
    }
  }
}

function scopeTags(scope: FeedScope): string[] {
  if (scope.kind === 'section') return [cacheTag.section(scope.slug)]
  if (scope.kind === 'tag') return [cacheTag.tag(scope.slug)]
  return []
}

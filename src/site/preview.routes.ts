/**
 * `/preview/<token>`: an unpublished article rendered with the real theme for whoever holds the
 * secret link, marked as a preview, kept out of search engines and out of every cache (the page
 * cache bypasses /preview/ too).
 */
import type { FastifyPluginAsync } from 'fastify'
import { findArticleByPreviewToken } from '../content/index.js'
import { loadArticlePage } from './page-data.js'
import { renderDocument } from './render/site-render.js'
import type { SiteKit } from './site-kit.js'

const BANNER =
  '<div class="preview-banner" role="region" aria-label="Preview notice" ' +
  'style="position:sticky;top:0;z-index:1000;background:#fff4ce;color:#1d1d1f;' +
  'border-bottom:2px solid #b58100;padding:.6rem 1rem;font:600 15px/1.4 system-ui,sans-serif">' +
  'Preview: this article is not published. Readers cannot see it yet.</div>'

export const previewRoutes: FastifyPluginAsync<{ kit: SiteKit }> = async (app, { kit }) => {
  app.get<{ Params: { token: string } }>('/preview/:token', async (request, reply) => {
    const article = await findArticleByPreviewToken(kit.deps, request.params.token)
    if (!article || article.status === 'archived') {
      reply.header('cache-control', 'private, no-store')
      return kit.errorPage(request, reply, 404, 'This preview link is not valid.')
    }
    const view = await kit.view(request)
    const props = await loadArticlePage(kit.deps, view, article, { pending: false })
    const html = markAsPreview(
      renderDocument(kit.theme, view, { kind: 'post', slug: article.slug }, props),
    )
    return reply
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .type('text/html; charset=utf-8')
      .send(html)
  })
}

/** Swap the page's robots/canonical hints for noindex and put the banner at the top of the body. */
export function markAsPreview(html: string): string {
  return html
    .replace(/<meta name="robots"[^>]*>/g, '')
    .replace(/<link rel="canonical"[^>]*>/g, '')
    .replace('<head>', '<head><meta name="robots" content="noindex, nofollow"/>')
    .replace(/<body([^>]*)>/, (m) => `${m}${BANNER}`)
}

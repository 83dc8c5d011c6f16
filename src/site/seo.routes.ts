/** `/manifest.webmanifest`: the web app manifest (name, colours, icons) for home screens. */
import type { FastifyPluginAsync } from 'fastify'
import type { SiteKit } from './site-kit.js'

export const seoRoutes: FastifyPluginAsync<{ kit: SiteKit }> = async (app, { kit }) => {
  app.get('/manifest.webmanifest', async (request, reply) => {
    const { settings, assets } = await kit.view(request)
    return reply
      .type('application/manifest+json; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(
        JSON.stringify({
          name: settings.title,
          short_name:
            settings.title.length > 12 ? settings.title.split(/\s+/).pop() : settings.title,
          description: settings.description,
          lang: settings.locale,
          start_url: '/',
          scope: '/',
          display: 'browser',
          background_color: '#ffffff',
          theme_color: '#b3261e',
          icons: [
            { src: assets.icon, type: 'image/svg+xml', sizes: 'any' },
            { src: kit.assets['icon-192.png'].url, type: 'image/png', sizes: '192x192' },
            { src: assets.logo, type: 'image/png', sizes: '512x512' },
          ],
        }),
      )
  })
}

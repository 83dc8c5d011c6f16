/**
 * The newsroom's browser scripts, bundled by `scripts/build-admin.js` (part of `npm run build`)
 * into `dist/admin-assets/`. When they are missing every screen still works without JavaScript.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyPluginAsync } from 'fastify'

/** `<repo>/dist/admin-assets`, from `src/admin/` (tsx) and from `dist/admin/` (built) alike. */
export const ADMIN_ASSETS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/admin-assets',
)

export const adminAssetRoutes: FastifyPluginAsync<{ dir?: string }> = async (app, options) => {
  const dir = options.dir ?? ADMIN_ASSETS_DIR
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    const name = request.params.name
    if (!/^[a-z0-9-]+\.(js|css)$/.test(name))
      return reply.code(404).type('text/plain').send('Not found')
    try {
      const body = await readFile(path.join(dir, name))
      const type = name.endsWith('.js') ? 'text/javascript' : 'text/css'
      return reply.type(`${type}; charset=utf-8`).send(body)
    } catch {
      return reply.code(404).type('text/plain').send('Not found')
    }
  })
}

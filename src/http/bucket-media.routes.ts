/**
 * @module bucket-media.routes
 * `/media/<key>` when media lives in a bucket (`MEDIA_STORE=s3`). Pages keep linking to
 * `/media/…` (article bodies hold those paths too), so moving a library never rewrites content.
 * With `MEDIA_PUBLIC_URL` (a CDN or public bucket) the app answers with a permanent redirect
 * there; without, it streams the object from the bucket. Best of all, the front server routes
 * `/media/` to the CDN or bucket itself (see `deploy/nginx`) and the app never sees these.
 */
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import type { Services } from '../services.js'

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REDIRECT_CACHE = 'public, max-age=86400'

export async function bucketMediaRoutes(
  app: FastifyInstance,
  options: { services: Services; config: Config },
) {
  const { storage } = options.services
  const media = options.config.media
  const publicUrl = media.store === 's3' ? media.publicUrl : undefined
  app.get<{ Params: { '*': string } }>('/media/*', async (request, reply) => {
    const key = request.params['*']
    if (!isSafeKey(key)) return reply.callNotFound()
    if (publicUrl)
      return reply
        .header('cache-control', REDIRECT_CACHE)
        .redirect(`${publicUrl}/${encodeKey(key)}`, 301)
    const stored = await storage.get(key)
    if (!stored) return reply.callNotFound()
    return reply
      .header('content-type', stored.contentType)
      .header('content-length', stored.bytes)
      .header('cache-control', IMMUTABLE)
      .header('x-content-type-options', 'nosniff')
      .send(stored.body)
  })
}

function isSafeKey(key: string): boolean {
  return key !== '' && !key.split('/').some((segment) => segment === '' || segment === '..')
}

function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/')
}

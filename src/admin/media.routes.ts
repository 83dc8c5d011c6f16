/**
 * A minimal upload endpoint so the "upload media" rule is enforced today: the raw image is the
 * request body (`Content-Type: image/…`, name in `?filename=`), handed to the media library.
 * The library screen (drag-and-drop, alt/caption/credit, search) comes later.
 */
import type { FastifyPluginAsync } from 'fastify'
import { recordAudit } from '../auth/index.js'
import type { MediaStorage } from '../media/index.js'
import { MAX_UPLOAD_BYTES, uploadImage } from '../media/index.js'
import { requirePermission, requireUser, type AdminContext } from './admin-context.js'

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']

export const mediaRoutes: FastifyPluginAsync<AdminContext & { storage: MediaStorage }> = async (
  app,
  ctx,
) => {
  app.addContentTypeParser(
    TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_request, body, done) => done(null, body),
  )

  app.post<{ Querystring: { filename?: string } }>('/media/upload', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'media.upload')
    const media = await uploadImage(
      { db: ctx.deps.db, clock: ctx.deps.clock, storage: ctx.storage },
      {
        filename: request.query.filename ?? 'upload',
        bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        uploadedBy: user.id,
      },
    )
    await recordAudit(ctx.deps, {
      userId: user.id,
      action: 'media.upload',
      subjectType: 'media',
      subjectId: media.id,
    })
    return reply.code(201).send({ id: media.id })
  })
}

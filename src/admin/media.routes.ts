/**
 * The media library: a searchable grid, uploads by file picker or drag-and-drop (multipart, and
 * a raw-bytes endpoint the editor's picker uses), and a page per image to edit its alt text,
 * caption and credit and see where it is used. Contributors may look and pick, not upload.
 */
import fastifyMultipart from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { can, recordAudit, type User } from '../auth/index.js'
import { AppError } from '../errors.js'
import { describeError } from '../http/error-handler.js'
import type { MediaStorage } from '../media/index.js'
import {
  findMedia,
  findMediaUsage,
  MAX_UPLOAD_BYTES,
  searchMedia,
  updateMediaDetails,
  uploadImage,
} from '../media/index.js'
import {
  field,
  formToken,
  requirePermission,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { MediaItemPage, MediaLibraryPage, MEDIA_TYPES } from './views/media.js'

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']
const MAX_FILES = 20

interface UploadedFile {
  filename: string
  bytes: Buffer
}

export const mediaRoutes: FastifyPluginAsync<AdminContext & { storage: MediaStorage }> = async (
  app,
  ctx,
) => {
  const mediaDeps = { db: ctx.deps.db, clock: ctx.deps.clock, storage: ctx.storage }
  app.addContentTypeParser(
    TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_request, body, done) => done(null, body),
  )
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_FILES, fields: 10 },
  })
  // Multipart fields arrive as {value}; the CSRF check (a preHandler) reads plain strings.
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return
    request.body = flattenMultipart(request.body)
  })

  app.get<{ Querystring: { q?: string; type?: string; uploaded?: string } }>(
    '/media',
    async (request, reply) => {
      const user = requireUser(request)
      return renderLibrary(request, reply, user, {
        notice: request.query.uploaded ? `${request.query.uploaded} image(s) uploaded.` : undefined,
      })
    },
  )

  app.post('/media', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'media.upload')
    const files = (request.body as { files?: UploadedFile[] } | undefined)?.files ?? []
    try {
      if (files.length === 0) throw new AppError('VALIDATION_FAILED', 'Choose an image to upload.')
      for (const file of files) await upload(user, file)
      return seeOther(reply, `/admin/media?uploaded=${files.length}`)
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
      return renderLibrary(request, reply, user, { error: error.message, status: 400 })
    }
  })

  // The editor's picker and the drag-and-drop zone send the raw file; they get JSON back.
  app.post<{ Querystring: { filename?: string } }>('/media/upload', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'media.upload')
    try {
      const media = await upload(user, {
        filename: request.query.filename ?? 'upload',
        bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      })
      return reply.code(201).send({ id: media.id, url: media.url })
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const { status, body } = describeError(error)
      return reply.code(status).send(body)
    }
  })

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/media/:id',
    async (request, reply) => {
      const user = requireUser(request)
      return renderItem(request, reply, user, Number(request.params.id), {
        notice: request.query.done ? 'Saved.' : undefined,
      })
    },
  )

  app.post<{ Params: { id: string } }>('/media/:id', async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'media.upload')
    const id = Number(request.params.id)
    try {
      await updateMediaDetails(mediaDeps, id, {
        alt: field(request, 'alt'),
        caption: field(request, 'caption'),
        credit: field(request, 'credit'),
      })
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
      return renderItem(request, reply, user, id, { error: error.message, status: 400 })
    }
    await recordAudit(ctx.deps, {
      userId: user.id,
      action: 'media.update',
      subjectType: 'media',
      subjectId: id,
    })
    return seeOther(reply, `/admin/media/${id}?done=1`)
  })

  async function upload(user: User, file: UploadedFile) {
    const media = await uploadImage(mediaDeps, { ...file, uploadedBy: user.id })
    await recordAudit(ctx.deps, {
      userId: user.id,
      action: 'media.upload',
      subjectType: 'media',
      subjectId: media.id,
    })
    return media
  }

  async function renderLibrary(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    extra: { notice?: string | undefined; error?: string; status?: number },
  ) {
    const query = request.query as { q?: string; type?: string }
    const q = String(query.q ?? '')
    const type = MEDIA_TYPES.some(([value]) => value === query.type) ? String(query.type) : ''
    const result = await searchMedia(mediaDeps, { search: q, type: type || 'image/', perPage: 60 })
    const page = h(MediaLibraryPage, {
      user,
      csrf: formToken(request, reply),
      items: result.items,
      total: result.total,
      q,
      type,
      canUpload: can(user, 'media.upload'),
      notice: extra.notice,
      error: extra.error,
    })
    return sendPage(reply, page, extra.status ?? 200)
  }

  async function renderItem(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    id: number,
    extra: { notice?: string | undefined; error?: string; status?: number },
  ) {
    const item = Number.isInteger(id) ? await findMedia(mediaDeps, id) : undefined
    if (!item) throw new AppError('NOT_FOUND', 'There is no such image.')
    const usage = await findMediaUsage(mediaDeps, id)
    const page = h(MediaItemPage, {
      user,
      csrf: formToken(request, reply),
      item,
      usage,
      canEdit: can(user, 'media.upload'),
      notice: extra.notice,
      error: extra.error,
    })
    return sendPage(reply, page, extra.status ?? 200)
  }
}

/** `{_csrf: {value}, file: {filename, _buf} | [...]}` → `{_csrf: '…', files: [{filename, bytes}]}`. */
function flattenMultipart(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const files: UploadedFile[] = []
  if (!body || typeof body !== 'object') return out
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    for (const part of Array.isArray(raw) ? raw : [raw]) {
      const p = part as { type?: string; value?: unknown; filename?: string; _buf?: Buffer }
      if (p.type === 'file') {
        if (p._buf && p._buf.length > 0)
          files.push({ filename: p.filename ?? 'upload', bytes: p._buf })
      } else if (typeof p.value === 'string') out[key] = p.value
    }
  }
  out.files = files
  return out
}

/**
 * The media library: a searchable grid, uploads by file picker or drag-and-drop (multipart, and
 * a raw-bytes endpoint the editor's picker uses), and a page per image to edit its alt text,
 * caption and credit and see where it is used. Contributors may look and pick, not upload.
 */
import fastifyMultipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { can, userActor, type User } from '../auth/index.js'
import { AppError } from '../errors.js'
import { describeError } from '../http/error-handler.js'
import { assertForm, formRoute, IdParams, pageRoute, text } from '../http/form-schema.js'
import {
  findMedia,
  findMediaUsage,
  MAX_UPLOAD_BYTES,
  searchMedia,
  updateMediaDetails,
  uploadImage,
} from '../media/index.js'
import {
  actorOf,
  field,
  formToken,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { pageCount } from './views/list-controls.js'
import { MediaItemPage, MediaLibraryPage, MEDIA_TYPES } from './views/media.js'

const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']
const MAX_FILES = 20

interface UploadedFile {
  filename: string
  bytes: Buffer
}

/** Images per page of the library. */
const MEDIA_PER_PAGE = 60

const LibraryQuery = Type.Object({
  q: Type.Optional(text(200)),
  type: Type.Optional(text(50)),
  uploaded: Type.Optional(text(10)),
  page: Type.Optional(text(12)),
})

export const mediaRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const mediaDeps = ctx.deps
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
    pageRoute({ querystring: LibraryQuery }),
    async (request, reply) => {
      const user = requireUser(request)
      return renderLibrary(request, reply, user, {
        notice: request.query.uploaded ? `${request.query.uploaded} image(s) uploaded.` : undefined,
      })
    },
  )

  // Multipart: the files are checked by their bytes in the use case, not by a schema.
  app.post('/media', { schema: { response: { 303: Type.Null() } } }, async (request, reply) => {
    const user = requireUser(request)
    const files = (request.body as { files?: UploadedFile[] } | undefined)?.files ?? []
    if (files.length === 0)
      return renderLibrary(request, reply, user, {
        error: 'Choose an image to upload.',
        status: 400,
      })
    // Each file on its own: one refused image does not stop the others, and the message names it.
    const refused: string[] = []
    let uploaded = 0
    let full = false
    for (const file of files) {
      try {
        await upload(user, file)
        uploaded++
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        if (error.code !== 'VALIDATION_FAILED' && error.code !== 'STORAGE_FULL') throw error
        full ||= error.code === 'STORAGE_FULL'
        refused.push(`${file.filename}: ${error.message}`)
      }
    }
    if (refused.length === 0) return seeOther(reply, `/admin/media?uploaded=${uploaded}`)
    // The library again, saying what was refused (400), or that the disk is full (507).
    return renderLibrary(request, reply, user, {
      notice: uploaded > 0 ? `${uploaded} image(s) uploaded.` : undefined,
      error: refused.join(' · '),
      status: full ? 507 : 400,
    })
  })

  // The editor's picker and the drag-and-drop zone send the raw file; they get JSON back.
  app.post<{ Querystring: { filename?: string } }>(
    '/media/upload',
    {
      schema: {
        querystring: Type.Object({ filename: Type.Optional(text(255)) }),
        response: { 201: Type.Object({ id: Type.Integer(), url: Type.String() }) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request)
      try {
        const media = await upload(user, {
          filename: request.query.filename ?? 'upload',
          bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        })
        return reply.code(201).send({ id: media.id, url: media.url })
      } catch (error) {
        // A refused role gets the newsroom's 403 page, as every other screen does.
        if (!(error instanceof AppError) || error.code === 'FORBIDDEN') throw error
        const { status, body } = describeError(error)
        return reply.code(status).send(body)
      }
    },
  )

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/media/:id',
    pageRoute({ params: IdParams, querystring: Type.Object({ done: Type.Optional(text(10)) }) }),
    async (request, reply) => {
      const user = requireUser(request)
      return renderItem(request, reply, user, Number(request.params.id), {
        notice: request.query.done ? 'Saved.' : undefined,
      })
    },
  )

  app.post<{ Params: { id: string } }>(
    '/media/:id',
    formRoute({
      params: IdParams,
      body: Type.Object({
        alt: Type.Optional(text(2_000)),
        caption: Type.Optional(text(2_000)),
        credit: Type.Optional(text(2_000)),
        _csrf: Type.Optional(text(200)),
      }),
    }),
    async (request, reply) => {
      const user = requireUser(request)
      const id = Number(request.params.id)
      try {
        assertForm(request)
        await updateMediaDetails(mediaDeps, actorOf(request), id, {
          alt: field(request, 'alt'),
          caption: field(request, 'caption'),
          credit: field(request, 'credit'),
        })
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
        return renderItem(request, reply, user, id, { error: error.message, status: 400 })
      }
      return seeOther(reply, `/admin/media/${id}?done=1`)
    },
  )

  function upload(user: User, file: UploadedFile) {
    return uploadImage(mediaDeps, userActor(user), file)
  }

  async function renderLibrary(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    extra: { notice?: string | undefined; error?: string; status?: number },
  ) {
    const query = request.query as { q?: string; type?: string; page?: string }
    const q = String(query.q ?? '')
    const type = MEDIA_TYPES.some(([value]) => value === query.type) ? String(query.type) : ''
    const wanted = /^\d{1,6}$/.test(query.page ?? '') ? Number(query.page) : 1
    const filter = { search: q, type: type || 'image/', perPage: MEDIA_PER_PAGE }
    let result = await searchMedia(mediaDeps, { ...filter, page: wanted })
    // Past the last page (a bookmark from a longer list): show the last page instead.
    const shown = Math.min(wanted, pageCount(result.total, MEDIA_PER_PAGE))
    if (shown !== wanted) result = await searchMedia(mediaDeps, { ...filter, page: shown })
    const page = h(MediaLibraryPage, {
      user,
      csrf: formToken(request, reply),
      items: result.items,
      total: result.total,
      searchedNewest: result.searchedNewest,
      page: shown,
      perPage: MEDIA_PER_PAGE,
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

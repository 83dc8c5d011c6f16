/**
 * Settings → Import (owners and admins): upload a WordPress or Ghost export; it is streamed to
 * `DATA_DIR/imports/` (never held in memory, up to IMPORT_MAX_BYTES) and queued as a job, and the
 * request answers at once with the import's page: a progress bar, then the report. The job runs
 * the same `runImport` as `broadsheet import`; pictures stay remote (the CLI brings them across).
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { AppError } from '../errors.js'
import { FORM_RESPONSES, IdParams, pageRoute } from '../http/form-schema.js'
import { findImport, listImports, queueImport } from '../provenance/index.js'
import {
  actorOf,
  formToken,
  requirePermission,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { ImportPage } from './views/import.js'
import { ImportStatusPage, phaseText } from './views/import-status.js'

const ImportStatus = Type.Object({
  state: Type.Union(['queued', 'running', 'done', 'failed'].map((s) => Type.Literal(s))),
  phase: Type.Union([Type.String(), Type.Null()]),
  text: Type.String(),
  done: Type.Integer(),
  total: Type.Integer(),
})

export const importRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const uploadDir = path.join(ctx.config.dataDir, 'imports')
  await app.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.importMaxBytes, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: false,
  })
  // The file part waits here, unread, between the hooks and the handler.
  const uploads = new WeakMap<FastifyRequest, MultipartFile>()
  // The fields before the file (the form puts `_csrf` first) become the body, so the CSRF check
  // (a preHandler) runs before a byte of the file is written anywhere.
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart() || !request.user) return
    const file = await request.file()
    request.body = file ? fieldsOf(file) : {}
    if (file) uploads.set(request, file)
  })

  app.get('/import', pageRoute({}), async (request, reply) => render(request, reply, {}))

  app.post('/import', { schema: { response: FORM_RESPONSES } }, async (request, reply) => {
    const actor = actorOf(request)
    requirePermission(actor, 'settings.manage')
    const file = uploads.get(request)
    if (!file || !file.filename) return render(request, reply, { error: 'Choose an export file.' })
    const body = request.body as Record<string, string>
    const saved = await saveUpload(file, uploadDir, ctx.config.importMaxBytes)
    if ('error' in saved) return render(request, reply, saved)
    try {
      const id = await queueImport(ctx.deps, actor, {
        source: body.source === 'ghost' ? 'ghost' : 'wordpress',
        filename: file.filename,
        file: saved.file,
        dryRun: body.dryRun === '1',
      })
      return seeOther(reply, `/admin/import/${id}`)
    } catch (error) {
      await rm(saved.file, { force: true })
      throw error
    }
  })

  app.get<{ Params: { id: string } }>(
    '/import/:id',
    pageRoute({ params: IdParams }),
    async (request, reply) => {
      const run = await findImport(ctx.deps, actorOf(request), Number(request.params.id))
      if (!run) throw new AppError('NOT_FOUND', 'There is no such import.')
      const page = h(ImportStatusPage, {
        user: requireUser(request),
        csrf: formToken(request, reply),
        run,
      })
      return sendPage(reply, page)
    },
  )

  app.get<{ Params: { id: string } }>(
    '/import/:id/status',
    { schema: { params: IdParams, response: { 200: ImportStatus } } },
    async (request, reply) => {
      const run = await findImport(ctx.deps, actorOf(request), Number(request.params.id))
      if (!run) throw new AppError('NOT_FOUND', 'There is no such import.')
      return reply.header('cache-control', 'private, no-store').send({
        state: run.status,
        phase: run.phase,
        text: phaseText(run),
        done: run.done,
        total: run.total,
      })
    },
  )

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { error?: string; status?: number },
  ) {
    const actor = actorOf(request)
    const page = h(ImportPage, {
      user: requireUser(request),
      csrf: formToken(request, reply),
      error: extra.error,
      imports: await listImports(ctx.deps, actor),
      maxBytes: ctx.config.importMaxBytes,
    })
    return sendPage(reply, page, extra.error ? (extra.status ?? 400) : 200)
  }
}

/**
 * Stream the upload into `dir` under a random name. Too large or empty: the partial file is
 * removed and the form says why.
 */
async function saveUpload(
  upload: MultipartFile,
  dir: string,
  maxBytes: number,
): Promise<{ file: string } | { error: string; status: number }> {
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, `${randomBytes(12).toString('hex')}.upload`)
  try {
    await pipeline(upload.file, createWriteStream(file, { flags: 'wx' }))
    if (upload.file.truncated) {
      await rm(file, { force: true })
      return {
        error: `${upload.filename} is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB this site accepts (IMPORT_MAX_BYTES); import it with broadsheet import on the server.`,
        status: 413,
      }
    }
    if ((await stat(file)).size === 0) {
      await rm(file, { force: true })
      return { error: `${upload.filename} is empty.`, status: 400 }
    }
    return { file }
  } catch (error) {
    await rm(file, { force: true })
    throw error
  }
}

/** `{_csrf: {value}, source: {value}}` (the parts before the file) → `{_csrf: '…', source: '…'}`. */
function fieldsOf(file: MultipartFile): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, raw] of Object.entries(file.fields)) {
    const part = Array.isArray(raw) ? raw[0] : raw
    if (part && part.type === 'field' && typeof part.value === 'string') out[key] = part.value
  }
  return out
}

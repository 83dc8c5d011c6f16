/**
 * Settings → Import (owners and admins): upload a WordPress or Ghost export and read the report.
 * The upload is written to a temporary file and imported in the request, through the same
 * `runImport` as `broadsheet import`; pictures stay remote (the CLI brings them across).
 */
import { randomBytes } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fastifyMultipart from '@fastify/multipart'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { requirePermission, type User } from '../auth/index.js'
import { AppError } from '../errors.js'
import { pageRoute } from '../http/form-schema.js'
import { runImport, type ImportReport } from '../importers/index.js'
import { actorOf, formToken, requireUser, sendPage, type AdminContext } from './admin-context.js'
import { ImportPage } from './views/import.js'

/** Larger archives go through `broadsheet import`, which streams them from disk. */
const MAX_IMPORT_BYTES = 100 * 1024 * 1024

interface ImportUpload {
  _csrf?: string
  source?: string
  dryRun?: string
  file?: { filename: string; bytes: Buffer }
}

export const importRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 },
  })
  // Multipart fields arrive as {value}; the CSRF check (a preHandler) reads plain strings.
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) request.body = flattenUpload(request.body)
  })

  app.get('/import', pageRoute({}), async (request, reply) => {
    const user = requireUser(request)
    requirePermission(actorOf(request), 'settings.manage')
    return render(request, reply, user, {})
  })

  app.post(
    '/import',
    { schema: { response: { 200: Type.String({ contentMediaType: 'text/html' }) } } },
    async (request, reply) => {
      const user = requireUser(request)
      const actor = actorOf(request)
      requirePermission(actor, 'settings.manage')
      const body = (request.body ?? {}) as ImportUpload
      const source = body.source === 'ghost' ? 'ghost' : 'wordpress'
      if (!body.file || body.file.bytes.length === 0)
        return render(request, reply, user, { error: 'Choose an export file.', status: 400 })
      const file = path.join(os.tmpdir(), `broadsheet-import-${randomBytes(6).toString('hex')}`)
      try {
        await writeFile(file, body.file.bytes)
        const report = await runImport(ctx.deps, actor, source, file, {
          dryRun: body.dryRun === '1',
        })
        return render(request, reply, user, { report })
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
        const message = error.message
          .replace(file, body.file.filename)
          .replace(path.basename(file), body.file.filename)
        return render(request, reply, user, { error: message, status: 400 })
      } finally {
        await rm(file, { force: true })
      }
    },
  )

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    extra: { report?: ImportReport; error?: string; status?: number },
  ) {
    const page = h(ImportPage, {
      user,
      csrf: formToken(request, reply),
      report: extra.report,
      error: extra.error,
    })
    return sendPage(reply, page, extra.status ?? 200)
  }
}

/** `{_csrf: {value}, file: {filename, _buf}}` → `{_csrf: '…', file: {filename, bytes}}`. */
function flattenUpload(body: unknown): ImportUpload & Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (!body || typeof body !== 'object') return out
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    const part = (Array.isArray(raw) ? raw[0] : raw) as {
      type?: string
      value?: unknown
      filename?: string
      _buf?: Buffer
    }
    if (part.type === 'file')
      out[key] = { filename: part.filename ?? 'export', bytes: part._buf ?? Buffer.alloc(0) }
    else if (typeof part.value === 'string') out[key] = part.value
  }
  return out
}

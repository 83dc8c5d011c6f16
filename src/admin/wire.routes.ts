/**
 * The Wire screen (/admin/wire): the desk of incoming items and the sources. Editors and above.
 * Each POST is one use case: add, poll, pause, resume or remove a source, import OPML, or take
 * items (publish, draft to edit, skip).
 */
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { h } from 'preact'
import { listUsers, requirePermission, systemActor } from '../auth/index.js'
import { listCategories } from '../content/index.js'
import { AppError } from '../errors.js'
import { formError, formRoute, IdParams, pageRoute, repeated, text } from '../http/form-schema.js'
import {
  addSource,
  countNewItems,
  editSource,
  findSource,
  DESK_ACTIONS,
  exportSourcesOpml,
  importOpmlSources,
  listSources,
  listWireItems,
  pollSource,
  removeSource,
  setSourcePaused,
  takeItems,
  type DeskAction,
  type PublishPolicy,
  type SourceMode,
  type SourceSettings,
  type WireItemStatus,
  type WireSource,
} from '../wire/index.js'
import {
  actorOf,
  formToken,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import {
  EMPTY_SOURCE_FORM,
  ITEM_FILTERS,
  SourceEditPage,
  sourceForm,
  WirePage,
  type SourceForm,
} from './views/wire.js'

/** Polls started from the screen run as the wire, like the scheduled ones. */
const WIRE = systemActor('wire', 'editor')

const ListQuery = Type.Object({
  source: Type.Optional(text(12)),
  section: Type.Optional(text(12)),
  status: Type.Optional(text(20)),
  q: Type.Optional(text(200)),
  notice: Type.Optional(text(300)),
})

const SettingsBody = {
  name: Type.Optional(text(200)),
  sectionId: Type.Optional(text(12)),
  authorId: Type.Optional(text(12)),
  tags: Type.Optional(text(2000)),
  mode: Type.Optional(text(20)),
  publish: Type.Optional(text(20)),
  interval: Type.Optional(text(12)),
  licensed: Type.Optional(text(10)),
  fullText: Type.Optional(text(10)),
  mapCategories: Type.Optional(text(10)),
  maxAgeDays: Type.Optional(text(12)),
  includeWords: Type.Optional(text(2000)),
  excludeWords: Type.Optional(text(2000)),
  _csrf: Type.Optional(text(200)),
}
const SourceBody = Type.Object({ url: text(2000), ...SettingsBody })
const SourceEditBody = Type.Object(SettingsBody)

const ItemsBody = Type.Object({
  ids: Type.Optional(repeated(text(12))),
  action: Type.Optional(text(20)),
  one: Type.Optional(text(40)),
  _csrf: Type.Optional(text(200)),
})

type Query = { source?: string; section?: string; status?: string; q?: string; notice?: string }

export const wireRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  app.get<{ Querystring: Query }>(
    '/wire',
    pageRoute({ querystring: ListQuery }),
    async (request, reply) => render(request, reply, { notice: request.query.notice }),
  )

  app.post<{ Body: Record<string, string | undefined> }>(
    '/wire/sources',
    formRoute({ body: SourceBody }),
    async (request, reply) => {
      const form = postedForm(request.body)
      try {
        const invalid = formError(request)
        if (invalid) throw invalid
        const source = await addSource(deps, actorOf(request), {
          url: form.url,
          ...settingsOf(form),
        })
        return seeOther(
          reply,
          `/admin/wire?notice=${encodeURIComponent(`Now following ${source.name}.`)}`,
        )
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
        return render(request, reply, { error: error.message, form }, 400)
      }
    },
  )

  app.get<{ Params: { id: string } }>(
    '/wire/sources/:id',
    pageRoute({ params: IdParams }),
    async (request, reply) => {
      const source = await findSource(deps, Number(request.params.id))
      if (!source) throw new AppError('NOT_FOUND', 'There is no such source.')
      return renderEdit(request, reply, source, sourceForm(source))
    },
  )

  app.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
    '/wire/sources/:id',
    formRoute({ params: IdParams, body: SourceEditBody }),
    async (request, reply) => {
      const source = await findSource(deps, Number(request.params.id))
      if (!source) throw new AppError('NOT_FOUND', 'There is no such source.')
      const form = { ...postedForm(request.body), url: source.url }
      try {
        const invalid = formError(request)
        if (invalid) throw invalid
        const saved = await editSource(deps, actorOf(request), source.id, settingsOf(form))
        return seeOther(reply, `/admin/wire?notice=${encodeURIComponent(`${saved.name} saved.`)}`)
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
        return renderEdit(request, reply, source, form, error.message, 400)
      }
    },
  )

  async function renderEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    source: WireSource,
    form: SourceForm,
    error?: string,
    status = 200,
  ) {
    const user = requireUser(request)
    requirePermission(user, 'wire.manage')
    const [sections, people] = [await listCategories(deps), await listUsers(deps)]
    const view = h(SourceEditPage, {
      user,
      csrf: formToken(request, reply),
      source,
      form,
      sections,
      people,
      error,
    })
    return sendPage(reply, view, status)
  }

  app.post<{ Params: { id: string; action: string } }>(
    '/wire/sources/:id/:action',
    formRoute({
      params: Type.Object({
        id: IdParams.properties.id,
        action: Type.String({ enum: ['poll', 'pause', 'resume', 'remove'] }),
      }),
      body: Type.Object({ _csrf: Type.Optional(text(200)) }),
    }),
    async (request, reply) => {
      const id = Number(request.params.id)
      const actor = actorOf(request)
      let notice: string
      switch (request.params.action) {
        case 'poll': {
          // The person must be allowed to run the wire; the poll itself runs as the wire.
          requirePermission(actor, 'wire.manage')
          const report = await pollSource(deps, WIRE, id)
          const o = report.outcome
          notice =
            o.status === 'fetched'
              ? `${report.name}: ${o.added} new, ${o.updated} updated.`
              : o.status === 'failed'
                ? `${report.name} failed: ${o.message}`
                : `${report.name}: ${o.status}.`
          break
        }
        case 'pause':
        case 'resume': {
          const source = await setSourcePaused(deps, actor, id, request.params.action === 'pause')
          notice = `${source.name} is ${source.status}.`
          break
        }
        default:
          await removeSource(deps, actor, id)
          notice = 'Source removed; its stories stay.'
      }
      return seeOther(reply, `/admin/wire?notice=${encodeURIComponent(notice)}`)
    },
  )

  app.post<{ Body: { ids?: string | string[]; action?: string; one?: string } }>(
    '/wire/items',
    formRoute({ body: ItemsBody }),
    async (request, reply) => {
      const invalid = formError(request)
      if (invalid) throw invalid
      const [oneAction, oneId] = (request.body.one ?? '').split(':')
      const action = (oneId ? oneAction : request.body.action) as DeskAction
      if (!DESK_ACTIONS.includes(action))
        throw new AppError('VALIDATION_FAILED', 'Choose publish, edit or skip.', {
          property: 'action',
        })
      const ids = oneId ? [oneId] : [request.body.ids ?? []].flat()
      if (ids.length === 0)
        return render(request, reply, { error: 'Choose at least one item first.' }, 400)
      const result = await takeItems(deps, actorOf(request), ids.map(Number), action)
      // Edit then publish: a single draft opens in the editor, its attribution in the body.
      if (action === 'draft' && result.articleIds.length === 1)
        return seeOther(reply, `/admin/articles/${result.articleIds[0]}`)
      const done = action === 'skip' ? 'skipped' : action === 'publish' ? 'published' : 'drafted'
      const count = ids.length - result.unchanged
      return seeOther(
        reply,
        `/admin/wire?notice=${encodeURIComponent(`${count} item${count === 1 ? '' : 's'} ${done}.`)}`,
      )
    },
  )

  app.get('/wire/sources.opml', async (request, reply) => {
    const opml = await exportSourcesOpml(deps, actorOf(request), 'Wire sources')
    return reply
      .type('text/x-opml; charset=utf-8')
      .header('content-disposition', 'attachment; filename="wire-sources.opml"')
      .header('cache-control', 'private, no-store')
      .send(opml)
  })

  app.post<{ Body: { opml?: string } }>(
    '/wire/opml',
    formRoute({ body: Type.Object({ opml: text(1_000_000), _csrf: Type.Optional(text(200)) }) }),
    async (request, reply) => {
      try {
        const invalid = formError(request)
        if (invalid) throw invalid
        const { added, skipped } = await importOpmlSources(
          deps,
          actorOf(request),
          request.body.opml ?? '',
        )
        return seeOther(
          reply,
          `/admin/wire?notice=${encodeURIComponent(`${added} sources added, ${skipped} already followed or unreadable.`)}`,
        )
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error
        return render(request, reply, { error: error.message }, 400)
      }
    },
  )

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string | undefined; error?: string; form?: SourceForm },
    status = 200,
  ) {
    const user = requireUser(request)
    requirePermission(user, 'wire.manage')
    const query = (request.query ?? {}) as Query
    const statusFilter = ITEM_FILTERS.some(([v]) => v === query.status) ? (query.status ?? '') : ''
    const sourceId = /^\d+$/.test(query.source ?? '') ? Number(query.source) : undefined
    const sectionId = /^\d+$/.test(query.section ?? '') ? Number(query.section) : undefined
    const [sources, items, waiting, sections, people] = [
      await listSources(deps),
      await listWireItems(deps, {
        sourceId,
        sectionId,
        status: (statusFilter || undefined) as WireItemStatus | undefined,
        query: query.q,
        limit: 100,
      }),
      await countNewItems(deps),
      await listCategories(deps),
      await listUsers(deps),
    ]
    const view = h(WirePage, {
      user,
      csrf: formToken(request, reply),
      sources,
      items,
      waiting,
      sections,
      people,
      filter: {
        source: sourceId ? String(sourceId) : '',
        section: sectionId ? String(sectionId) : '',
        status: statusFilter,
        q: query.q ?? '',
      },
      form: extra.form ?? EMPTY_SOURCE_FORM,
      error: extra.error,
      notice: extra.notice,
    })
    return sendPage(reply, view, status)
  }
}

/** The form as posted: unticked boxes are not sent, so none is ticked by default here. */
function postedForm(body: unknown): SourceForm {
  return { ...EMPTY_SOURCE_FORM, mapCategories: '', ...pickStrings(body) }
}

/** The source's settings from the form; full text needs the licence confirmed. */
function settingsOf(form: SourceForm): SourceSettings {
  if (form.mode === 'full' && form.licensed !== 'yes')
    throw new AppError(
      'VALIDATION_FAILED',
      'Full text is only for sources we are licensed to republish: tick the box to confirm.',
      { property: 'licensed' },
    )
  const maxAge = form.maxAgeDays.trim()
  return {
    name: form.name.trim() || undefined,
    sectionId: idOrNull(form.sectionId),
    authorId: idOrNull(form.authorId),
    tags: form.tags.split(','),
    includeWords: form.includeWords.split(','),
    excludeWords: form.excludeWords.split(','),
    maxAgeDays: maxAge === '' ? null : Number(maxAge),
    mode: form.mode as SourceMode,
    publish: form.publish as PublishPolicy,
    intervalMinutes: Number(form.interval),
    fetchFullText: form.fullText === 'yes',
    mapCategories: form.mapCategories === 'yes',
  }
}

function idOrNull(value: string): number | null {
  return /^\d+$/.test(value) ? Number(value) : null
}

function pickStrings(body: unknown): Partial<SourceForm> {
  const out: Record<string, string> = {}
  if (body && typeof body === 'object')
    for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value
  return out
}

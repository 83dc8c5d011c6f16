/**
 * Site management screens: sections (create, tree, order, description), tags (rename and merge,
 * with redirects), menus (up/down without JavaScript, drag with it), redirects, site settings
 * and ad slots, and the audit log. Every change goes through a use case, which checks the role:
 * editors manage taxonomy; only administrators change settings and read the log.
 */
import { Type, type TSchema } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { h } from 'preact'
import { can, listAudit, listUsers, type User } from '../auth/index.js'
import {
  addRedirect,
  createCategory,
  listCategories,
  listRedirects,
  findTagByNameOrSlug,
  listTagsPage,
  mergeTags,
  moveSection,
  removeRedirect,
  renameTag,
  updateSection,
} from '../content/index.js'
import { AppError } from '../errors.js'
import {
  assertForm,
  formRoute,
  IdParams,
  OptionalId,
  pageRoute,
  text,
} from '../http/form-schema.js'
import {
  findMenuItems,
  findSettings,
  reorderMenu,
  setAdSlot,
  SOCIAL_NETWORKS,
  updateSiteSettings,
  type SettingsPatch,
} from '../settings/index.js'
import {
  actorOf,
  field,
  formToken,
  requirePermission,
  requireUser,
  seeOther,
  sendPage,
  type AdminContext,
} from './admin-context.js'
import { statusOf } from './admin-errors.js'
import {
  AuditPage,
  MenusPage,
  RedirectsPage,
  SectionEditPage,
  SectionsPage,
  SettingsPage,
  SiteHubPage,
  TagsPage,
} from './views/site-manage.js'
import { pageParam } from './reader-desk.js'
import { pageCount } from './views/list-controls.js'

const MENUS = ['primary', 'footer']
const SHOWN_ERRORS = new Set([
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'TAG_NOT_FOUND',
  'CATEGORY_NOT_FOUND',
  'SLUG_TAKEN',
])
type Query = { done?: string; q?: string; page?: string }

/** A form body: the named text fields (each optional) plus the CSRF token. */
function fields(names: Record<string, number>, extra: Record<string, TSchema> = {}) {
  const shape: Record<string, TSchema> = { _csrf: Type.Optional(text(200)), ...extra }
  for (const [name, max] of Object.entries(names)) shape[name] = Type.Optional(text(max))
  return Type.Object(shape)
}

const DoneQuery = Type.Object({ done: Type.Optional(text(10)) })
const TagsQuery = Type.Object({
  done: Type.Optional(text(10)),
  q: Type.Optional(text(200)),
  page: Type.Optional(text(12)),
})
/** Tags a page of the Tags screen shows. */
const TAGS_PER_PAGE = 50
const SETTINGS_FIELDS: Record<string, number> = {
  title: 200,
  tagline: 200,
  logoUrl: 2000,
  faviconUrl: 2000,
  timeZone: 100,
  locale: 40,
  dateFormat: 10,
  contactEmail: 320,
  commentPolicy: 20,
  ...Object.fromEntries(SOCIAL_NETWORKS.map((n) => [`social.${n}`, 2000])),
}

export const siteManageRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { deps } = ctx

  const taxonomist = (request: FastifyRequest): User => {
    const user = requireUser(request)
    requirePermission(user, 'taxonomy.manage')
    return user
  }
  const admin = (request: FastifyRequest): User => {
    const user = requireUser(request)
    requirePermission(user, 'settings.manage')
    return user
  }
  const base = (request: FastifyRequest, reply: FastifyReply, user: User) => ({
    user,
    csrf: formToken(request, reply),
    notice: (request.query as Query).done ? 'Saved.' : undefined,
  })

  /** Run a write; a validation error re-renders `page` with the message (status 400/404). */
  async function attempt(
    request: FastifyRequest,
    reply: FastifyReply,
    write: () => Promise<unknown>,
    done: string,
    page: (error: string) => Promise<VNode<any>>,
  ): Promise<FastifyReply> {
    try {
      assertForm(request)
      await write()
      return seeOther(reply, done)
    } catch (error) {
      if (!(error instanceof AppError) || !SHOWN_ERRORS.has(error.code)) throw error
      return sendPage(reply, await page(error.message), statusOf(error))
    }
  }

  app.get('/site', pageRoute({ querystring: DoneQuery }), async (request, reply) => {
    const user = taxonomist(request)
    return sendPage(
      reply,
      h(SiteHubPage, { ...base(request, reply, user), admin: can(user, 'settings.manage') }),
    )
  })

  const sectionsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    error?: string,
  ) =>
    h(SectionsPage, { ...base(request, reply, user), error, sections: await listCategories(deps) })

  app.get('/sections', pageRoute({ querystring: DoneQuery }), async (request, reply) => {
    const user = taxonomist(request)
    return sendPage(reply, await sectionsPage(request, reply, user))
  })

  app.post(
    '/sections',
    formRoute({ body: fields({ name: 200, description: 2000, parentSlug: 200 }) }),
    async (request, reply) => {
      const user = taxonomist(request)
      const parentSlug = field(request, 'parentSlug')
      return attempt(
        request,
        reply,
        () =>
          createCategory(deps, actorOf(request), {
            name: field(request, 'name'),
            description: field(request, 'description'),
            ...(parentSlug ? { parentSlug } : {}),
          }),
        '/admin/sections?done=1',
        (error) => sectionsPage(request, reply, user, error),
      )
    },
  )

  app.post(
    '/sections/move',
    formRoute({ body: fields({ id: 12, direction: 10 }) }),
    async (request, reply) => {
      const user = taxonomist(request)
      const id = Number(field(request, 'id'))
      const direction = field(request, 'direction') === 'up' ? 'up' : 'down'
      return attempt(
        request,
        reply,
        () => moveSection(deps, actorOf(request), { id, direction }),
        '/admin/sections?done=1',
        (error) => sectionsPage(request, reply, user, error),
      )
    },
  )

  app.get<{ Params: { id: string } }>(
    '/sections/:id',
    pageRoute({ params: IdParams, querystring: DoneQuery }),
    async (request, reply) => {
      const user = taxonomist(request)
      const sections = await listCategories(deps)
      const section = sections.find((s) => s.id === Number(request.params.id))
      if (!section) throw new AppError('CATEGORY_NOT_FOUND', 'There is no such section.')
      return sendPage(
        reply,
        h(SectionEditPage, { ...base(request, reply, user), section, sections }),
      )
    },
  )

  app.post<{ Params: { id: string } }>(
    '/sections/:id',
    formRoute({
      params: IdParams,
      body: fields({ name: 200, description: 2000 }, { parentId: Type.Optional(OptionalId) }),
    }),
    async (request, reply) => {
      const user = taxonomist(request)
      const id = Number(request.params.id)
      const parent = field(request, 'parentId')
      return attempt(
        request,
        reply,
        () =>
          updateSection(deps, actorOf(request), {
            id,
            name: field(request, 'name'),
            description: field(request, 'description'),
            parentId: /^\d+$/.test(parent) ? Number(parent) : null,
          }),
        '/admin/sections?done=1',
        async (error) => {
          const sections = await listCategories(deps)
          const section = sections.find((s) => s.id === id)
          if (!section) throw new AppError('CATEGORY_NOT_FOUND', 'There is no such section.')
          return h(SectionEditPage, { ...base(request, reply, user), error, section, sections })
        },
      )
    },
  )

  /** The Tags screen: a page of tags (search and page from the address), and what was typed. */
  const tagsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    error?: string,
    typed?: { tagId: number; field: 'name' | 'into'; value: string },
  ) => {
    const query = request.query as Query
    const q = String(query.q ?? '').slice(0, 200)
    const wanted = pageParam(query.page)
    const search = q.trim() || undefined
    const load = (page: number) =>
      listTagsPage(deps, { search, limit: TAGS_PER_PAGE, offset: (page - 1) * TAGS_PER_PAGE })
    let list = await load(wanted)
    const page = Math.min(wanted, pageCount(list.total, TAGS_PER_PAGE))
    if (page !== wanted) list = await load(page)
    return h(TagsPage, {
      ...base(request, reply, user),
      error,
      typed,
      tags: list.tags,
      total: list.total,
      q,
      page,
      perPage: TAGS_PER_PAGE,
    })
  }

  app.get('/tags', pageRoute({ querystring: TagsQuery }), async (request, reply) => {
    const user = taxonomist(request)
    return sendPage(reply, await tagsPage(request, reply, user))
  })

  app.post<{ Params: { id: string } }>(
    '/tags/:id/rename',
    formRoute({ params: IdParams, body: fields({ name: 200 }) }),
    async (request, reply) => {
      const user = taxonomist(request)
      const id = Number(request.params.id)
      const name = field(request, 'name')
      return attempt(
        request,
        reply,
        () => renameTag(deps, actorOf(request), { id, name }),
        '/admin/tags?done=1',
        (error) => tagsPage(request, reply, user, error, { tagId: id, field: 'name', value: name }),
      )
    },
  )

  app.post<{ Params: { id: string } }>(
    '/tags/:id/merge',
    formRoute({
      params: IdParams,
      body: fields({}, { intoId: Type.Optional(OptionalId), into: Type.Optional(text(200)) }),
    }),
    async (request, reply) => {
      const user = taxonomist(request)
      const fromId = Number(request.params.id)
      // The tag to merge into, by name or slug as typed (or by id, from a script).
      const into = field(request, 'into').trim()
      return attempt(
        request,
        reply,
        async () => {
          let intoId = Number(field(request, 'intoId'))
          if (into) {
            const target = await findTagByNameOrSlug(deps, into)
            if (!target)
              throw new AppError('VALIDATION_FAILED', `There is no tag named “${into}”.`, {
                property: 'into',
              })
            intoId = target.id
          } else if (!intoId)
            throw new AppError('VALIDATION_FAILED', 'Name the tag to merge into.', {
              property: 'into',
            })
          await mergeTags(deps, actorOf(request), { fromId, intoId })
        },
        '/admin/tags?done=1',
        (error) =>
          tagsPage(request, reply, user, error, { tagId: fromId, field: 'into', value: into }),
      )
    },
  )

  app.get('/menus', pageRoute({ querystring: DoneQuery }), async (request, reply) => {
    const user = taxonomist(request)
    const menus = await Promise.all(
      MENUS.map(async (location) => ({ location, items: await findMenuItems(deps, location) })),
    )
    return sendPage(reply, h(MenusPage, { ...base(request, reply, user), menus }))
  })

  const MenuParams = Type.Object({ location: text(20) })

  app.post<{ Params: { location: string } }>(
    '/menus/:location/move',
    formRoute({ params: MenuParams, body: fields({ id: 12, direction: 10 }) }),
    async (request, reply) => {
      assertForm(request)
      const location = menuLocation(request.params.location)
      const ids = (await findMenuItems(deps, location)).map((i) => i.id)
      const id = Number(field(request, 'id'))
      const from = ids.indexOf(id)
      const to = field(request, 'direction') === 'up' ? from - 1 : from + 1
      if (from >= 0 && to >= 0 && to < ids.length) {
        ids.splice(from, 1)
        ids.splice(to, 0, id)
        await reorderMenu(deps, actorOf(request), { location, orderedIds: ids })
      }
      return seeOther(reply, '/admin/menus?done=1')
    },
  )

  // The drag-and-drop list sends the whole order at once.
  app.post<{ Params: { location: string } }>(
    '/menus/:location/order',
    {
      schema: {
        params: MenuParams,
        body: fields({ ids: 10_000 }),
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async (request, reply) => {
      const location = menuLocation(request.params.location)
      const orderedIds = field(request, 'ids')
        .split(',')
        .filter((v) => /^\d+$/.test(v))
        .map(Number)
      await reorderMenu(deps, actorOf(request), { location, orderedIds })
      return reply.send({ ok: true })
    },
  )

  const redirectsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    error?: string,
  ) =>
    h(RedirectsPage, {
      ...base(request, reply, user),
      error,
      redirects: await listRedirects(deps),
    })

  app.get('/redirects', pageRoute({ querystring: DoneQuery }), async (request, reply) => {
    const user = taxonomist(request)
    return sendPage(reply, await redirectsPage(request, reply, user))
  })

  app.post(
    '/redirects',
    formRoute({ body: fields({ fromPath: 2000, toPath: 2000 }) }),
    async (request, reply) => {
      const user = taxonomist(request)
      const input = { fromPath: field(request, 'fromPath'), toPath: field(request, 'toPath') }
      return attempt(
        request,
        reply,
        () => addRedirect(deps, actorOf(request), input),
        '/admin/redirects?done=1',
        (error) => redirectsPage(request, reply, user, error),
      )
    },
  )

  app.post(
    '/redirects/delete',
    formRoute({ body: fields({ fromPath: 2000 }) }),
    async (request, reply) => {
      const user = taxonomist(request)
      return attempt(
        request,
        reply,
        () => removeRedirect(deps, actorOf(request), field(request, 'fromPath')),
        '/admin/redirects?done=1',
        (error) => redirectsPage(request, reply, user, error),
      )
    },
  )

  const settingsPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    user: User,
    error?: string,
  ) =>
    h(SettingsPage, {
      ...base(request, reply, user),
      error,
      settings: await findSettings(deps),
      networks: SOCIAL_NETWORKS,
    })

  app.get('/settings', pageRoute({ querystring: DoneQuery }), async (request, reply) => {
    const user = admin(request)
    return sendPage(reply, await settingsPage(request, reply, user))
  })

  app.post(
    '/settings/site',
    formRoute({ body: fields(SETTINGS_FIELDS) }),
    async (request, reply) => {
      const user = admin(request)
      return attempt(
        request,
        reply,
        () => updateSiteSettings(deps, actorOf(request), settingsPatch(request)),
        '/admin/settings?done=1',
        (error) => settingsPage(request, reply, user, error),
      )
    },
  )

  app.post(
    '/ad-slots',
    formRoute({ body: fields({ slot: 50, html: 20_000 }) }),
    async (request, reply) => {
      const user = requireUser(request)
      requirePermission(user, 'adSlots.manage')
      return attempt(
        request,
        reply,
        () =>
          setAdSlot(deps, actorOf(request), field(request, 'slot').trim(), {
            html: field(request, 'html'),
          }),
        '/admin/settings?done=1',
        (error) => settingsPage(request, reply, user, error),
      )
    },
  )

  app.get('/audit', pageRoute(), async (request, reply) => {
    const user = requireUser(request)
    requirePermission(user, 'audit.view')
    const [entries, users] = await Promise.all([listAudit(deps, { limit: 200 }), listUsers(deps)])
    const names = new Map(users.map((u) => [u.id, u.name]))
    return sendPage(reply, h(AuditPage, { ...base(request, reply, user), entries, names }))
  })
}

/** The settings the form sent: only the fields present, so a partial form changes only those. */
function settingsPatch(request: FastifyRequest): SettingsPatch {
  const body = (request.body ?? {}) as Record<string, unknown>
  const has = (name: string) => typeof body[name] === 'string'
  const patch: SettingsPatch = {}
  const trimmed = ['logoUrl', 'faviconUrl', 'timeZone', 'locale', 'contactEmail'] as const
  for (const key of ['title', 'tagline'] as const) if (has(key)) patch[key] = field(request, key)
  for (const key of trimmed) if (has(key)) patch[key] = field(request, key).trim()
  if (has('dateFormat'))
    patch.dateFormat = field(request, 'dateFormat') as SettingsPatch['dateFormat']
  if (has('commentPolicy'))
    patch.commentPolicy = field(request, 'commentPolicy') as SettingsPatch['commentPolicy']
  if (SOCIAL_NETWORKS.some((n) => has(`social.${n}`)))
    patch.social = Object.fromEntries(
      SOCIAL_NETWORKS.map((n): [string, string] => [
        n,
        field(request, `social.${n}`).trim(),
      ]).filter(([, v]) => v),
    )
  return patch
}

function menuLocation(value: string): string {
  if (!MENUS.includes(value)) throw new AppError('NOT_FOUND', 'There is no such menu.')
  return value
}

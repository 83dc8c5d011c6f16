/**
 * @module webhook-payloads
 * Domain events → Ghost webhook events with Ghost's payloads, queued for delivery. Listens on
 * the event bus inside the write's transaction, just before it commits: a post change becomes `post.added`, `post.edited`,
 * `post.published`… with `{post: {current, previous}}`, where `current` is the post as the
 * Admin API shows it (tags and authors included) and `previous` holds the fields that changed.
 * Imports and the wire announce nothing here: they fire no webhooks.
 */
import type { ApiPerson, ApiPost, ArticleStatus } from '../../content/index.js'
import { findApiPost, listApiStaticPages } from '../../content/index.js'
import type { ArticleSnapshot, CommittingListener, DomainEvent, EventActor } from '../../events.js'
import { findSubscriberByEmail } from '../../newsletter/index.js'
import type { Services } from '../../services.js'
import { findSettings } from '../../settings/index.js'
import { enqueueWebhookEvent, hasWebhooksFor, storyEvents } from '../../webhooks/index.js'
import { adminPost } from './admin-api.routes.js'
import {
  ghostDate,
  serializePage,
  serializeTag,
  type GhostObject,
  type SerializeContext,
} from './ghost-serializers.js'

const POST_FORMATS = new Set(['html', 'plaintext'])
const PAGE_INCLUDE = new Set(['tags', 'authors'])

/** System writers whose changes are imports, not news: no webhooks. */
function isImport(actor: EventActor | undefined): boolean {
  if (actor?.kind !== 'system') return false
  return ['wire', 'demo', 'generator'].includes(actor.name) || actor.name.endsWith('-import')
}

/**
 * The committing listener that turns domain events into queued webhook deliveries, inside the
 * transaction of the write that caused them: the deliveries are durable exactly when the change
 * is, so a process that dies right after the commit still delivers. The payload is read in that
 * transaction too. A failure to build one is reported and skipped rather than refusing the
 * write (a database failure aborts the transaction anyway).
 */
export function webhookOutbox(
  services: Services,
  publicUrl: string,
  onError: (error: unknown, event: DomainEvent) => void,
): CommittingListener {
  return async (tx, event) => {
    const scoped: Services = { ...services, ...tx, events: services.events, publicUrl }
    let deliveries: Delivery[]
    try {
      deliveries = await payloadsFor(scoped, event)
    } catch (error) {
      onError(error, event)
      return
    }
    for (const { name, payload } of deliveries)
      await enqueueWebhookEvent(scoped, name, JSON.stringify(payload))
  }
}

interface Delivery {
  name: string
  payload: GhostObject
}

async function payloadsFor(services: Services, event: DomainEvent): Promise<Delivery[]> {
  switch (event.type) {
    case 'article.changed':
      return isImport(event.actor) ? [] : postDeliveries(services, event)
    case 'tag.changed':
      return tagDeliveries(services, event)
    case 'page.changed':
      return pageDeliveries(services, event)
    case 'comment.added':
      return only(services, 'comment.added', () => ({
        comment: {
          current: {
            id: String(event.comment.id),
            post_id: String(event.comment.articleId),
            parent_id: event.comment.parentId === null ? null : String(event.comment.parentId),
            status: event.comment.status,
            html: null,
            body: event.comment.body,
            member: { name: event.comment.authorName },
            created_at: ghostDate(event.comment.createdAt),
          },
          previous: {},
        },
      }))
    case 'subscriber.added':
      return only(services, 'subscriber.added', async () => {
        const subscriber = await findSubscriberByEmail(services, event.email)
        return {
          subscriber: {
            current: subscriber
              ? {
                  id: String(subscriber.id),
                  email: subscriber.email,
                  status: subscriber.status,
                  subscribed_url: null,
                  created_at: ghostDate(subscriber.createdAt),
                }
              : { email: event.email },
            previous: {},
          },
        }
      })
    case 'settings.changed':
      // Ghost sends an empty object: receivers re-read what they need.
      return only(services, 'site.changed', () => ({}))
    default:
      return []
  }
}

async function only(
  services: Services,
  name: string,
  build: () => GhostObject | Promise<GhostObject>,
): Promise<Delivery[]> {
  if ((await hasWebhooksFor(services, [name])).length === 0) return []
  return [{ name, payload: await build() }]
}

async function postDeliveries(
  services: Services,
  event: Extract<DomainEvent, { type: 'article.changed' }>,
): Promise<Delivery[]> {
  const before = event.snapshots?.before ?? null
  let after = event.snapshots?.after ?? null
  // Deleting through the Admin API archives a story: for webhooks it is gone.
  if (after?.status === 'archived') after = null
  if (before?.status === 'archived' && !after) return []
  const names = await hasWebhooksFor(services, storyEvents('post', before, after))
  if (names.length === 0) return []
  const ctx = await context(services)
  const stored = after ? await findApiPost(services, { id: event.articleId }, 'staff') : undefined
  const current = stored ? adminPost(ctx, stored, POST_FORMATS) : {}
  const previous = previousFields(ctx, before, after)
  return names.map((name) => ({ name, payload: { post: { current, previous } } }))
}

/** The fields that changed, with their old values; the whole post when it was deleted. */
function previousFields(
  ctx: SerializeContext,
  before: ArticleSnapshot | null,
  after: ArticleSnapshot | null,
): GhostObject {
  if (!before) return {}
  const old = adminPost(ctx, snapshotPost(before), POST_FORMATS)
  if (!after) return old
  const now = adminPost(ctx, snapshotPost(after), POST_FORMATS)
  const changed: GhostObject = {}
  for (const [key, value] of Object.entries(old))
    if (JSON.stringify(value) !== JSON.stringify(now[key])) changed[key] = value
  return changed
}

/** A snapshot in the read model's shape, so the Admin API's serializer can show it. */
function snapshotPost(s: ArticleSnapshot): ApiPost {
  const authors: ApiPerson[] = s.authors.map((a) => ({
    id: a.id,
    name: a.name,
    slug: a.slug,
    bio: '',
    avatarUrl: a.avatarUrl,
    website: null,
    postCount: 0,
  }))
  return {
    id: s.id,
    title: s.title,
    slug: s.slug,
    standfirst: s.standfirst,
    excerpt: s.excerpt,
    status: s.status as ArticleStatus,
    publishedAt: s.publishedAt,
    updatedAt: s.updatedAt,
    createdAt: s.createdAt,
    readingMinutes: s.readingMinutes,
    isFeatured: s.isFeatured,
    primaryCategoryId: s.categories[0]?.id ?? null,
    image: s.image,
    bodyHtml: s.bodyHtml,
    seoTitle: s.seoTitle,
    seoDescription: s.seoDescription,
    canonicalUrl: s.canonicalUrl,
    sections: s.categories,
    tags: s.tags,
    authors,
  } as ApiPost
}

async function tagDeliveries(
  services: Services,
  event: Extract<DomainEvent, { type: 'tag.changed' }>,
): Promise<Delivery[]> {
  const name = `tag.${event.change}`
  if ((await hasWebhooksFor(services, [name])).length === 0) return []
  const ctx = await context(services)
  const tag = (t: { name: string; slug: string }) =>
    serializeTag(ctx, { kind: 'tag', id: event.tag.id, ...t, description: '', postCount: 0 }, false)
  const current = event.change === 'deleted' ? {} : tag(event.tag)
  let previous: GhostObject = {}
  if (event.change === 'deleted') previous = tag(event.tag)
  else if (event.before) {
    const old = tag(event.before)
    for (const key of ['name', 'slug', 'url'])
      if (old[key] !== current[key]) previous[key] = old[key]
  }
  return [{ name, payload: { tag: { current, previous } } }]
}

async function pageDeliveries(
  services: Services,
  event: Extract<DomainEvent, { type: 'page.changed' }>,
): Promise<Delivery[]> {
  const after = event.deleted ? null : event.page
  const names = await hasWebhooksFor(services, storyEvents('page', event.before, after))
  if (names.length === 0) return []
  if (event.deleted) {
    // As Ghost: nothing current, the page as it was in `previous`.
    const previous: GhostObject = {
      id: String(event.page.id),
      title: event.page.title,
      slug: event.page.slug,
      status: event.page.status,
      published_at: ghostDate(event.page.publishedAt),
    }
    return names.map((name) => ({ name, payload: { page: { current: {}, previous } } }))
  }
  const ctx = await context(services)
  const listed = (await listApiStaticPages(services)).find((p) => p.id === event.page.id)
  const current: GhostObject = listed
    ? { ...serializePage(ctx, listed, { include: PAGE_INCLUDE, formats: POST_FORMATS }) }
    : { id: String(event.page.id), title: event.page.title, slug: event.page.slug }
  current.status = event.page.status
  const previous: GhostObject = event.before
    ? { status: event.before.status, published_at: ghostDate(event.before.publishedAt) }
    : {}
  return names.map((name) => ({ name, payload: { page: { current, previous } } }))
}

async function context(services: Services): Promise<SerializeContext> {
  return { publicUrl: services.publicUrl, timeZone: (await findSettings(services)).timeZone }
}

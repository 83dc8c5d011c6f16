/**
 * @module ghost-serializers
 * Broadsheet's read models in Ghost 5's shapes: posts, pages, tags (sections first), authors
 * and settings. Every `url` is absolute; dates are ISO with an offset; fields Ghost has and we
 * do not are null. A section is a tag here: a story's section is its `primary_tag`.
 */
import { hash } from 'node:crypto'
import {
  articlePath,
  htmlToText,
  type ApiPageRow,
  type ApiPerson,
  type ApiPost,
  type ApiTagRow,
  type CategoryRef,
  type TagRef,
} from '../../content/index.js'
import type { MenuItem, SiteSettings } from '../../settings/index.js'

/** Where the site lives and how it writes dates in paths. */
export interface SerializeContext {
  publicUrl: string
  timeZone: string
}

export type GhostObject = Record<string, unknown>

/** Ghost's timestamp form: `2026-11-17T09:30:00.000+00:00`. */
export function ghostDate(date: Date | null): string | null {
  return date ? date.toISOString().replace('Z', '+00:00') : null
}

/**
 * `path` on the site, as an absolute URL. A site path made only of characters a URL keeps as
 * they are (no dot segments, no `//`, no query) is joined to the site's origin as text: a page
 * of 15 posts makes about 150 of these, and parsing each was a tenth of its serialization.
 */
export function absolute(ctx: SerializeContext, path: string): string {
  if (PLAIN_PATH.test(path)) return originOf(ctx.publicUrl) + path
  return new URL(path, `${ctx.publicUrl.replace(/\/$/, '')}/`).toString()
}

const PLAIN_PATH = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/?)*$/
const origins = new Map<string, string>()

function originOf(publicUrl: string): string {
  let origin = origins.get(publicUrl)
  if (origin === undefined) {
    origin = new URL('/', `${publicUrl.replace(/\/$/, '')}/`).toString().slice(0, -1)
    origins.set(publicUrl, origin)
  }
  return origin
}

/**
 * A stable UUID for a row (Ghost posts have one; ours derive from the id). The one-shot `hash`
 * skips the Hash object `createHash` builds: a page of 15 posts makes 15 of these.
 */
export function stableUuid(kind: string, id: number): string {
  const hex = hash('sha1', `broadsheet:${kind}:${id}`, 'hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

const SEO_NULLS = {
  og_image: null,
  og_title: null,
  og_description: null,
  twitter_image: null,
  twitter_title: null,
  twitter_description: null,
}

/**
 * A section or tag as a Ghost tag. Section ids are prefixed `s` so they never collide. Written
 * as one literal (no spreads): a page of 15 posts makes about 60 of these.
 */
export function serializeTag(
  ctx: SerializeContext,
  tag: Omit<ApiTagRow, 'createdAt'>,
  withCount: boolean,
): GhostObject {
  const object: GhostObject = {
    id: tagId(tag),
    name: tag.name,
    slug: tag.slug,
    description: tag.description || null,
    feature_image: null,
    visibility: 'public',
    og_image: null,
    og_title: null,
    og_description: null,
    twitter_image: null,
    twitter_title: null,
    twitter_description: null,
    meta_title: null,
    meta_description: null,
    codeinjection_head: null,
    codeinjection_foot: null,
    canonical_url: null,
    accent_color: null,
    url: absolute(ctx, tag.kind === 'section' ? `/${tag.slug}/` : `/tag/${tag.slug}/`),
  }
  if (withCount) object.count = { posts: tag.postCount }
  return object
}

export function tagId(tag: Pick<ApiTagRow, 'kind' | 'id'>): string {
  return tag.kind === 'section' ? `s${tag.id}` : String(tag.id)
}

/** A person as a Ghost author: never an email. */
export function serializeAuthor(
  ctx: SerializeContext,
  person: ApiPerson,
  withCount: boolean,
): GhostObject {
  const object: GhostObject = {
    id: String(person.id),
    name: person.name,
    slug: person.slug,
    profile_image: person.avatarUrl ? absolute(ctx, person.avatarUrl) : null,
    cover_image: null,
    bio: person.bio || null,
    website: person.website,
    location: null,
    facebook: null,
    twitter: null,
    meta_title: null,
    meta_description: null,
    url: absolute(ctx, `/author/${person.slug}/`),
  }
  if (withCount) object.count = { posts: person.postCount }
  return object
}

export interface PostOptions {
  include: Set<string>
  formats: Set<string>
}

/**
 * A published story as a Ghost post. Its keys are set in Ghost's order, the optional ones
 * (formats, includes) in their place, with no spreads: building the object was most of a post's
 * serialization.
 */
export function serializePost(
  ctx: SerializeContext,
  post: ApiPost,
  options: PostOptions,
): GhostObject {
  const object = postHead(ctx, post, options)
  const withTags = options.include.has('tags')
  const tags: GhostObject[] = []
  if (withTags) {
    for (const s of post.sections) tags.push(linkedTag(ctx, 'section', s))
    for (const t of post.tags) tags.push(linkedTag(ctx, 'tag', t))
    object.tags = tags
  }
  if (options.include.has('authors')) {
    const authors = post.authors.map((a) => serializeAuthor(ctx, a, false))
    object.authors = authors
    object.primary_author = authors[0] ?? null
  }
  if (withTags) object.primary_tag = tags[0] ?? null
  return Object.assign(object, postTail(ctx, post))
}

/** Links' JSON texts by id, written while a page's posts are (see `postJsonText`). */
export interface WrittenLinks {
  sections: Map<number, string>
  tags: Map<number, string>
  authors: Map<number, string>
}

export function writtenLinks(): WrittenLinks {
  return { sections: new Map(), tags: new Map(), authors: new Map() }
}

/**
 * The text `JSON.stringify(serializePost(ctx, post, options))` gives, with each tag and author
 * written once into `written` and reused from there: the posts of a page share a few sections
 * and bylines, and each shows its first ones twice (`primary_tag`, `primary_author`). `written`
 * must not outlive one load of the posts (a rename changes them).
 */
export function postJsonText(
  ctx: SerializeContext,
  post: ApiPost,
  options: PostOptions,
  written: WrittenLinks,
): string {
  const head = JSON.stringify(postHead(ctx, post, options))
  let links = ''
  const withTags = options.include.has('tags')
  const tags: string[] = []
  if (withTags) {
    for (const s of post.sections) tags.push(linkText(ctx, written.sections, s, sectionTag))
    for (const t of post.tags) tags.push(linkText(ctx, written.tags, t, plainTag))
    links += `,"tags":[${tags.join(',')}]`
  }
  if (options.include.has('authors')) {
    const authors = post.authors.map((a) => linkText(ctx, written.authors, a, byline))
    links += `,"authors":[${authors.join(',')}],"primary_author":${authors[0] ?? 'null'}`
  }
  if (withTags) links += `,"primary_tag":${tags[0] ?? 'null'}`
  // Both objects have keys, so each text is `{…}`: joined, they are one object in order.
  return `${head.slice(0, -1)}${links},${JSON.stringify(postTail(ctx, post)).slice(1)}`
}

function linkText<T extends { id: number }>(
  ctx: SerializeContext,
  written: Map<number, string>,
  link: T,
  serialize: (ctx: SerializeContext, link: T) => GhostObject,
): string {
  let text = written.get(link.id)
  if (text === undefined) written.set(link.id, (text = JSON.stringify(serialize(ctx, link))))
  return text
}

const sectionTag = (ctx: SerializeContext, s: CategoryRef) => linkedTag(ctx, 'section', s)
const plainTag = (ctx: SerializeContext, t: TagRef) => linkedTag(ctx, 'tag', t)
const byline = (ctx: SerializeContext, a: ApiPerson) => serializeAuthor(ctx, a, false)

/** A post's keys before its links (tags, authors), in Ghost's order. */
function postHead(ctx: SerializeContext, post: ApiPost, options: PostOptions): GhostObject {
  const object: GhostObject = {
    id: String(post.id),
    uuid: stableUuid('article', post.id),
    title: post.title,
    slug: post.slug,
  }
  if (options.formats.has('html')) object.html = post.bodyHtml
  if (options.formats.has('plaintext')) object.plaintext = htmlToText(post.bodyHtml)
  object.comment_id = String(post.id)
  object.feature_image = post.image ? absolute(ctx, post.image.url) : null
  object.featured = post.isFeatured
  object.visibility = 'public'
  object.created_at = ghostDate(post.createdAt)
  object.updated_at = ghostDate(post.updatedAt)
  object.published_at = ghostDate(post.publishedAt)
  object.custom_excerpt = post.standfirst || null
  object.codeinjection_head = null
  object.codeinjection_foot = null
  object.custom_template = null
  object.canonical_url = post.canonicalUrl || null
  return object
}

/** A post's keys after its links, in Ghost's order. */
function postTail(ctx: SerializeContext, post: ApiPost): GhostObject {
  return {
    url: absolute(ctx, articlePath(post, ctx.timeZone)),
    excerpt: post.standfirst || post.excerpt,
    reading_time: post.readingMinutes,
    access: true,
    comments: false,
    ...SEO_NULLS,
    meta_title: post.seoTitle || null,
    meta_description: post.seoDescription || null,
    email_subject: null,
    frontmatter: null,
    feature_image_alt: post.image?.alt || null,
    feature_image_caption: post.image?.caption || null,
  }
}

/** A static page as a Ghost page (no tags; its byline, or the owner). */
export function serializePage(
  ctx: SerializeContext,
  page: ApiPageRow & { authors: ApiPerson[] },
  options: PostOptions,
): GhostObject {
  const authors = page.authors.map((a) => serializeAuthor(ctx, a, false))
  return {
    id: String(page.id),
    uuid: stableUuid('page', page.id),
    title: page.title,
    slug: page.slug,
    ...bodyFormats(page.bodyHtml, options.formats),
    comment_id: `page-${page.id}`,
    feature_image: null,
    featured: false,
    visibility: 'public',
    created_at: ghostDate(page.createdAt),
    updated_at: ghostDate(page.updatedAt),
    published_at: ghostDate(page.publishedAt ?? page.createdAt),
    custom_excerpt: null,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: null,
    ...(options.include.has('tags') ? { tags: [], primary_tag: null } : {}),
    ...(options.include.has('authors') ? { authors, primary_author: authors[0] ?? null } : {}),
    url: absolute(ctx, `/${page.slug}/`),
    excerpt: htmlToText(page.bodyHtml).slice(0, 500),
    reading_time: Math.max(1, Math.round(htmlToText(page.bodyHtml).split(/\s+/).length / 265)),
    access: true,
    comments: false,
    ...SEO_NULLS,
    meta_title: page.seoTitle || null,
    meta_description: page.seoDescription || null,
    email_subject: null,
    frontmatter: null,
    feature_image_alt: null,
    feature_image_caption: null,
  }
}

function bodyFormats(html: string, formats: Set<string>): GhostObject {
  return {
    ...(formats.has('html') ? { html } : {}),
    ...(formats.has('plaintext') ? { plaintext: htmlToText(html) } : {}),
  }
}

function linkedTag(
  ctx: SerializeContext,
  kind: 'section' | 'tag',
  ref: { id: number; name: string; slug: string },
): GhostObject {
  return serializeTag(
    ctx,
    { kind, id: ref.id, name: ref.name, slug: ref.slug, description: '', postCount: 0 },
    false,
  )
}

/** The site's settings in Ghost's shape (what themes and front-ends read). */
export function serializeSettings(
  ctx: SerializeContext,
  settings: SiteSettings,
  menus: { primary: MenuItem[]; footer: MenuItem[] },
): GhostObject {
  const nav = (items: MenuItem[]) =>
    items.filter((i) => i.parentId === null).map((i) => ({ label: i.label, url: i.url }))
  const image = (url: string) => (url ? absolute(ctx, url) : null)
  return {
    title: settings.title,
    description: settings.description,
    logo: image(settings.logoUrl),
    icon: image(settings.faviconUrl),
    accent_color: null,
    cover_image: null,
    facebook: settings.social.facebook ?? null,
    twitter: settings.social.x ?? null,
    lang: settings.locale.split('-')[0] ?? 'en',
    locale: settings.locale,
    timezone: settings.timeZone,
    codeinjection_head: null,
    codeinjection_foot: null,
    navigation: nav(menus.primary),
    secondary_navigation: nav(menus.footer),
    meta_title: null,
    meta_description: settings.description || null,
    ...SEO_NULLS,
    members_support_address: settings.contactEmail || null,
    members_enabled: false,
    members_invite_only: false,
    paid_members_enabled: false,
    firstpromoter_account: null,
    portal_button_style: null,
    portal_button_signup_text: null,
    portal_button_icon: null,
    portal_plans: [],
    portal_name: false,
    portal_button: false,
    comments_enabled: 'off',
    recommendations_enabled: false,
    outbound_link_tagging: false,
    default_email_address: null,
    support_email_address: settings.contactEmail || null,
    editor_default_email_recipients: 'disabled',
    url: absolute(ctx, '/'),
  }
}

/** Keep only `fields` (and whatever `include` added) when the client asked for some. */
export function pickFields(
  object: GhostObject,
  fields: Set<string> | undefined,
  keep: readonly string[] = [],
): GhostObject {
  if (!fields || fields.size === 0) return object
  const out: GhostObject = {}
  for (const key of [...fields, ...keep]) if (key in object) out[key] = object[key]
  return out
}

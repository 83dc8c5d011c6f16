/**
 * `broadsheet export wordpress`: the whole site as WXR 1.2, the file WordPress's own importer
 * (Tools → Import → WordPress) reads: authors, categories (with their parents), tags, posts with
 * comments, pages, and each featured image as an attachment WordPress downloads.
 *
 * Ids: WordPress items share one id space, ours do not, so an article keeps id 4n, a page takes
 * 4n+1 and a picture 4n+2 (n being its Broadsheet id). Broadsheet's "archived" has no WordPress
 * status: it goes out as `private`.
 */
import { articlePath, type Article } from '../../content/index.js'
import type { ExportComment } from '../../comments/index.js'
import type { ExportPage } from '../../content/index.js'
import type { MenuItem } from '../../settings/index.js'
import {
  absolute,
  readArticles,
  readHeader,
  readPages,
  streamWriter,
  type ExportDeps,
} from './export-source.js'

const NS = {
  excerpt: 'http://wordpress.org/export/1.2/excerpt/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  dc: 'http://purl.org/dc/elements/1.1/',
  wp: 'http://wordpress.org/export/1.2/',
}

const STATUS: Record<Article['status'], string> = {
  published: 'publish',
  draft: 'draft',
  pending: 'pending',
  scheduled: 'future',
  archived: 'private',
}

const COMMENT_STATUS: Record<ExportComment['status'], string> = {
  approved: '1',
  pending: '0',
  spam: 'spam',
  trash: 'trash',
}

export const articleItemId = (id: number) => id * 4
export const pageItemId = (id: number) => id * 4 + 1
export const mediaItemId = (id: number) => id * 4 + 2
export const menuItemId = (id: number) => id * 4 + 3

/**
 * Write the site as WXR to `out`, a story at a time.
 * @example await exportWordPress(services, process.stdout)
 */
export async function exportWordPress(
  deps: ExportDeps,
  out: NodeJS.WritableStream,
): Promise<{ articles: number; pages: number; comments: number }> {
  const write = streamWriter(out)
  const { settings, users, sections, tags, menus } = await readHeader(deps)
  const base = deps.publicUrl.replace(/\/+$/, '')
  const zone = settings.timeZone
  const login = new Map(users.map((u) => [u.id, u.slug]))
  const sectionSlug = new Map(sections.map((s) => [s.id, s.slug]))
  await write(
    `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" ${Object.entries(NS)
      .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
      .join(' ')}>\n<channel>\n` +
      el('title', settings.title) +
      el('link', base) +
      el('description', settings.description) +
      el('pubDate', deps.clock.now().toUTCString()) +
      el('language', 'en') +
      el('wp:wxr_version', '1.2') +
      el('wp:base_site_url', base) +
      el('wp:base_blog_url', base) +
      '\n',
  )
  for (const user of users)
    await write(
      `<wp:author>${el('wp:author_id', String(user.id))}${cdata('wp:author_login', user.slug)}${cdata('wp:author_email', user.email)}${cdata('wp:author_display_name', user.name)}${cdata('wp:author_first_name', '')}${cdata('wp:author_last_name', '')}</wp:author>\n`,
    )
  for (const s of sections)
    await write(
      `<wp:category>${el('wp:term_id', String(s.id))}${cdata('wp:category_nicename', s.slug)}${cdata('wp:category_parent', s.parentId === null ? '' : (sectionSlug.get(s.parentId) ?? ''))}${cdata('wp:cat_name', s.name)}${cdata('wp:category_description', s.description)}</wp:category>\n`,
    )
  for (const t of tags)
    await write(
      `<wp:tag>${el('wp:term_id', String(t.id))}${cdata('wp:tag_slug', t.slug)}${cdata('wp:tag_name', t.name)}</wp:tag>\n`,
    )
  for (const [i, menu] of menus.entries())
    await write(
      `<wp:term>${el('wp:term_id', String(i + 1))}${cdata('wp:term_taxonomy', 'nav_menu')}${cdata('wp:term_slug', menu.location)}${cdata('wp:term_name', MENU_NAMES[menu.location] ?? menu.location)}</wp:term>\n`,
    )
  const counts = { articles: 0, pages: 0, comments: 0 }
  const media = new Set<number>()
  for await (const { article, comments } of readArticles(deps)) {
    await write(articleItem(article, comments, { base, zone, login }))
    if (article.image && !media.has(article.image.mediaId)) {
      media.add(article.image.mediaId)
      await write(attachmentItem(article, { base, zone }))
    }
    counts.articles++
    counts.comments += comments.length
  }
  for await (const page of readPages(deps)) {
    await write(pageItem(page, { base, zone, login }))
    counts.pages++
  }
  for (const menu of menus)
    for (const [position, item] of menu.items.entries())
      await write(menuItem(menu.location, item, position + 1, { base, zone }))
  await write('</channel>\n</rss>\n')
  return counts
}

interface ItemContext {
  base: string
  zone: string
  login?: Map<number, string>
}

function articleItem(article: Article, comments: ExportComment[], ctx: ItemContext): string {
  const id = articleItemId(article.id)
  const date = article.publishedAt ?? article.createdAt
  const link = article.publishedAt
    ? `${ctx.base}${articlePath(article, ctx.zone)}`
    : `${ctx.base}/?p=${id}`
  const terms = [
    ...article.categories.map(
      (c) =>
        `<category domain="category" nicename="${attr(c.slug)}">${cdataText(c.name)}</category>`,
    ),
    ...article.tags.map(
      (t) =>
        `<category domain="post_tag" nicename="${attr(t.slug)}">${cdataText(t.name)}</category>`,
    ),
  ].join('')
  const meta = [
    article.image ? postmeta('_thumbnail_id', String(mediaItemId(article.image.mediaId))) : '',
    article.seoTitle ? postmeta('_yoast_wpseo_title', article.seoTitle) : '',
    article.seoDescription ? postmeta('_yoast_wpseo_metadesc', article.seoDescription) : '',
  ].join('')
  return (
    '<item>' +
    el('title', article.title) +
    el('link', link) +
    el('pubDate', date.toUTCString()) +
    cdata('dc:creator', ctx.login?.get(article.authors[0]?.id ?? -1) ?? '') +
    `<guid isPermaLink="false">${esc(`${ctx.base}/?p=${id}`)}</guid>` +
    el('description', '') +
    cdata('content:encoded', article.bodyHtml) +
    cdata('excerpt:encoded', article.standfirst || '') +
    el('wp:post_id', String(id)) +
    dates(
      article.publishedAt ?? (article.status === 'draft' ? null : date),
      article.createdAt,
      article.updatedAt,
      ctx.zone,
    ) +
    cdata('wp:comment_status', article.allowComments ? 'open' : 'closed') +
    cdata('wp:ping_status', 'closed') +
    cdata('wp:post_name', article.slug) +
    cdata('wp:status', STATUS[article.status]) +
    el('wp:post_parent', '0') +
    el('wp:menu_order', '0') +
    cdata('wp:post_type', 'post') +
    cdata('wp:post_password', '') +
    el('wp:is_sticky', article.isEditorsPick ? '1' : '0') +
    terms +
    meta +
    comments.map((c) => commentXml(c, ctx.zone)).join('') +
    '</item>\n'
  )
}

function attachmentItem(article: Article, ctx: ItemContext): string {
  const image = article.image!
  const url = absolute(ctx.base, image.url)
  const id = mediaItemId(image.mediaId)
  const file = image.url.replace(/^\/media\//, '')
  return (
    '<item>' +
    el('title', image.alt || file) +
    el('link', url) +
    `<guid isPermaLink="false">${esc(url)}</guid>` +
    cdata('content:encoded', '') +
    cdata('excerpt:encoded', image.caption) +
    el('wp:post_id', String(id)) +
    dates(article.createdAt, article.createdAt, article.createdAt, ctx.zone) +
    cdata('wp:post_name', file.replace(/[^a-z0-9]+/gi, '-').toLowerCase()) +
    cdata('wp:status', 'inherit') +
    el('wp:post_parent', String(articleItemId(article.id))) +
    cdata('wp:post_type', 'attachment') +
    cdata('wp:attachment_url', url) +
    postmeta('_wp_attached_file', file) +
    (image.alt ? postmeta('_wp_attachment_image_alt', image.alt) : '') +
    '</item>\n'
  )
}

function pageItem(page: ExportPage, ctx: ItemContext): string {
  const id = pageItemId(page.id)
  return (
    '<item>' +
    el('title', page.title) +
    el('link', `${ctx.base}/${page.slug}/`) +
    el('pubDate', (page.publishedAt ?? page.createdAt).toUTCString()) +
    cdata('dc:creator', ctx.login?.get(page.authorId ?? -1) ?? '') +
    `<guid isPermaLink="false">${esc(`${ctx.base}/?page_id=${id}`)}</guid>` +
    el('description', '') +
    cdata('content:encoded', page.bodyHtml) +
    cdata('excerpt:encoded', '') +
    el('wp:post_id', String(id)) +
    dates(page.publishedAt, page.createdAt, page.updatedAt, ctx.zone) +
    cdata('wp:comment_status', 'closed') +
    cdata('wp:ping_status', 'closed') +
    cdata('wp:post_name', page.slug) +
    cdata('wp:status', page.status === 'published' ? 'publish' : 'draft') +
    el('wp:post_parent', '0') +
    el('wp:menu_order', '0') +
    cdata('wp:post_type', 'page') +
    cdata('wp:post_password', '') +
    el('wp:is_sticky', '0') +
    '</item>\n'
  )
}

const MENU_NAMES: Record<string, string> = { primary: 'Primary menu', footer: 'Footer menu' }

/** A menu link: to a section (category), a page, or an address (custom). */
function menuItem(location: string, item: MenuItem, position: number, ctx: ItemContext): string {
  const [type, object, objectId] =
    item.categoryId !== null
      ? ['taxonomy', 'category', String(item.categoryId)]
      : item.pageId !== null
        ? ['post_type', 'page', String(pageItemId(item.pageId))]
        : ['custom', 'custom', String(menuItemId(item.id))]
  const id = menuItemId(item.id)
  return (
    '<item>' +
    el('title', item.label) +
    el('link', `${ctx.base}/?p=${id}`) +
    el('wp:post_id', String(id)) +
    cdata('wp:status', 'publish') +
    el('wp:menu_order', String(position)) +
    cdata('wp:post_type', 'nav_menu_item') +
    `<category domain="nav_menu" nicename="${attr(location)}">${cdataText(MENU_NAMES[location] ?? location)}</category>` +
    postmeta('_menu_item_type', type) +
    postmeta('_menu_item_menu_item_parent', String(item.parentId === null ? 0 : menuItemId(item.parentId))) +
    postmeta('_menu_item_object_id', objectId) +
    postmeta('_menu_item_object', object) +
    (type === 'custom' ? postmeta('_menu_item_url', absolute(ctx.base, item.url)) : '') +
    '</item>\n'
  )
}

function commentXml(c: ExportComment, zone: string): string {
  return (
    '<wp:comment>' +
    el('wp:comment_id', String(c.id)) +
    cdata('wp:comment_author', c.authorName) +
    cdata('wp:comment_author_email', c.authorEmail) +
    el('wp:comment_author_url', c.authorUrl) +
    cdata('wp:comment_author_IP', '') +
    el('wp:comment_date', localTime(c.createdAt, zone)) +
    el('wp:comment_date_gmt', utcTime(c.createdAt)) +
    cdata('wp:comment_content', c.body) +
    cdata('wp:comment_approved', COMMENT_STATUS[c.status]) +
    cdata('wp:comment_type', 'comment') +
    el('wp:comment_parent', String(c.parentId ?? 0)) +
    el('wp:comment_user_id', String(c.userId ?? 0)) +
    '</wp:comment>'
  )
}

/** post_date (site time) and post_date_gmt; drafts without a date get WordPress's zero date. */
function dates(published: Date | null, created: Date, updated: Date, zone: string): string {
  const when = published ?? created
  return (
    cdata('wp:post_date', localTime(when, zone)) +
    cdata('wp:post_date_gmt', published ? utcTime(published) : '0000-00-00 00:00:00') +
    cdata('wp:post_modified', localTime(updated, zone)) +
    cdata('wp:post_modified_gmt', utcTime(updated))
  )
}

function postmeta(key: string, value: string): string {
  return `<wp:postmeta>${cdata('wp:meta_key', key)}${cdata('wp:meta_value', value)}</wp:postmeta>`
}

export function utcTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ')
}

/** `YYYY-MM-DD HH:MM:SS` on the wall clock of `zone`. */
export function localTime(date: Date, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

function el(name: string, text: string): string {
  return `<${name}>${esc(text)}</${name}>`
}

function cdata(name: string, text: string): string {
  return `<${name}>${cdataText(text)}</${name}>`
}

/** CDATA cannot hold `]]>`: split it across two sections, as WordPress does. */
function cdataText(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function attr(text: string): string {
  return esc(text)
}

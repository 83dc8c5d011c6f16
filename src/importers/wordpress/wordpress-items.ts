/**
 * WXR `<item>`s into import records: posts and pages into stories (with their comments),
 * attachments into media, `nav_menu_item`s into menu items; everything else is skipped and
 * counted (revisions, trash, auto-drafts, block-theme internals, custom post types).
 */
import { htmlToText } from '../html-text.js'
import type {
  ImportComment,
  ImportMedia,
  ImportMenuItem,
  ImportMenuTarget,
  ImportRecord,
  ImportSkipped,
  ImportStory,
  ImportStoryStatus,
  ImportWarning,
} from '../import-model.js'
import { convertWordPressBody } from './wordpress-body.js'
import { referencedRecords } from './wordpress-header.js'
import {
  itemName,
  plainName,
  warning,
  wordpressSlug,
  type WordPressContext,
} from './wordpress-context.js'
import { wpautop } from './wpautop.js'
import { metaData, metaValue, type WxrComment, type WxrItem } from './wxr-records.js'

/** The records one item becomes: authors or terms it names that the header did not list come first. */
export function mapItem(item: WxrItem, ctx: WordPressContext): ImportRecord[] {
  const type = item.postType || 'post'
  if (type === 'attachment') return [mapMedia(item, ctx)]
  if (type === 'nav_menu_item') return mapMenuItem(item)
  if (type !== 'post' && type !== 'page') return [skipped(type, item, skipReason(type))]
  if (['trash', 'auto-draft', 'inherit'].includes(item.status))
    return [skipped(type, item, `status “${item.status}”`)]
  const story = mapStory(item, type === 'post' ? 'article' : 'page', ctx)
  const name = itemName(type, item.postId, story.title)
  const pings = item.comments.filter(isPing).map((c): ImportSkipped => ({
    kind: 'skipped',
    what: c.type,
    sourceId: c.id,
    reason: `on ${name}`,
  }))
  return [...referencedRecords(item, ctx), story, ...pings]
}

function skipReason(type: string): string {
  if (type === 'revision') return 'an earlier version of a post'
  if (type === 'wp_block') return 'a reusable block (its content is not in the posts that use it)'
  if (type.startsWith('wp_') || type === 'customize_changeset' || type === 'custom_css')
    return 'site design, not content'
  return `post type “${type}” has no Broadsheet equivalent`
}

function skipped(type: string, item: WxrItem, reason: string): ImportSkipped {
  return { kind: 'skipped', what: type, sourceId: item.postId, reason }
}

function isPing(comment: WxrComment): boolean {
  return comment.type === 'pingback' || comment.type === 'trackback'
}

function mapStory(item: WxrItem, kind: 'article' | 'page', ctx: WordPressContext): ImportStory {
  const title = plainName(item.title)
  const name = itemName(kind === 'article' ? 'post' : 'page', item.postId, title)
  const warnings: ImportWarning[] = []
  const body = convertWordPressBody(item.content, item.postId)
  warnings.push(...body.warnings.map((message) => warning(name, message)))
  const { status, note } = storyStatus(item, kind)
  if (note) warnings.push(warning(name, note))
  const posted = ctx.date(item.postDateGmt, item.postDate)
  const modified = ctx.date(item.postModifiedGmt, item.postModified)
  // WordPress keeps no creation time: the earlier of its two dates stands in (a scheduled
  // post's date lies ahead of its last edit).
  const createdAt = earliest(posted, modified) ?? new Date(0)
  const updatedAt = modified && modified > createdAt ? modified : createdAt
  const thumbnail = metaValue(item.meta, '_thumbnail_id').trim()
  return {
    kind,
    sourceId: item.postId,
    title,
    slug: wordpressSlug(item.postName, title) || `${kind}-${item.postId}`,
    status,
    publishedAt: status === 'draft' || status === 'pending' ? null : (posted ?? null),
    createdAt,
    updatedAt,
    bodyHtml: body.html,
    excerpt: htmlToText(item.excerpt) || body.teaser,
    seoTitle: seoText(
      metaValue(item.meta, '_yoast_wpseo_title') || metaValue(item.meta, 'rank_math_title'),
    ),
    seoDescription: seoText(
      metaValue(item.meta, '_yoast_wpseo_metadesc') ||
        metaValue(item.meta, 'rank_math_description'),
    ),
    canonicalUrl: metaValue(item.meta, '_yoast_wpseo_canonical').trim(),
    isEditorsPick: item.isSticky,
    allowComments: item.commentStatus !== 'closed',
    authorSourceIds: storyAuthors(item),
    categorySlugs: item.terms
      .filter((t) => t.domain === 'category')
      .map((t) => wordpressSlug(t.nicename, plainName(t.name))),
    tags: item.terms
      .filter((t) => t.domain === 'post_tag')
      .map((t) => ({
        slug: wordpressSlug(t.nicename, plainName(t.name)),
        name: plainName(t.name),
      })),
    featuredImage: /^\d+$/.test(thumbnail)
      ? { mediaSourceId: thumbnail, url: '', alt: '', caption: '' }
      : null,
    comments: mapComments(item.comments, ctx),
    oldUrls: storyUrls(item, kind, ctx),
    droppedShortcodes: body.droppedShortcodes,
    warnings,
  }
}

const STATUSES: Record<string, ImportStoryStatus> = {
  publish: 'published',
  draft: 'draft',
  pending: 'pending',
  future: 'scheduled',
}

/** WordPress statuses as Broadsheet workflow states; what has no equivalent becomes a draft. */
function storyStatus(
  item: WxrItem,
  kind: 'article' | 'page',
): { status: ImportStoryStatus; note?: string } {
  if (item.postPassword)
    return { status: 'draft', note: 'was password-protected: imported as a draft' }
  if (item.status === 'private')
    return { status: 'draft', note: 'was private: imported as a draft' }
  const status = STATUSES[item.status]
  if (!status) return { status: 'draft', note: `had status “${item.status}”: imported as a draft` }
  if (kind === 'page' && (status === 'pending' || status === 'scheduled'))
    return { status: 'draft', note: `was a ${status} page: pages are drafts or published` }
  return { status }
}

function earliest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a || !b) return a ?? b
  return a < b ? a : b
}

/** Yoast and Rank Math titles may hold template variables (`%%title%%`): those are not text. */
function seoText(value: string): string {
  const text = value.trim()
  return /%%\w+%%|%\w+%/.test(text) ? '' : text
}

/** The post's author, then any Co-Authors Plus authors (`<category domain="author">`). */
function storyAuthors(item: WxrItem): string[] {
  const logins = [
    item.creator,
    ...item.terms.filter((t) => t.domain === 'author').map((t) => t.name),
  ]
  return [...new Set(logins.map((login) => login.trim()).filter(Boolean))]
}

function storyUrls(item: WxrItem, kind: 'article' | 'page', ctx: WordPressContext): string[] {
  const urls = [
    item.link,
    ctx.url(kind === 'page' ? `/?page_id=${item.postId}` : `/?p=${item.postId}`),
  ]
  if (/[?&]p=\d+/.test(item.guid)) urls.push(item.guid)
  return [...new Set(urls.filter(Boolean))]
}

function mapComments(comments: WxrComment[], ctx: WordPressContext): ImportComment[] {
  const kept = comments.filter((c) => !isPing(c))
  const ids = new Set(kept.map((c) => c.id))
  return kept.map((c) => ({
    sourceId: c.id,
    // A reply to a pingback (or to a comment the export lost) stands on its own.
    parentSourceId: c.parent !== '0' && ids.has(c.parent) ? c.parent : null,
    authorSourceId: (c.userId !== '0' && ctx.authorLogins.get(c.userId)) || null,
    authorName: plainName(c.author),
    authorEmail: c.authorEmail,
    authorUrl: c.authorUrl,
    body: commentText(c.content),
    status: commentStatus(c.approved),
    createdAt: ctx.date(c.dateGmt, c.date) ?? new Date(0),
  }))
}

/** A comment's plain text, paragraphs as WordPress shows them. Most comments have no markup. */
function commentText(content: string): string {
  if (!/[<&]/.test(content))
    return content
      .replace(/\r\n?/g, '\n')
      .split(/\n[ \t]*\n/)
      .map((p) =>
        p
          .replace(/[ \t]+/g, ' ')
          .replace(/ ?\n ?/g, '\n')
          .trim(),
      )
      .filter(Boolean)
      .join('\n\n')
  return htmlToText(wpautop(content), { keepLinks: true })
}

function commentStatus(approved: string): ImportComment['status'] {
  if (approved === '1') return 'approved'
  if (approved === 'spam') return 'spam'
  if (approved === 'trash' || approved === 'post-trashed') return 'trash'
  return 'pending'
}

const MIME_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
}

function mapMedia(item: WxrItem, ctx: WordPressContext): ImportMedia {
  const metadata = metaData(item.meta, '_wp_attachment_metadata')
  const size = (key: string) => {
    const value = metadata instanceof Map ? metadata.get(key) : undefined
    return typeof value === 'number' && value > 0 ? value : null
  }
  const url = item.attachmentUrl
  const uploadPath =
    metaValue(item.meta, '_wp_attached_file').trim() || (/\/uploads\/(.+)$/.exec(url)?.[1] ?? '')
  const extension = /\.([a-z0-9]+)$/i.exec(uploadPath || url)?.[1]?.toLowerCase() ?? ''
  const created = ctx.date(item.postDateGmt, item.postDate)
  return {
    kind: 'media',
    sourceId: item.postId,
    url,
    uploadPath,
    title: plainName(item.title),
    alt: metaValue(item.meta, '_wp_attachment_image_alt').trim(),
    caption: htmlToText(item.excerpt),
    mimeType: MIME_TYPES[extension] ?? 'application/octet-stream',
    width: size('width'),
    height: size('height'),
    parentSourceId: item.postParent && item.postParent !== '0' ? item.postParent : null,
    createdAt: created ?? new Date(0),
    oldUrls: [...new Set([item.link, ctx.url(`/?attachment_id=${item.postId}`)].filter(Boolean))],
  }
}

function mapMenuItem(item: WxrItem): ImportRecord[] {
  const menu = item.terms.find((t) => t.domain === 'nav_menu')
  const meta = (key: string) => metaValue(item.meta, key).trim()
  const target = menuTarget(meta('_menu_item_type'), meta('_menu_item_object'), meta)
  if (!menu || !target)
    return [
      skipped('nav_menu_item', item, menu ? 'a menu link to something not imported' : 'in no menu'),
    ]
  const parent = meta('_menu_item_menu_item_parent')
  const record: ImportMenuItem = {
    kind: 'menuItem',
    sourceId: item.postId,
    menuSlug: menu.nicename || wordpressSlug('', plainName(menu.name)),
    parentSourceId: parent && parent !== '0' ? parent : null,
    position: Number(item.menuOrder) || 0,
    label: plainName(item.title),
    target,
  }
  return [record]
}

function menuTarget(
  type: string,
  object: string,
  meta: (key: string) => string,
): ImportMenuTarget | undefined {
  const id = meta('_menu_item_object_id')
  if (type === 'custom')
    return meta('_menu_item_url') ? { kind: 'url', url: meta('_menu_item_url') } : undefined
  if (type === 'post_type' && (object === 'post' || object === 'page'))
    return { kind: object === 'post' ? 'article' : 'page', sourceId: id }
  if (type === 'taxonomy' && (object === 'category' || object === 'post_tag'))
    return { kind: object === 'category' ? 'category' : 'tag', sourceId: id }
  return undefined
}

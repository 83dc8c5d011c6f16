/**
 * A WordPress post body (`content:encoded`) into a Broadsheet body, in the order WordPress's own
 * `the_content` filters run: block comments out (block-editor posts) or paragraphs in (classic
 * posts), URLs on their own line embedded, shortcodes replaced, then the editor's shapes and the
 * sanitizer. `<!--more-->` marks where the teaser ends; `<!--nextpage-->` becomes a section break.
 */
import { parseDocument } from 'htmlparser2'
import { isTag } from 'domhandler'
import { sanitizeBody } from '../../content/index.js'
import { galleryPlaceholderHtml } from '../body-media.js'
import { toEditorHtml } from '../editor-shapes.js'
import { embedOrLinkHtml, figureHtml, mediaHtml } from '../embed-markup.js'
import { htmlToText } from '../html-text.js'
import { hasBlocks, stripBlockMarkup } from './block-markup.js'
import { isPluginShortcode, replaceShortcodes, type Shortcode } from './shortcodes.js'
import { wpautop } from './wpautop.js'

export interface WordPressBody {
  /** Sanitized HTML in the editor's shapes (old image URLs and gallery placeholders inside). */
  html: string
  /** Plain text before `<!--more-->`, '' when the post has none. */
  teaser: string
  /** Plugin shortcodes dropped (their inner text kept). */
  droppedShortcodes: number
  warnings: string[]
}

/** Where `<!--more-->` was, while the body is converted (plain text survives every step). */
const MORE_MARK = 'broadsheet-more-7f3a9c'

/** Convert a post body; `postId` lets a `[gallery]` without ids find the post's pictures. */
export function convertWordPressBody(content: string, postId: string): WordPressBody {
  const warnings: string[] = []
  let text = content.replace(/\r\n?/g, '\n')
  text = markPages(text, warnings)
  text = text.replace(/<!--more(?:\s[^>]*)?-->/, `\n\n${MORE_MARK}\n\n`)
  text = text.replace(/<!--noteaser-->/g, '')
  // Block-editor posts bring their own paragraphs: WordPress skips wpautop for them.
  text = hasBlocks(text) ? autoembed(stripBlockMarkup(text, warnings)) : wpautop(autoembed(text))
  const dropped: string[] = []
  text = replaceShortcodes(text, (code) => renderShortcode(code, postId, dropped, warnings))
  if (dropped.length > 0) warnings.push(`plugin shortcodes dropped, text kept: ${summary(dropped)}`)
  const shaped = toEditorHtml(text)
  warnings.push(...shaped.warnings)
  const { html, teaser } = splitTeaser(shaped.html)
  return { html, teaser, droppedShortcodes: dropped.length, warnings }
}

function markPages(text: string, warnings: string[]): string {
  const pages = text.split(/<!--nextpage-->/).length
  if (pages === 1) return text
  warnings.push(`was split into ${pages} pages: joined, with a section break between pages`)
  return text.replace(
    /(?:<!-- wp:nextpage -->\s*)?<!--nextpage-->(?:\s*<!-- \/wp:nextpage -->)?/g,
    '\n\n<hr />\n\n',
  )
}

/** A URL alone on its line (or alone in a paragraph) is an embed, as WordPress's autoembed does. */
function autoembed(text: string): string {
  return text
    .replace(
      /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm,
      (_m, url: string) => `\n${embedOrLinkHtml(url)}\n`,
    )
    .replace(/<p(?: [^>]*)?>\s*(https?:\/\/[^\s<>"]+)\s*<\/p>/gi, (_m, url: string) =>
      embedOrLinkHtml(url),
    )
}

function splitTeaser(html: string): { html: string; teaser: string } {
  const at = html.indexOf(MORE_MARK)
  if (at < 0) return { html, teaser: '' }
  const teaser = htmlToText(html.slice(0, at))
  const cleaned = html.replace(new RegExp(`<p>\\s*${MORE_MARK}\\s*</p>|${MORE_MARK}`), '')
  // A marker inside a paragraph may leave it empty: the sanitizer drops empty paragraphs.
  return { html: sanitizeBody(cleaned), teaser }
}

function renderShortcode(
  code: Shortcode,
  postId: string,
  dropped: string[],
  warnings: string[],
): string | undefined {
  switch (code.name) {
    case 'caption':
    case 'wp_caption':
      return caption(code)
    case 'gallery':
      return gallery(code, postId)
    case 'embed': {
      const url = (code.content ?? code.positional[0] ?? '').trim()
      return url ? embedOrLinkHtml(url) : ''
    }
    case 'video':
    case 'audio':
      return media(code, warnings)
  }
  if (!isPluginShortcode(code)) return undefined
  dropped.push(code.name)
  return code.content === undefined
    ? ''
    : replaceShortcodes(code.content, (inner) => renderShortcode(inner, postId, dropped, warnings))
}

/** `[caption]<a><img></a> Text[/caption]` → a figure with its caption. */
function caption(code: Shortcode): string {
  const content = (code.content ?? '').trim()
  const match = /^((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content)
  const img = match ? firstImage(match[1] ?? '') : undefined
  if (!img?.src) return content
  const text = code.attrs.caption ?? (match?.[2] ?? '').replace(/^(?:\s|<br \/>)+/, '').trim()
  return `\n${figureHtml({ ...img, caption: text })}\n`
}

function firstImage(html: string) {
  const img = parseDocument(html).children.flatMap(function walk(n): ReturnType<typeof asImg>[] {
    if (!isTag(n)) return []
    return n.name === 'img' ? [asImg(n.attribs)] : n.children.flatMap(walk)
  })[0]
  return img
}

function asImg(attribs: Record<string, string>) {
  return {
    src: attribs.src ?? '',
    alt: attribs.alt ?? '',
    width: attribs.width,
    height: attribs.height,
  }
}

function gallery(code: Shortcode, postId: string): string {
  const list = (code.attrs.ids ?? code.attrs.include ?? '')
    .split(/[\s,]+/)
    .filter((id) => /^\d+$/.test(id))
  return `\n${galleryPlaceholderHtml(list.length > 0 ? { ids: list } : { parentSourceId: code.attrs.id ?? postId })}\n`
}

const MEDIA_ATTRS = [
  'src',
  'mp4',
  'm4v',
  'webm',
  'ogv',
  'mov',
  'mp3',
  'ogg',
  'oga',
  'wav',
  'm4a',
  'flac',
]

function media(code: Shortcode, warnings: string[]): string {
  const src = MEDIA_ATTRS.map((key) => code.attrs[key]).find((value) => value?.trim())
  if (!src) {
    warnings.push(`a [${code.name}] without a file was dropped`)
    return ''
  }
  return `\n${mediaHtml(code.name === 'video' ? 'video' : 'audio', src.trim())}\n`
}

/** `vc_row ×2, button` */
function summary(names: string[]): string {
  const counts = new Map<string, number>()
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1)
  return [...counts].map(([name, n]) => (n > 1 ? `[${name}] ×${n}` : `[${name}]`)).join(', ')
}

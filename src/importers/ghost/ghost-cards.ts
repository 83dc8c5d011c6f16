/**
 * Ghost's cards (images, galleries, embeds, HTML, Markdown, code, callouts…) as HTML in the
 * editor's shapes, for posts whose export has no rendered `html`. Lexical and mobiledoc store
 * the same cards with the same fields, so both renderers share this. A card we cannot render
 * leaves a visible placeholder and a warning, never a silent hole.
 */
import MarkdownIt from 'markdown-it'
import { escapeHtml } from '../../content/index.js'
import {
  embedHtml,
  embedOrLinkHtml,
  embedProvider,
  figureHtml,
  mediaHtml,
} from '../embed-markup.js'

export interface GhostRenderContext {
  /** The old site's address, for `__GHOST_URL__` in stored URLs ('' keeps paths relative). */
  siteUrl: string
  warnings: string[]
}

type Payload = Record<string, unknown>

const markdown = new MarkdownIt({ html: true, linkify: true })

/** Ghost 4+ stores its own address as `__GHOST_URL__` inside content. */
export function ghostUrl(url: string, siteUrl: string): string {
  return url.replaceAll('__GHOST_URL__', siteUrl)
}

function text(payload: Payload, key: string): string {
  const value = payload[key]
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

function captionParagraph(caption: string): string {
  return caption.trim() ? `<p>${caption.trim()}</p>` : ''
}

/** A card's HTML; unknown cards become a placeholder (and a warning). */
export function renderGhostCard(name: string, payload: Payload, ctx: GhostRenderContext): string {
  const url = (key: string) => ghostUrl(text(payload, key), ctx.siteUrl)
  switch (name) {
    case 'image':
      return url('src')
        ? figureHtml({ ...imageFields(payload, ctx), caption: text(payload, 'caption') })
        : ''
    case 'gallery':
      return gallery(payload, ctx)
    case 'embed':
      return embed(url('url'), text(payload, 'html'), text(payload, 'caption'))
    case 'html':
      return text(payload, 'html')
    case 'markdown':
    case 'card-markdown':
      return markdown.render(text(payload, 'markdown') || text(payload, 'cardMarkdown'))
    case 'code':
    case 'codeblock':
      return `<pre><code>${escapeHtml(text(payload, 'code'))}</code></pre>${captionParagraph(text(payload, 'caption'))}`
    case 'hr':
    case 'horizontalrule':
      return '<hr />'
    case 'bookmark':
      return bookmark(url('url'), payload)
    case 'callout':
      return `<blockquote><p>${escapeHtml(text(payload, 'calloutEmoji'))} ${text(payload, 'calloutText')}</p></blockquote>`
    case 'toggle':
      return `<h3>${text(payload, 'heading')}</h3>${text(payload, 'content')}`
    case 'button':
      return linkParagraph(url('buttonUrl'), escapeHtml(text(payload, 'buttonText')))
    case 'video':
      return url('src')
        ? mediaHtml('video', url('src')) + captionParagraph(text(payload, 'caption'))
        : ''
    case 'audio':
      return url('src') ? mediaHtml('audio', url('src'), text(payload, 'title')) : ''
    case 'file':
      return linkParagraph(
        url('src'),
        escapeHtml(text(payload, 'fileTitle') || text(payload, 'fileName')),
      )
    case 'paywall':
      ctx.warnings.push('a members-only section (paywall card) is imported as public text')
      return ''
  }
  ctx.warnings.push(`a “${name}” card could not be imported: a placeholder marks its place`)
  return `<p><strong>[Not imported: a Ghost “${escapeHtml(name)}” card]</strong></p>`
}

function imageFields(payload: Payload, ctx: GhostRenderContext) {
  return {
    src: ghostUrl(text(payload, 'src'), ctx.siteUrl),
    alt: text(payload, 'alt'),
    width: text(payload, 'width'),
    height: text(payload, 'height'),
  }
}

function gallery(payload: Payload, ctx: GhostRenderContext): string {
  const images = Array.isArray(payload.images) ? (payload.images as Payload[]) : []
  // Ghost lays pictures out in rows; reading order is row by row.
  const ordered = images
    .map((image, index) => ({ image, index, row: Number(image.row ?? 0) }))
    .sort((a, b) => a.row - b.row || a.index - b.index)
  const figures = ordered
    .filter(({ image }) => text(image, 'src'))
    .map(({ image }) => figureHtml({ ...imageFields(image, ctx), caption: text(image, 'caption') }))
  return figures.join('') + captionParagraph(text(payload, 'caption'))
}

function embed(url: string, html: string, caption: string): string {
  const provider = url ? embedProvider(url) : undefined
  const body = provider ? embedHtml(url, provider) : html || (url ? embedOrLinkHtml(url) : '')
  return body + captionParagraph(caption)
}

function bookmark(url: string, payload: Payload): string {
  if (!url) return ''
  const metadata = (payload.metadata ?? payload) as Payload
  const title = escapeHtml(text(metadata, 'title') || url)
  const description = escapeHtml(text(metadata, 'description'))
  return `<p><a href="${escapeHtml(url)}">${title}</a>${description ? ` — ${description}` : ''}</p>`
}

function linkParagraph(url: string, label: string): string {
  return url ? `<p><a href="${escapeHtml(url)}">${label || escapeHtml(url)}</a></p>` : ''
}

/**
 * Ghost's rendered cards in `posts.html` carry player controls, icons and layout wrappers
 * (`kg-audio-card`, `kg-video-card`, `kg-bookmark-card`, `kg-file-card`…). These rewrites keep
 * what the card says and drop its interface, before the general editor shapes run. Image,
 * gallery and embed cards need nothing: a figure with pictures or a frame is already handled.
 */
import { isTag, isText, type ChildNode, type Element } from 'domhandler'
import { escapeHtml } from '../../content/index.js'
import type { EditorShapeOptions } from '../editor-shapes.js'
import { mediaHtml } from '../embed-markup.js'
import { ghostUrl, type GhostRenderContext } from './ghost-cards.js'

/** The editor-shape hook for Ghost HTML. */
export function ghostRewrite(ctx: GhostRenderContext): NonNullable<EditorShapeOptions['rewrite']> {
  return (el, render) => {
    const cls = el.attribs.class ?? ''
    if (!cls.includes('kg-')) return undefined
    if (/\bkg-audio-card\b/.test(cls)) {
      const src = find(el, (n) => n.name === 'audio')?.attribs.src ?? ''
      const title = textOf(find(el, (n) => /\bkg-audio-title\b/.test(n.attribs.class ?? '')))
      return src ? mediaHtml('audio', ghostUrl(src, ctx.siteUrl), title.trim()) : ''
    }
    if (/\bkg-video-card\b/.test(cls)) {
      const src = find(el, (n) => n.name === 'video')?.attribs.src ?? ''
      const caption = find(el, (n) => n.name === 'figcaption')
      return (
        (src ? mediaHtml('video', ghostUrl(src, ctx.siteUrl)) : '') +
        (caption ? render(caption.children) : '')
      )
    }
    if (/\bkg-bookmark-card\b/.test(cls)) return bookmark(el)
    if (/\bkg-file-card\b/.test(cls)) {
      const link = find(el, (n) => n.name === 'a')
      const title = textOf(find(el, (n) => /\bkg-file-card-title\b/.test(n.attribs.class ?? '')))
      const href = ghostUrl(link?.attribs.href ?? '', ctx.siteUrl)
      return href
        ? `<p><a href="${escapeHtml(href)}">${escapeHtml(title.trim() || href)}</a></p>`
        : ''
    }
    if (/\bkg-button-card\b/.test(cls)) {
      const link = find(el, (n) => n.name === 'a')
      const href = ghostUrl(link?.attribs.href ?? '', ctx.siteUrl)
      return href
        ? `<p><a href="${escapeHtml(href)}">${escapeHtml(textOf(link).trim())}</a></p>`
        : ''
    }
    return undefined
  }
}

function bookmark(el: Element): string {
  const link = find(el, (n) => n.name === 'a')
  const href = link?.attribs.href ?? ''
  if (!href) return ''
  const part = (name: string) =>
    textOf(find(el, (n) => new RegExp(`\\b${name}\\b`).test(n.attribs.class ?? ''))).trim()
  const title = part('kg-bookmark-title') || href
  const description = part('kg-bookmark-description')
  return `<p><a href="${escapeHtml(href)}">${escapeHtml(title)}</a>${description ? ` — ${escapeHtml(description)}` : ''}</p>`
}

function find(el: Element, test: (e: Element) => boolean): Element | undefined {
  for (const node of el.children) {
    if (!isTag(node)) continue
    if (test(node)) return node
    const deeper = find(node, test)
    if (deeper) return deeper
  }
  return undefined
}

function textOf(el: Element | undefined): string {
  if (!el) return ''
  return el.children
    .map((n: ChildNode) => (isText(n) ? n.data : isTag(n) ? textOf(n) : ''))
    .join('')
}

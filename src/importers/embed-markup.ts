/**
 * The HTML shapes Broadsheet's editor produces for embeds, media links and pictures
 * (admin-client/nodes.ts), built here for imported bodies so they edit and render like stories
 * written in the newsroom, and so the body sanitizer keeps them (content/body-html.ts).
 */
import { escapeHtml } from '../content/index.js'

export type EmbedProvider = 'youtube' | 'x' | 'instagram'

/** The editor's link-card labels, kept in step with admin-client/nodes.ts. */
const LABELS: Record<EmbedProvider, string> = {
  youtube: 'Watch on YouTube',
  x: 'View the post on X',
  instagram: 'View on Instagram',
}

/** Which provider a link belongs to, or undefined when Broadsheet does not embed it. */
export function embedProvider(url: string): EmbedProvider | undefined {
  let host: string
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
    host = parsed.hostname.replace(/^www\.|^m\./, '')
  } catch {
    return undefined
  }
  if (host === 'youtube.com' || host === 'youtu.be' || host === 'youtube-nocookie.com')
    return 'youtube'
  if (host === 'twitter.com' || host === 'x.com') return 'x'
  if (host === 'instagram.com') return 'instagram'
  return undefined
}

/**
 * The address readers should follow for an embed: a YouTube player URL (`/embed/ID`) becomes the
 * watch page, which is what the editor stores and what site.js knows how to play.
 */
export function canonicalEmbedUrl(url: string): string {
  const match = /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]{6,20})/.exec(url)
  return match ? `https://www.youtube.com/watch?v=${match[1]}` : url
}

/** A privacy-friendly link card, as the editor's Embed node renders it. */
export function embedHtml(url: string, provider: EmbedProvider): string {
  const href = escapeHtml(canonicalEmbedUrl(url))
  return (
    `<figure class="embed" data-embed="${provider}" data-url="${href}">` +
    `<a href="${href}" rel="noopener">${LABELS[provider]}: ${href}</a></figure>`
  )
}

/** An embed when the provider is one we embed, else a plain link in its own paragraph. */
export function embedOrLinkHtml(url: string): string {
  const provider = embedProvider(url)
  if (provider) return embedHtml(url, provider)
  const href = escapeHtml(url)
  return `<p><a href="${href}">${href}</a></p>`
}

/**
 * A video or audio file. The body allow-list has no `<video>`/`<audio>`, so it becomes a link
 * card that names the file; YouTube videos become real embeds.
 */
export function mediaHtml(kind: 'video' | 'audio', url: string, title = ''): string {
  const provider = embedProvider(url)
  if (provider) return embedHtml(url, provider)
  const href = escapeHtml(url)
  const name = escapeHtml(title || decodeURIComponentSafe(url.split(/[?#]/)[0]?.split('/').pop()))
  const label = kind === 'video' ? 'Video' : 'Audio'
  return (
    `<figure class="embed" data-embed="${kind}" data-url="${href}">` +
    `<a href="${href}" rel="noopener">${label}: ${name || href}</a></figure>`
  )
}

export interface FigureImage {
  src: string
  alt: string
  width?: string | number | null | undefined
  height?: string | number | null | undefined
  /** Caption HTML (inline markup only). */
  caption?: string | undefined
}

/** A picture as the editor's FigureImage node renders it. */
export function figureHtml(image: FigureImage): string {
  let img = `<img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" loading="lazy"`
  if (/^\d+$/.test(String(image.width ?? ''))) img += ` width="${image.width}"`
  if (/^\d+$/.test(String(image.height ?? ''))) img += ` height="${image.height}"`
  const caption = image.caption?.trim() ? `<figcaption>${image.caption.trim()}</figcaption>` : ''
  return `<figure class="image">${img} />${caption}</figure>`
}

function decodeURIComponentSafe(text: string | undefined): string {
  try {
    return decodeURIComponent(text ?? '')
  } catch {
    return text ?? ''
  }
}

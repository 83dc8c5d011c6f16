/**
 * Responsive pictures for images inside article and page bodies. The editor marks a library
 * image with `data-media-id` (like WordPress's `wp-image-N` class); at render time each such
 * `<img>` gets the library's renditions as `srcset`, AVIF/WebP `<source>`s and lazy loading, so
 * regenerated variants apply to old stories and a deleted image degrades to its plain `<img>`.
 * Bodies were sanitized when saved, so their tags have a known shape: double-quoted attributes
 * whose values carry no raw `"`, `<` or `>`.
 */
import { escapeHtml, trustedHtml, type TrustedHtml } from '../../content/index.js'
import type { ImageVariants } from './seo.js'
import { responsiveParts } from '../theme/components/responsive-image.js'

const IMG = /<img\b([^>]*?)\s*\/?>/g
const ATTR = /([a-zA-Z][\w:-]*)="([^"]*)"/g
const MEDIA_ID = /<img\b[^>]*\bdata-media-id="(\d+)"/g

/** The library ids of the images in a stored body. */
export function mediaIdsInBody(html: string): number[] {
  if (!html.includes('data-media-id')) return []
  return [...html.matchAll(MEDIA_ID)].map((m) => Number(m[1]))
}

/** `html` with each library image turned into a responsive picture sized by `sizes`. */
export function responsiveBodyImages(
  html: TrustedHtml,
  images: ImageVariants,
  sizes: string,
): TrustedHtml {
  if (!html.includes('data-media-id')) return html
  const out = html.replace(IMG, (tag, attrText: string) => {
    const attrs = new Map([...attrText.matchAll(ATTR)].map((m) => [m[1]!, m[2]!]))
    const variants = images.get(Number(attrs.get('data-media-id')))
    const src = attrs.get('src')
    if (!variants || variants.length === 0 || !src) return tag
    const width = Number(attrs.get('width')) || null
    const height = Number(attrs.get('height')) || null
    // Attribute values are still escaped as stored; the URL needs decoding once to compare.
    const parts = responsiveParts(variants, { url: decode(src), width, height })
    attrs.delete('data-media-id')
    attrs.set('src', escapeHtml(parts.src))
    if (parts.srcset) {
      attrs.set('srcset', escapeHtml(parts.srcset))
      attrs.set('sizes', escapeHtml(sizes))
    } else {
      attrs.delete('srcset')
      attrs.delete('sizes')
    }
    attrs.set('loading', 'lazy')
    attrs.set('decoding', 'async')
    const img = `<img ${[...attrs].map(([k, v]) => `${k}="${v}"`).join(' ')} />`
    if (parts.sources.length === 0) return img
    const sources = parts.sources
      .map(
        (s) =>
          `<source type="image/${s.format}" srcset="${escapeHtml(s.srcset)}" sizes="${escapeHtml(sizes)}" />`,
      )
      .join('')
    return `<picture>${sources}${img}</picture>`
  })
  return trustedHtml(out)
}

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

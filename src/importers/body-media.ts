/**
 * Pictures in imported bodies point at the old site until the writer has put them in the media
 * library. Conversion leaves two kinds of references for it: `<img src>` with the old URL, and a
 * gallery placeholder (a WordPress `[gallery]` names attachments, not URLs). Once the library
 * has the pictures, `resolveBodyMedia` swaps both for library pictures.
 */
import { escapeHtml, sanitizeBody } from '../content/index.js'
import { figureHtml } from './embed-markup.js'

/** Which attachments a gallery shows: listed ids, or everything uploaded to one story. */
export type GalleryRef = { ids: string[] } | { parentSourceId: string }

/**
 * A gallery waiting for its pictures. It survives the sanitizer (a `figure.embed` the site
 * ignores), so a body saved before resolution loses nothing.
 */
export function galleryPlaceholderHtml(ref: GalleryRef): string {
  const target = 'ids' in ref ? `ids:${ref.ids.join(',')}` : `parent:${ref.parentSourceId}`
  return `<figure class="embed" data-embed="gallery" data-url="${escapeHtml(target)}"></figure>`
}

/** A picture in Broadsheet's media library. */
export interface LibraryImage {
  src: string
  alt: string
  caption: string
  mediaId: number
  width?: number | null
  height?: number | null
}

export interface BodyMediaLookup {
  /** The library picture an attachment became, by the attachment's source id. */
  bySourceId(sourceId: string): LibraryImage | undefined
  /** The pictures uploaded to a story, in their order (a `[gallery]` without ids). */
  byParent(parentSourceId: string): LibraryImage[]
  /** The library picture for an old image URL (see `originalUploadUrl` for resized copies). */
  byUrl(url: string): LibraryImage | undefined
}

const GALLERY =
  /<figure class="embed" data-embed="gallery" data-url="(ids|parent):([^"]*)"><\/figure>/g
const IMG = /<img src="([^"]*)"([^>]*?) \/>/g

/**
 * Replace gallery placeholders with library pictures and point `<img>`s the library holds at
 * their library copies (with `data-media-id`, so the site serves its renditions). Returns the
 * sanitized body and a warning for each gallery picture that could not be found.
 */
export function resolveBodyMedia(
  html: string,
  lookup: BodyMediaLookup,
): { html: string; warnings: string[] } {
  const warnings: string[] = []
  const withGalleries = html.replace(GALLERY, (_match, kind: string, value: string) => {
    const images = kind === 'ids' ? galleryByIds(value, lookup, warnings) : lookup.byParent(value)
    if (images.length === 0) warnings.push(`a gallery (${kind} ${value}) had no pictures to show`)
    return images.map(libraryFigure).join('')
  })
  const withImages = withGalleries.replace(IMG, (match, src: string, rest: string) => {
    if (/\sdata-media-id="/.test(rest)) return match
    const image = lookup.byUrl(decodeAttr(src))
    if (!image) return match
    return `<img src="${escapeHtml(image.src)}"${rest} data-media-id="${image.mediaId}" />`
  })
  return { html: sanitizeBody(withImages), warnings }
}

function galleryByIds(value: string, lookup: BodyMediaLookup, warnings: string[]): LibraryImage[] {
  const images: LibraryImage[] = []
  for (const id of value.split(',').filter(Boolean)) {
    const image = lookup.bySourceId(id)
    if (image) images.push(image)
    else warnings.push(`gallery picture ${id} is not in the export`)
  }
  return images
}

function libraryFigure(image: LibraryImage): string {
  return figureHtml({ ...image, caption: escapeHtml(image.caption) }).replace(
    ' />',
    ` data-media-id="${image.mediaId}" />`,
  )
}

function decodeAttr(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
}

/**
 * The URL of the upload a resized copy was made from: WordPress names them
 * `photo-300x200.jpg` and `photo-scaled.jpg` beside `photo.jpg`. Match body images on this.
 */
export function originalUploadUrl(url: string): string {
  const bare = url.split(/[?#]/)[0] ?? url
  return bare.replace(/-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)/, '')
}

/**
 * A library image with its responsive renditions: `srcset`/`sizes` from the width variants (and
 * the 16:9 crop when the original is 16:9), WebP and AVIF as `<source>`s when they exist,
 * intrinsic `width`/`height` against layout shift, lazy loading unless the image is above the
 * fold, and `fetchpriority="high"` for the page's lead image.
 */
import type { ImageRef } from '../../../content/index.js'
import type { MediaVariant } from '../../../media/index.js'
import { useImageVariants } from '../page-context.js'

export interface ResponsiveImageProps {
  image: ImageRef
  /** The `sizes` attribute: how wide the image shows at each viewport width. */
  sizes: string
  /** Above the fold: load at once instead of lazily. */
  eager?: boolean
  /** The page's largest image (its LCP element): fetch it first. */
  priority?: boolean
  class?: string
}

const MODERN = ['avif', 'webp'] as const

export function ResponsiveImage({
  image,
  sizes,
  eager,
  priority,
  class: className,
}: ResponsiveImageProps) {
  const { src, srcset, sources } = responsiveParts(useImageVariants(image.mediaId), image)
  const img = (
    <img
      class={className}
      src={src}
      srcset={srcset}
      sizes={srcset ? sizes : undefined}
      alt={image.alt}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      loading={eager || priority ? undefined : 'lazy'}
      decoding={priority ? undefined : 'async'}
      fetchpriority={priority ? 'high' : undefined}
    />
  )
  if (sources.length === 0) return img
  return (
    <picture>
      {sources.map((s) => (
        <source key={s.format} type={`image/${s.format}`} srcset={s.srcset} sizes={sizes} />
      ))}
      {img}
    </picture>
  )
}

/**
 * The head's `<link rel="preload">` for the page's LCP picture: the browser asks for it at once,
 * with the stylesheet, instead of when the parser reaches the `<img>`. It offers what the
 * `<picture>` would pick first (AVIF or WebP when the library has them).
 */
export function ImagePreload({ image, sizes }: { image: ImageRef; sizes: string }) {
  const { src, srcset, sources } = responsiveParts(useImageVariants(image.mediaId), image)
  const best = sources[0]
  const set = best?.srcset ?? srcset
  // Preact's types lack `imagesizes`; the attributes are written as HTML spells them.
  const responsive: Record<string, string | undefined> = {
    imagesrcset: set,
    imagesizes: set ? sizes : undefined,
  }
  return (
    <link
      rel="preload"
      as="image"
      href={best ? undefined : src}
      type={best ? `image/${best.format}` : undefined}
      fetchpriority="high"
      {...responsive}
    />
  )
}

export interface ResponsiveParts {
  /** The `<img>` source: the original, or its largest raster rendition for vector art. */
  src: string
  /** The original format's renditions (and the original itself), for the `<img>`. */
  srcset: string | undefined
  /** AVIF and WebP renditions, for `<source>` elements, best first. */
  sources: { format: string; srcset: string }[]
}

/** What a picture of `image` offers the browser, given the library's variants of it. */
export function responsiveParts(
  variants: MediaVariant[],
  image: Pick<ImageRef, 'url' | 'width' | 'height'>,
): ResponsiveParts {
  const candidates = sameAspect(variants, image)
  const fallback = candidates.filter((v) => v.format === 'jpeg' || v.format === 'png')
  const isVector = /\.svg$/i.test(image.url)
  const src = isVector ? (fallback[fallback.length - 1]?.url ?? image.url) : image.url
  const srcset = srcsetOf(
    isVector || !image.width ? fallback : [...fallback, { url: image.url, width: image.width }],
  )
  const sources = MODERN.flatMap((format) => {
    const set = srcsetOf(candidates.filter((v) => v.format === format))
    return set ? [{ format, srcset: set }] : []
  })
  return { src, srcset, sources }
}

/** Width renditions, plus any crop with the original's aspect ratio (1200×675 for 16:9 art). */
function sameAspect(
  variants: MediaVariant[],
  image: Pick<ImageRef, 'width' | 'height'>,
): MediaVariant[] {
  if (!image.width || !image.height) return variants.filter((v) => v.kind.startsWith('w'))
  const ratio = image.width / image.height
  return variants
    .filter((v) => v.kind.startsWith('w') || Math.abs(v.width / v.height - ratio) < 0.01)
    .sort((a, b) => a.width - b.width)
}

function srcsetOf(variants: { url: string; width: number }[]): string | undefined {
  const seen = new Set<number>()
  const unique = variants.filter((v) => !seen.has(v.width) && seen.add(v.width))
  return unique.length > 0 ? unique.map((v) => `${v.url} ${v.width}w`).join(', ') : undefined
}

/**
 * Per-page data the layout and image components read without every template passing it down:
 * the head (SEO meta, social card, JSON-LD) and the responsive variants of the images shown.
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { MediaVariant } from '../../media/index.js'
import type { PageHead } from '../render/seo.js'

export const PageHeadContext = createContext<PageHead | null>(null)
export const ImageVariantsContext = createContext<ReadonlyMap<number, MediaVariant[]>>(new Map())

/** The page's head data, or null when the page was rendered without it. */
export function usePageHead(): PageHead | null {
  return useContext(PageHeadContext)
}

/** The stored renditions of a media item (none for an image without variants). */
export function useImageVariants(mediaId: number): MediaVariant[] {
  return useContext(ImageVariantsContext).get(mediaId) ?? []
}

/**
 * The one door for stored HTML into a page. It takes only `TrustedHtml` (article and page bodies
 * sanitized when saved); everything else a template shows is escaped text. The only other raw
 * HTML on reader pages is an ad slot's `html`, which only administrators can set (ad-slot.tsx).
 */
import { useContext } from 'preact/hooks'
import type { TrustedHtml } from '../../../content/index.js'
import { responsiveBodyImages } from '../../render/body-images.js'
import { ImageVariantsContext } from '../page-context.js'

/**
 * How wide body images show: the body column is at most 720px (site.css .article-body) inside
 * the content column (100vw - 32px on phones, 100vw - 392px beside the sidebar).
 */
export const BODY_IMAGE_SIZES =
  '(min-width: 1112px) 720px, (min-width: 1024px) calc(100vw - 392px), (min-width: 752px) 720px, calc(100vw - 32px)'

export interface HtmlProps {
  html: TrustedHtml
  class?: string
  /** For bodies: give library images `srcset`/`sizes` (how wide they show at each viewport). */
  imageSizes?: string
}

export function Html({ html, class: className, imageSizes }: HtmlProps) {
  const images = useContext(ImageVariantsContext)
  const body = imageSizes ? responsiveBodyImages(html, images, imageSizes) : html
  return <div class={className} dangerouslySetInnerHTML={{ __html: body }} />
}

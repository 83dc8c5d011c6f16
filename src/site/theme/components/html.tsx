/**
 * The one door for stored HTML into a page. It takes only `TrustedHtml` (article and page bodies
 * sanitized when saved); everything else a template shows is escaped text. The only other raw
 * HTML on reader pages is an ad slot's `html`, which only administrators can set (ad-slot.tsx).
 */
import type { TrustedHtml } from '../../../content/index.js'

export function Html({ html, class: className }: { html: TrustedHtml; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />
}

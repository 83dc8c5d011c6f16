/**
 * A named advertising slot from `settings.adSlots`, labelled "Advertisement". Unconfigured or
 * empty slots render nothing. A slot's `html` is raw markup from an administrator and is
 * rendered as is: it is the one exception to "templates escape everything" besides `<Html>`.
 */
import { useSite } from '../theme-context.js'

export function AdSlot({ name }: { name: string }) {
  const slot = useSite().settings.adSlots[name]
  const html = slot?.html?.trim()
  if (!slot || (!html && !slot.imageUrl)) return null
  return (
    <div class={`ad-slot ad-slot-${name}`} data-ad-slot={name}>
      <p class="ad-label">Advertisement</p>
      {html ? (
        <div class="ad-body" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <a class="ad-body" href={slot.linkUrl || '#'} rel="sponsored noopener">
          <img src={slot.imageUrl} alt={slot.alt ?? 'Advertisement'} loading="lazy" />
        </a>
      )}
    </div>
  )
}

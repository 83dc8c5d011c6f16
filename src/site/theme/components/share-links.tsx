/**
 * Share links: plain links with the canonical URL and headline, no third-party scripts. The
 * Email link opens a prefilled message. A native "Share…" button (Web Share API) stays hidden
 * unless site.js finds `navigator.share`.
 */
import { Icon, type IconName } from './icons.js'

export interface ShareLinksProps {
  url: string
  title: string
  imageUrl?: string | undefined
}

export function shareTargets({ url, title, imageUrl }: ShareLinksProps): {
  label: string
  icon: IconName
  href: string
}[] {
  const u = encodeURIComponent(url)
  const t = encodeURIComponent(title)
  const media = imageUrl ? `&media=${encodeURIComponent(imageUrl)}` : ''
  return [
    {
      label: 'Facebook',
      icon: 'facebook',
      href: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    },
    { label: 'X', icon: 'x', href: `https://x.com/intent/tweet?url=${u}&text=${t}` },
    {
      label: 'LinkedIn',
      icon: 'linkedin',
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    },
    {
      label: 'Pinterest',
      icon: 'pinterest',
      href: `https://www.pinterest.com/pin/create/button/?url=${u}${media}&description=${t}`,
    },
    {
      label: 'Email',
      icon: 'email',
      href: `mailto:?subject=${t}&body=${encodeURIComponent(`${title}\n\n${url}`)}`,
    },
  ]
}

export function ShareLinks(props: ShareLinksProps) {
  return (
    <div class="share">
      <span class="share-label" aria-hidden="true">
        Share
      </span>
      <ul class="share-links" aria-label="Share this story">
        {shareTargets(props).map((s) => (
          <li key={s.label}>
            <a
              class={`share-${s.icon}`}
              href={s.href}
              rel="noopener nofollow"
              target={s.icon === 'email' ? undefined : '_blank'}
            >
              <Icon name={s.icon} size={16} />
              <span class="share-name">{s.label}</span>
            </a>
          </li>
        ))}
        <li hidden data-share-native>
          <button type="button" class="share-native" data-url={props.url} data-title={props.title}>
            <svg
              class="icon"
              width="16"
              height="16"
              viewBox="0 0 24 24"
              aria-hidden="true"
              focusable="false"
            >
              <path
                d="M12 3v12M7 8l5-5 5 5M5 13v7h14v-7"
                fill="none"
                stroke="currentColor"
                stroke-width="2"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
            <span class="share-name">Share…</span>
          </button>
        </li>
      </ul>
    </div>
  )
}

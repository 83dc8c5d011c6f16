/** Share links: plain links with the canonical URL and headline. No third-party scripts. */
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
    { label: 'Email', icon: 'email', href: `mailto:?subject=${t}&body=${u}` },
  ]
}

export function ShareLinks(props: ShareLinksProps) {
  return (
    <div class="share">
      <span class="share-label" id="share-label">
        Share
      </span>
      <ul class="share-links" aria-labelledby="share-label">
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
      </ul>
    </div>
  )
}

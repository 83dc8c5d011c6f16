import type { SocialProfiles } from '../../../settings/index.js'
import { useSite } from '../theme-context.js'
import { Icon, type IconName } from './icons.js'

const NETWORKS: { key: keyof SocialProfiles | 'website'; label: string; icon: IconName }[] = [
  { key: 'facebook', label: 'Facebook', icon: 'facebook' },
  { key: 'x', label: 'X (Twitter)', icon: 'x' },
  { key: 'instagram', label: 'Instagram', icon: 'instagram' },
  { key: 'pinterest', label: 'Pinterest', icon: 'pinterest' },
  { key: 'youtube', label: 'YouTube', icon: 'youtube' },
  { key: 'linkedin', label: 'LinkedIn', icon: 'linkedin' },
  { key: 'website', label: 'Website', icon: 'website' },
]

/** Icon links to social profiles (the site's by default). Text labels stay readable by all. */
export function SocialLinks({
  profiles,
  label = 'Follow us',
  showLabels = false,
  class: className = '',
}: {
  profiles?: Partial<Record<string, string>>
  label?: string
  showLabels?: boolean
  class?: string
}) {
  const site = useSite()
  const links = profiles ?? (site.settings.social as Partial<Record<string, string>>)
  const present = NETWORKS.filter((n) => links[n.key])
  if (present.length === 0) return null
  return (
    <ul class={`social-links ${className}`} aria-label={label}>
      {present.map((n) => (
        <li key={n.key}>
          <a href={links[n.key]} rel="noopener me" class={`social-${n.key}`}>
            <Icon name={n.icon} />
            <span class={showLabels ? 'social-label' : 'sr-only'}>{n.label}</span>
          </a>
        </li>
      ))}
    </ul>
  )
}

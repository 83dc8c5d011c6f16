import { useSite } from '../theme-context.js'

/** The site's name (or logo image) linking home; the front page makes it its `<h1>`. */
export function SiteLogo({ as = 'p' }: { as?: 'h1' | 'p' }) {
  const { settings } = useSite()
  const Tag = as
  return (
    <Tag class="site-logo">
      <a href="/" rel="home">
        {settings.logoUrl ? <img src={settings.logoUrl} alt={settings.title} /> : settings.title}
      </a>
    </Tag>
  )
}

/** The HTML document every reader page shares: head, header, content, footer, assets. */
import type { ComponentChildren } from 'preact'
import { absoluteUrl } from '../format.js'
import { useComponents, useSite } from '../theme-context.js'

export interface LayoutProps {
  title: string
  description?: string | undefined
  /** Path of this page's canonical URL (defaults to the current path). */
  canonicalPath?: string | undefined
  image?: string | undefined
  type?: 'website' | 'article'
  noindex?: boolean
  isHome?: boolean
  activeSection?: string | undefined
  bodyClass?: string
  children: ComponentChildren
}

export function BaseLayout(props: LayoutProps) {
  const site = useSite()
  const { header: Header, footer: Footer } = useComponents()
  const { settings } = site
  const fullTitle = props.isHome
    ? `${settings.title}${settings.tagline ? ` — ${settings.tagline}` : ''}`
    : `${props.title} | ${settings.title}`
  const canonical = absoluteUrl(props.canonicalPath ?? site.currentPath, site)
  const description = props.description || settings.description
  return (
    <html lang={settings.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description && <meta name="description" content={description} />}
        {props.noindex ? (
          <meta name="robots" content="noindex" />
        ) : (
          <link rel="canonical" href={canonical} />
        )}
        <meta name="color-scheme" content="light dark" />
        <meta property="og:site_name" content={settings.title} />
        <meta property="og:type" content={props.type ?? 'website'} />
        <meta property="og:title" content={props.isHome ? settings.title : props.title} />
        <meta property="og:url" content={canonical} />
        {description && <meta property="og:description" content={description} />}
        {props.image && <meta property="og:image" content={absoluteUrl(props.image, site)} />}
        <meta name="twitter:card" content={props.image ? 'summary_large_image' : 'summary'} />
        <link rel="icon" href={site.assets.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={site.assets.css} />
        <script src={site.assets.js} defer />
      </head>
      <body class={props.bodyClass}>
        <Header isHome={props.isHome} activeSection={props.activeSection} />
        {props.children}
        <Footer />
      </body>
    </html>
  )
}

/** The HTML document every reader page shares: head, header, content, footer, assets. */
import type { ComponentChildren } from 'preact'
import type { ImageRef } from '../../../content/index.js'
import { HeadTags } from '../components/head-tags.js'
import { ImagePreload } from '../components/responsive-image.js'
import { absoluteUrl } from '../format.js'
import { usePageHead } from '../page-context.js'
import { useComponents, useSite } from '../theme-context.js'

export interface LayoutProps {
  title: string
  description?: string | undefined
  /** Path of this page's canonical URL (defaults to what the page's head data says). */
  canonicalPath?: string | undefined
  /** A picture for social cards when the page's head data has none (a JPEG or PNG URL). */
  image?: string | undefined
  type?: 'website' | 'article'
  noindex?: boolean
  isHome?: boolean
  activeSection?: string | undefined
  bodyClass?: string
  /**
   * The page's LCP picture (above the fold) and how wide it shows: preloaded in place of the
   * serif face, which would share the first bytes with it; that face swaps in without a shift.
   */
  lcpImage?: { image: ImageRef; sizes: string } | undefined
  children: ComponentChildren
}

export function BaseLayout(props: LayoutProps) {
  const site = useSite()
  const { header: Header, footer: Footer } = useComponents()
  const { settings } = site
  const fullTitle = props.isHome
    ? `${settings.title}${settings.tagline ? ` — ${settings.tagline}` : ''}`
    : `${props.title} | ${settings.title}`
  const given = usePageHead()
  const head = {
    noindex: false,
    ogType: props.type ?? 'website',
    feeds: [],
    ...given,
  }
  if (props.noindex) head.noindex = true
  if (props.canonicalPath) head.canonical = props.canonicalPath
  if (!head.canonical && !head.noindex) head.canonical = site.currentPath
  if (!head.image && props.image && /\.(jpe?g|png)$/i.test(props.image)) {
    head.image = { url: absoluteUrl(props.image, site), width: 0, height: 0, type: '', alt: '' }
  }
  return (
    <html lang={settings.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        {props.lcpImage ? (
          <ImagePreload {...props.lcpImage} />
        ) : (
          <link
            rel="preload"
            href={site.assets.font}
            as="font"
            type="font/woff2"
            crossOrigin="anonymous"
          />
        )}
        {/* Labels are `font-display: optional`: asked for early, after what the page needs first. */}
        <link
          rel="preload"
          href={site.assets.labelFont}
          as="font"
          type="font/woff2"
          crossOrigin="anonymous"
          fetchpriority="low"
        />
        <link rel="stylesheet" href={site.assets.css} />
        <HeadTags
          head={head}
          title={fullTitle}
          socialTitle={props.isHome ? settings.title : props.title}
          description={props.description || head.description || settings.description}
        />
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

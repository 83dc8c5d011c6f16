/**
 * Everything in `<head>` that tells search engines, social networks, feed readers and home
 * screens about the page: description, canonical, robots, OpenGraph, Twitter card, prev/next,
 * feeds, icons, manifest and JSON-LD (from the page's `PageHead`, see site/seo.ts).
 */
import { serializeJsonLd } from '../../render/seo-json-ld.js'
import type { PageHead } from '../../render/seo.js'
import { absoluteUrl } from '../format.js'
import { useSite } from '../theme-context.js'

export interface HeadTagsProps {
  head: PageHead
  /** The document title, and the shorter title social cards show. */
  title: string
  socialTitle: string
  description: string
}

export function HeadTags({ head, title, socialTitle, description }: HeadTagsProps) {
  const site = useSite()
  const { settings } = site
  const canonical = head.canonical ? absoluteUrl(head.canonical, site) : undefined
  const image = head.image
  const handle = /(?:x|twitter)\.com\/@?([A-Za-z0-9_]{1,50})\/?$/.exec(settings.social.x ?? '')?.[1]
  return (
    <>
      <title>{title}</title>
      {description && <meta name="description" content={description} />}
      <meta name="robots" content={head.noindex ? 'noindex' : 'max-image-preview:large'} />
      {canonical && <link rel="canonical" href={canonical} />}
      {head.prev && <link rel="prev" href={absoluteUrl(head.prev, site)} />}
      {head.next && <link rel="next" href={absoluteUrl(head.next, site)} />}
      <meta property="og:site_name" content={settings.title} />
      <meta property="og:locale" content={settings.locale.replace('-', '_')} />
      <meta property="og:type" content={head.ogType} />
      <meta property="og:title" content={socialTitle} />
      {description && <meta property="og:description" content={description} />}
      {canonical && <meta property="og:url" content={canonical} />}
      {image && (
        <>
          <meta property="og:image" content={image.url} />
          {image.type && <meta property="og:image:type" content={image.type} />}
          {image.width > 0 && <meta property="og:image:width" content={String(image.width)} />}
          {image.height > 0 && <meta property="og:image:height" content={String(image.height)} />}
          {image.alt && <meta property="og:image:alt" content={image.alt} />}
        </>
      )}
      {head.article && (
        <>
          <meta property="article:published_time" content={head.article.publishedTime} />
          <meta property="article:modified_time" content={head.article.modifiedTime} />
          {head.article.section && (
            <meta property="article:section" content={head.article.section} />
          )}
          {head.article.tags.map((tag) => (
            <meta key={tag} property="article:tag" content={tag} />
          ))}
        </>
      )}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      {handle && <meta name="twitter:site" content={`@${handle}`} />}
      <meta name="twitter:title" content={socialTitle} />
      {description && <meta name="twitter:description" content={description} />}
      {image && <meta name="twitter:image" content={image.url} />}
      {image?.alt && <meta name="twitter:image:alt" content={image.alt} />}
      {head.feeds.map((feed) => (
        <link
          key={feed.href}
          rel="alternate"
          type={feed.type}
          title={feed.title}
          href={feed.href}
        />
      ))}
      <link rel="icon" href={site.assets.icon} type="image/svg+xml" />
      <link rel="apple-touch-icon" href={site.assets.touchIcon} />
      <link rel="manifest" href={site.assets.manifest} />
      <meta name="theme-color" content="#b3261e" />
      {head.jsonLd && (
        // The one raw script on reader pages: serializeJsonLd escapes <, >, & and U+2028/2029.
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: serializeJsonLd(head.jsonLd) }}
        />
      )}
    </>
  )
}

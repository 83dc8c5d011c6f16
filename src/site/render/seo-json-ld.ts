/**
 * Schema.org structured data for reader pages (NewsArticle, BreadcrumbList, Organization,
 * WebSite with a SearchAction, ProfilePage), and the one safe way to put it in a page.
 */
import type { User } from '../../auth/index.js'
import type { Article } from '../../content/index.js'
import type { SiteView } from '../theme/site-view.js'

export type JsonLd = Record<string, unknown>

type Site = Pick<SiteView, 'settings' | 'publicUrl'>

export interface LogoImage {
  url: string
  width: number
  height: number
}

/**
 * JSON for a `<script type="application/ld+json">` body. `<`, `>` and `&` become `\u003c`
 * escapes so no string can close the script or open a comment; U+2028/2029 are escaped for old
 * JavaScript parsers. The result is still the same JSON.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

/** Wrap nodes in one document: `{"@context": "https://schema.org", "@graph": [...]}`. */
export function jsonLdGraph(nodes: JsonLd[]): JsonLd {
  return { '@context': 'https://schema.org', '@graph': nodes }
}

export function organizationJsonLd(site: Site, logo: LogoImage): JsonLd {
  const sameAs = Object.values(site.settings.social).filter((u): u is string => !!u)
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${site.publicUrl}/#organization`,
    name: site.settings.title,
    url: `${site.publicUrl}/`,
    logo: { '@type': 'ImageObject', ...logo },
    ...(site.settings.contactEmail ? { email: site.settings.contactEmail } : {}),
    ...(sameAs.length > 0 ? { sameAs } : {}),
  }
}

export function websiteJsonLd(site: Site): JsonLd {
  return {
    '@type': 'WebSite',
    '@id': `${site.publicUrl}/#website`,
    name: site.settings.title,
    url: `${site.publicUrl}/`,
    ...(site.settings.description ? { description: site.settings.description } : {}),
    inLanguage: site.settings.locale,
    publisher: { '@id': `${site.publicUrl}/#organization` },
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${site.publicUrl}/search/?q={search_term_string}`,
      },
      'query-input': 'required name=search_term_string',
    },
  }
}

/** Home first, then each crumb; the last one is the page itself. */
export function breadcrumbJsonLd(site: Site, trail: { name: string; path: string }[]): JsonLd {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: [{ name: 'Home', path: '/' }, ...trail].map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: new URL(crumb.path, `${site.publicUrl}/`).toString(),
    })),
  }
}

export interface NewsArticleInput {
  article: Article
  url: string
  /** Absolute URLs of the 16:9, 4:3 and 1:1 crops (or whatever images there are). */
  images: string[]
  datePublished: string
  dateModified: string
  /** The bylines: people here, or an unsigned wire story's writer or source. */
  authors: { name: string; url?: string; type?: 'Person' | 'Organization' }[]
  logo: LogoImage
}

export function newsArticleJsonLd(site: Site, input: NewsArticleInput): JsonLd {
  const { article } = input
  return {
    '@type': 'NewsArticle',
    '@id': `${input.url}#article`,
    headline: article.title.length > 110 ? `${article.title.slice(0, 109)}…` : article.title,
    ...(article.standfirst || article.excerpt
      ? { description: article.standfirst || article.excerpt }
      : {}),
    ...(input.images.length > 0 ? { image: input.images } : {}),
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    author: input.authors.map((a) => ({
      '@type': a.type ?? 'Person',
      name: a.name,
      ...(a.url ? { url: a.url } : {}),
    })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      '@id': `${site.publicUrl}/#organization`,
      name: site.settings.title,
      url: `${site.publicUrl}/`,
      logo: { '@type': 'ImageObject', ...input.logo },
    },
    isAccessibleForFree: true,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    ...(article.category ? { articleSection: article.category.name } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name) } : {}),
    wordCount: article.wordCount,
    inLanguage: site.settings.locale,
    // A story taken from elsewhere (the wire) names the original it is based on.
    ...(isElsewhere(article.canonicalUrl, site.publicUrl)
      ? { isBasedOn: article.canonicalUrl }
      : {}),
  }
}

function isElsewhere(url: string, publicUrl: string): boolean {
  return /^https?:\/\//i.test(url) && !url.startsWith(`${publicUrl}/`)
}

export function profilePageJsonLd(
  site: Site,
  author: User,
  input: { url: string; image?: string | undefined },
): JsonLd {
  const sameAs = Object.values(author.social as Record<string, string | undefined>).filter(
    (u): u is string => typeof u === 'string' && /^https?:\/\//.test(u),
  )
  return {
    '@type': 'ProfilePage',
    '@id': input.url,
    url: input.url,
    mainEntity: {
      '@type': 'Person',
      '@id': `${input.url}#person`,
      name: author.name,
      url: input.url,
      ...(author.bio ? { description: author.bio } : {}),
      ...(input.image ? { image: input.image } : {}),
      ...(sameAs.length > 0 ? { sameAs } : {}),
      worksFor: { '@id': `${site.publicUrl}/#organization` },
    },
  }
}

/**
 * What a reader page's `<head>` says about it, worked out from the data the page renders:
 * description, canonical URL, robots, the social card image (the 1200×630 'social' crop),
 * `rel=prev/next`, feed discovery links and JSON-LD. Pure: the layout only prints it.
 */
import { articlePath, type ArticleSummary, type ImageRef, type Page } from '../../content/index.js'
import { feedLinks, type FeedLink } from '../../feeds/index.js'
import type { MediaVariant } from '../../media/index.js'
import type { StoryOrigin } from '../../wire/index.js'
import {
  breadcrumbJsonLd,
  jsonLdGraph,
  newsArticleJsonLd,
  organizationJsonLd,
  profilePageJsonLd,
  websiteJsonLd,
  type JsonLd,
  type LogoImage,
} from './seo-json-ld.js'
import { isoWithOffset, updatedAfterPublication } from './seo-dates.js'
import type { TemplateProps } from '../theme/pages/templates.js'
import type { SiteView } from '../theme/site-view.js'
import type { TemplateRequest } from './templates.js'

export interface SocialImage {
  url: string
  width: number
  height: number
  type: string
  alt: string
}

export interface PageHead {
  /** The page's own description, when it has one (the layout falls back to the site's). */
  description?: string | undefined
  /** Path or absolute URL of the canonical page; none on error pages. */
  canonical?: string | undefined
  noindex: boolean
  image?: SocialImage | undefined
  ogType: 'website' | 'article' | 'profile'
  article?: {
    publishedTime: string
    modifiedTime: string
    section?: string | undefined
    tags: string[]
  }
  prev?: string | undefined
  next?: string | undefined
  feeds: FeedLink[]
  jsonLd?: JsonLd | undefined
}

export type ImageVariants = ReadonlyMap<number, MediaVariant[]>

interface Ctx {
  view: SiteView
  images: ImageVariants
}

/** The head of the page `request` renders with `props`. */
export function buildPageHead(
  request: TemplateRequest,
  props: unknown,
  view: SiteView,
  images: ImageVariants,
): PageHead {
  const ctx = { view, images }
  const base: PageHead = { noindex: false, ogType: 'website', feeds: siteFeeds(view) }
  switch (request.kind) {
    case 'home':
      return { ...base, ...homeHead(ctx, props as TemplateProps<'home'>) }
    case 'post':
      return { ...base, ...articleHead(ctx, props as TemplateProps<'post'>) }
    case 'section':
      return { ...base, ...sectionHead(ctx, props as TemplateProps<'section'>) }
    case 'tag':
      return { ...base, ...tagHead(ctx, props as TemplateProps<'tag'>) }
    case 'author':
      return { ...base, ...authorHead(ctx, props as TemplateProps<'author'>) }
    case 'page':
      return { ...base, ...staticPageHead(ctx, props as TemplateProps<'page'>) }
    case 'search':
    case 'error':
      // Result pages and error pages stay out of the index (and so have no canonical URL).
      return { ...base, noindex: true }
    default:
      return { ...base, canonical: view.currentPath }
  }
}

/** The site's logo for structured data: the settings' logo, else the 512-px app icon. */
export function siteLogo(view: SiteView): LogoImage {
  if (view.settings.logoUrl)
    return { url: absolute(view.settings.logoUrl, view), width: 600, height: 60 }
  return { url: absolute(view.assets.logo, view), width: 512, height: 512 }
}

function homeHead(ctx: Ctx, props: TemplateProps<'home'>): Partial<PageHead> {
  const { view } = ctx
  return {
    canonical: '/',
    image: socialImage(ctx, props.lead?.image),
    jsonLd: jsonLdGraph([organizationJsonLd(view, siteLogo(view)), websiteJsonLd(view)]),
  }
}

function articleHead(ctx: Ctx, props: TemplateProps<'post'>): Partial<PageHead> {
  const { view } = ctx
  const { article } = props
  const path = articlePath(article, view.settings.timeZone)
  const canonical = article.canonicalUrl || path
  const published = article.publishedAt ?? article.updatedAt
  const modified = updatedAfterPublication(article) ?? published
  const tz = view.settings.timeZone
  const bylines =
    article.authors.length > 0 ? article.authors : article.author ? [article.author] : []
  const crumbs = [
    ...props.sectionTrail.map((s) => ({ name: s.name, path: `/${s.slug}/` })),
    { name: article.title, path },
  ]
  return {
    description: article.seoDescription || article.standfirst || article.excerpt,
    canonical,
    ogType: 'article',
    image: socialImage(ctx, article.image),
    article: {
      publishedTime: isoWithOffset(published, tz),
      modifiedTime: isoWithOffset(modified, tz),
      section: article.category?.name,
      tags: article.tags.map((t) => t.name),
    },
    jsonLd: jsonLdGraph([
      newsArticleJsonLd(view, {
        article,
        url: absolute(canonical, view),
        images: articleImages(ctx, article.image),
        datePublished: isoWithOffset(published, tz),
        dateModified: isoWithOffset(modified, tz),
        authors:
          bylines.length > 0
            ? bylines.map((a) => ({ name: a.name, url: absolute(`/author/${a.slug}/`, view) }))
            : originBylines(props.origin),
        logo: siteLogo(view),
      }),
      breadcrumbJsonLd(view, crumbs),
    ]),
  }
}

function sectionHead(ctx: Ctx, props: TemplateProps<'section'>): Partial<PageHead> {
  const { category, parent, articles } = props.listing
  const base = `/${category.slug}/`
  const crumbs = [...(parent ? [{ name: parent.name, path: `/${parent.slug}/` }] : [])]
  return {
    ...listHead(ctx, articles, base, [...crumbs, { name: category.name, path: base }]),
    description: category.description || undefined,
    feeds: feedLinks('section', category.slug, `${category.name} – ${ctx.view.settings.title}`),
  }
}

function tagHead(ctx: Ctx, props: TemplateProps<'tag'>): Partial<PageHead> {
  const { tag, articles } = props
  const base = `/tag/${tag.slug}/`
  return {
    ...listHead(ctx, articles, base, [{ name: tag.name, path: base }]),
    description: tag.description || undefined,
    feeds: feedLinks('tag', tag.slug, `${tag.name} – ${ctx.view.settings.title}`),
  }
}

function authorHead(ctx: Ctx, props: TemplateProps<'author'>): Partial<PageHead> {
  const { view } = ctx
  const { author, articles } = props
  const base = `/author/${author.slug}/`
  const list = listHead(ctx, articles, base, [{ name: author.name, path: base }])
  const avatar = author.avatarUrl ? absolute(author.avatarUrl, view) : undefined
  return {
    ...list,
    ogType: 'profile',
    description: author.bio || undefined,
    feeds: feedLinks('author', author.slug, `${author.name} – ${view.settings.title}`),
    jsonLd: jsonLdGraph([
      profilePageJsonLd(view, author, { url: absolute(base, view), image: avatar }),
      ...((list.jsonLd?.['@graph'] as JsonLd[] | undefined) ?? []),
    ]),
  }
}

function staticPageHead(ctx: Ctx, props: TemplateProps<'page'>): Partial<PageHead> {
  const { page } = props
  const path = `/${page.slug}/`
  return {
    description: page.seoDescription || undefined,
    canonical: path,
    jsonLd: jsonLdGraph([breadcrumbJsonLd(ctx.view, [{ name: page.title, path }])]),
  }
}

/** A paginated list: canonical (its own page number), prev/next, a card image, breadcrumb. */
function listHead(
  ctx: Ctx,
  articles: Page<ArticleSummary>,
  base: string,
  trail: { name: string; path: string }[],
): Partial<PageHead> {
  const href = (n: number) => (n === 1 ? base : `${base}page/${n}/`)
  return {
    canonical: href(articles.page),
    ...pageLinks(articles, href),
    image: socialImage(ctx, articles.items.find((a) => a.image)?.image),
    jsonLd: jsonLdGraph([breadcrumbJsonLd(ctx.view, trail)]),
  }
}

function pageLinks(
  list: Pick<Page<unknown>, 'page' | 'totalPages'>,
  href: (n: number) => string,
): Pick<PageHead, 'prev' | 'next'> {
  return {
    prev: list.page > 1 ? href(list.page - 1) : undefined,
    next: list.page < list.totalPages ? href(list.page + 1) : undefined,
  }
}

function siteFeeds(view: SiteView): FeedLink[] {
  return feedLinks('site', '', view.settings.title)
}

/** The 1200×630 social crop (JPEG or PNG, which every network reads), else a raster original. */
function socialImage(ctx: Ctx, image: ImageRef | null | undefined): SocialImage | undefined {
  if (!image) return undefined
  const variant = rasters(ctx, image).find((v) => v.kind === 'social')
  if (variant) {
    const { url, width, height, format } = variant
    return { url: absolute(url, ctx.view), width, height, type: mime(format), alt: image.alt }
  }
  return originalRaster(ctx, image)
}

/** NewsArticle images: the 16:9, 4:3 and 1:1 crops (Google's three ratios). */
function articleImages(ctx: Ctx, image: ImageRef | null): string[] {
  if (!image) return []
  const crops = ['crop-16x9', 'crop-4x3', 'crop-1x1'].flatMap((kind) => {
    const v = rasters(ctx, image).find((r) => r.kind === kind)
    return v ? [absolute(v.url, ctx.view)] : []
  })
  if (crops.length > 0) return crops
  const original = originalRaster(ctx, image)
  return original ? [original.url] : []
}

function rasters(ctx: Ctx, image: ImageRef): MediaVariant[] {
  return (ctx.images.get(image.mediaId) ?? []).filter(
    (v) => v.format === 'jpeg' || v.format === 'png',
  )
}

function originalRaster(ctx: Ctx, image: ImageRef): SocialImage | undefined {
  const format = /\.(jpe?g|png)$/i.exec(image.url)?.[1]?.toLowerCase()
  if (!format || !image.width || !image.height) return undefined
  return {
    url: absolute(image.url, ctx.view),
    width: image.width,
    height: image.height,
    type: mime(format === 'png' ? 'png' : 'jpeg'),
    alt: image.alt,
  }
}

function mime(format: string): string {
  return format === 'png' ? 'image/png' : 'image/jpeg'
}

function absolute(pathOrUrl: string, view: Pick<SiteView, 'publicUrl'>): string {
  return new URL(pathOrUrl, `${view.publicUrl}/`).toString()
}

/** An unsigned wire story's JSON-LD authors: the item's writer, else its source. */
function originBylines(
  origin: StoryOrigin | undefined,
): { name: string; url?: string; type: 'Person' | 'Organization' }[] {
  if (!origin) return []
  if (origin.author) return [{ name: origin.author, type: 'Person' }]
  return [
    {
      name: origin.sourceName,
      type: 'Organization',
      ...(origin.siteUrl ? { url: origin.siteUrl } : {}),
    },
  ]
}

/** Render a page template to an HTML document and send it with the right headers. */
import type { FastifyReply } from 'fastify'
import { CACHEABLE_CACHE_CONTROL } from '../../cache/page-cache.plugin.js'
import { h } from 'preact'
import { render } from 'preact-render-to-string'
import { buildPageHead, type ImageVariants } from './seo.js'
import type { Theme } from './theme-loader.js'
import { ImageVariantsContext, PageHeadContext } from '../theme/page-context.js'
import { ComponentsContext, SiteContext } from '../theme/theme-context.js'
import type { TemplateKind, TemplateProps } from '../theme/pages/templates.js'
import type { SiteView } from '../theme/site-view.js'
import { resolveTemplate, templateCandidates, type TemplateRequest } from './templates.js'

/** Reader pages are the same for every anonymous reader: a CDN may keep them (one policy, the cache's). */
export const READER_CACHE_CONTROL = CACHEABLE_CACHE_CONTROL

/**
 * Render the most specific template the theme has for `request`, as a whole document. `images`
 * (from `loadImageVariants`) gives pictures their `srcset` and the head its social image.
 */
export function renderDocument<K extends TemplateKind>(
  theme: Theme,
  view: SiteView,
  request: TemplateRequest & { kind: K },
  props: TemplateProps<K>,
  images: ImageVariants = new Map(),
): string {
  const name = resolveTemplate(templateCandidates(request), (n) => theme.templates.has(n))
  const template = name === undefined ? undefined : theme.templates.get(name)
  if (!template) throw new Error(`no template for ${request.kind}`)
  const page = h(
    PageHeadContext.Provider,
    { value: buildPageHead(request, props, view, images) },
    h(ImageVariantsContext.Provider, { value: images }, h(template, props)),
  )
  const tree = h(
    SiteContext.Provider,
    { value: view },
    h(ComponentsContext.Provider, { value: theme.components }, page),
  )
  return `<!doctype html>\n${render(tree)}`
}

export interface SendOptions {
  /** 'reader' for cacheable pages (and 404/410), 'none' for form answers and errors. */
  cache?: 'reader' | 'none'
  lastModified?: Date | undefined
}

export function sendHtml(
  reply: FastifyReply,
  html: string,
  options: SendOptions = {},
): FastifyReply {
  reply.type('text/html; charset=utf-8')
  reply.header(
    'cache-control',
    (options.cache ?? 'reader') === 'reader' ? READER_CACHE_CONTROL : 'no-store',
  )
  if (options.lastModified) reply.header('last-modified', options.lastModified.toUTCString())
  return reply.send(html)
}

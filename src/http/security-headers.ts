/**
 * @module security-headers
 * Headers every response carries (nosniff, Referrer-Policy, Permissions-Policy, HSTS under
 * https) and the Content-Security-Policy of HTML pages, reader and newsroom. See
 * docs/security-headers.md for the policy and why it uses hashes.
 *
 * The policy of a page is computed once, from its HTML, when it is rendered, and is stored with
 * the page in the page cache like any other header, so cached hits (fast path included) carry
 * exactly the policy of their bytes. `script-src` is `'self'` only: no page has an inline script
 * it runs (JSON-LD is a data block, which CSP does not govern). Inline `style` attributes are
 * allowed one by one, by hash (`'unsafe-hashes'`), and only when their value has one of the
 * shapes the theme writes (an accent colour, the honeypot's off-screen position), so markup that
 * slipped past escaping gains nothing.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { decodeHTML } from 'entities'

export interface SecurityHeaderOptions {
  publicUrl: string
  /** Where images may also come from (a CDN or bucket for media), besides this site. */
  mediaPublicUrl?: string | undefined
  /** Violation reports go here (`report-uri`, `report-to`). */
  cspReportUrl?: string | undefined
}

/** Where reader pages may frame embeds from, after the reader's click (`public/site.js`). */
export const EMBED_FRAME_SOURCES = [
  'https://www.youtube-nocookie.com',
  'https://platform.twitter.com',
  'https://www.instagram.com',
]

/** Style attribute values the theme writes; only these are allowed, each by its hash. */
const THEME_STYLE_VALUES = [/^--accent:#[0-9a-f]{3,8}$/i, /^position:absolute;left:-9999px$/]
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/g
const MAX_STYLE_HASHES = 64

const MEDIA_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"
const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'

/** Reader pages, the newsroom, and the API reference at `/api/docs/` (Swagger UI). */
export type PageKind = 'reader' | 'newsroom' | 'docs'

/** The Content-Security-Policy for one page of `kind`, given its HTML. */
export function contentSecurityPolicy(
  kind: PageKind,
  html: string,
  options: SecurityHeaderOptions,
): string {
  const images = ["'self'", 'data:']
  const media = originOf(options.mediaPublicUrl)
  if (media) images.push(media)
  const styles =
    kind === 'docs'
      ? // Swagger UI (the API reference, no session, no forms of ours) writes style attributes.
        ["'self'", "'unsafe-inline'"]
      : kind === 'newsroom'
        ? // The newsroom's screens use classes only (scripts set styles through the CSSOM).
          ["'self'"]
        : ["'self'", ...styleHashes(html)]
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styles.join(' ')}`,
    `img-src ${images.join(' ')}`,
    "font-src 'self'",
    "connect-src 'self'",
    kind === 'reader' ? `frame-src ${EMBED_FRAME_SOURCES.join(' ')}` : "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ]
  if (kind !== 'reader') directives.push("frame-ancestors 'none'")
  if (options.cspReportUrl) directives.push(`report-uri ${options.cspReportUrl}`, 'report-to csp')
  return directives.join('; ')
}

/** `'unsafe-hashes' 'sha256-…'` for each distinct theme-shaped style attribute in the page. */
function styleHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const match of html.matchAll(STYLE_ATTRIBUTE)) {
    const value = decodeHTML(match[1] ?? '')
    if (!THEME_STYLE_VALUES.some((shape) => shape.test(value))) continue
    hashes.add(`'sha256-${createHash('sha256').update(value).digest('base64')}'`)
    if (hashes.size >= MAX_STYLE_HASHES) break
  }
  return hashes.size > 0 ? ["'unsafe-hashes'", ...hashes] : []
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

/**
 * Register before the page cache, so the headers a miss gets are stored with the page. Hits the
 * cache serves already carry them (their stored headers), and keep them.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  options: SecurityHeaderOptions,
): void {
  const https = options.publicUrl.startsWith('https:')
  const reportTo = options.cspReportUrl
    ? `csp="${options.cspReportUrl.replace(/["\\]/g, '')}"`
    : undefined
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'strict-origin-when-cross-origin')
    reply.header('permissions-policy', PERMISSIONS_POLICY)
    if (https) reply.header('strict-transport-security', 'max-age=31536000')
    const newsroom = isNewsroom(request)
    if (newsroom) {
      reply.header('cross-origin-opener-policy', 'same-origin')
      reply.header('x-frame-options', 'DENY')
    }
    // Uploaded files are only ever images; if one is opened on its own (an SVG from the demo, a
    // file someone placed there), it runs nothing and reaches nothing.
    if (request.url.startsWith('/media/')) {
      reply.header('content-security-policy', MEDIA_POLICY)
      return payload
    }
    if (!reply.hasHeader('content-security-policy') && isHtml(reply)) {
      const html = htmlOf(reply, payload)
      const kind = newsroom ? 'newsroom' : isDocs(request) ? 'docs' : 'reader'
      reply.header('content-security-policy', contentSecurityPolicy(kind, html, options))
      if (reportTo) reply.header('reporting-endpoints', reportTo)
    }
    return payload
  })
}

function isNewsroom(request: FastifyRequest): boolean {
  return request.url === '/admin' || request.url.startsWith('/admin/')
}

function isDocs(request: FastifyRequest): boolean {
  return request.url === '/api/docs' || request.url.startsWith('/api/docs/')
}

function isHtml(reply: FastifyReply): boolean {
  return String(reply.getHeader('content-type') ?? '').startsWith('text/html')
}

/** The page's markup ('' when it is compressed or streamed: then no style attribute is allowed). */
function htmlOf(reply: FastifyReply, payload: unknown): string {
  if (reply.hasHeader('content-encoding')) return ''
  if (typeof payload === 'string') return payload
  if (Buffer.isBuffer(payload)) return payload.toString('utf8')
  return ''
}

/**
 * The reader CSS and JS, read once from `public/` (plus the theme's CSS and the fonts'
 * `@font-face` rules), and the fonts (site-fonts.ts), served under
 * versioned URLs (`/assets/site.css?v=<hash>`) with a year-long cache. Paths resolve from the
 * package root, so they work from `src/` under tsx and from `dist/` after `tsc`.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import zlib from 'node:zlib'
import { chooseEncoding } from '../cache/accept-encoding.js'
import { FONT_FILES, fontFaceCss, fontFilePath, type FontName } from './site-fonts.js'

const PUBLIC_DIR = new URL('../../public/', import.meta.url)

export interface Asset {
  body: Buffer
  hash: string
  type: string
  /** Versioned URL to put in pages. */
  url: string
  /** Brotli and gzip bodies of text assets, compressed once at start-up. */
  compressed?: { br: Buffer; gzip: Buffer }
}

export type SiteAssets = Record<
  | 'site.css'
  | 'site.js'
  | 'favicon.svg'
  | 'icon-192.png'
  | 'icon-512.png'
  | 'apple-touch-icon.png'
  | FontName,
  Asset
>

const TYPES = {
  'site.css': 'text/css; charset=utf-8',
  'site.js': 'text/javascript; charset=utf-8',
  'favicon.svg': 'image/svg+xml',
  // App icons for the web app manifest, home screens and the publisher logo in structured data.
  'icon-192.png': 'image/png',
  'icon-512.png': 'image/png',
  'apple-touch-icon.png': 'image/png',
} as const

export function loadSiteAssets(themeCss = ''): SiteAssets {
  const out = {} as SiteAssets
  // Fonts first: the stylesheet names their versioned URLs.
  for (const name of Object.keys(FONT_FILES) as FontName[])
    out[name] = asset(name, fs.readFileSync(fontFilePath(name)), 'font/woff2')
  const fontUrls = Object.fromEntries(
    (Object.keys(FONT_FILES) as FontName[]).map((name) => [name, out[name].url]),
  ) as Record<FontName, string>
  for (const name of Object.keys(TYPES) as (keyof typeof TYPES)[]) {
    let body = fs.readFileSync(new URL(name, PUBLIC_DIR))
    if (name === 'site.css') {
      const parts = [Buffer.from(fontFaceCss(fontUrls)), body]
      if (themeCss) parts.push(Buffer.from(`\n/* THEME_DIR/theme.css */\n${themeCss}\n`))
      body = Buffer.concat(parts)
    }
    out[name] = asset(name, body, TYPES[name])
  }
  return out
}

function asset(name: string, body: Buffer, type: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12)
  // PNG and WOFF2 are compressed already.
  const compressed = /\.(png|woff2)$/.test(name)
    ? undefined
    : {
        br: zlib.brotliCompressSync(body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
        }),
        gzip: zlib.gzipSync(body, { level: 9 }),
      }
  return { body, hash, type, url: `/assets/${name}?v=${hash}`, compressed }
}

/** The body to send for `acceptEncoding`, and its `Content-Encoding` (none for identity). */
export function encodedBody(
  asset: Asset,
  acceptEncoding: string | undefined,
): { body: Buffer; encoding?: 'br' | 'gzip' } {
  const encoding = asset.compressed ? chooseEncoding(acceptEncoding) : 'identity'
  if (encoding === 'identity' || !asset.compressed) return { body: asset.body }
  return { body: asset.compressed[encoding], encoding }
}

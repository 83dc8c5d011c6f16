/**
 * The reader site's typefaces, self-hosted from their @fontsource packages (SIL Open Font
 * License): Source Serif 4 for headlines and reading, Source Sans 3 for labels, menus and
 * meta. Only the Latin subset is served (other scripts fall back to the system's fonts).
 * - The serif comes as static faces, one file a weight: headlines use only the bold (700), the
 *   one critical face, which pages preload (22 KB against 51 KB for the variable file), and
 *   only an article's standfirst and body ask for the regular. Both swap in
 *   (`font-display: swap`) over a fallback sized to match.
 * - The sans is one variable file: labels use four weights.
 * - The sans and the italic are `optional`: used when they arrive within the first moment (or
 *   from the cache), never swapped in later, because a label's width changes with its font
 *   however the fallback is sized, and a late swap moved the menu and the Subscribe button.
 */
import { createRequire } from 'node:module'

const resolve = createRequire(import.meta.url).resolve

/** Fontsource's Latin range (Basic Latin, Latin-1, common punctuation, €, ™). */
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,' +
  'U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD'

export const FONT_FILES = {
  'serif.woff2': {
    path: '@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2',
    family: 'Source Serif 4',
    style: 'normal',
    weight: '700',
    display: 'swap',
  },
  'serif-regular.woff2': {
    path: '@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2',
    family: 'Source Serif 4',
    style: 'normal',
    weight: '400',
    display: 'swap',
  },
  'serif-italic.woff2': {
    path: '@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2',
    family: 'Source Serif 4',
    style: 'italic',
    weight: '400',
    display: 'optional',
  },
  'sans.woff2': {
    path: '@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2',
    family: 'Source Sans 3',
    style: 'normal',
    weight: '200 900',
    display: 'optional',
  },
} as const

export type FontName = keyof typeof FONT_FILES

/** The face every page preloads. */
export const CRITICAL_FONT: FontName = 'serif.woff2'

export function fontFilePath(name: FontName): string {
  return resolve(FONT_FILES[name].path)
}

/**
 * `@font-face` rules for the served files (`urls` are their versioned addresses), and fallback
 * faces sized to the web fonts' metrics so the swap moves nothing (no layout shift).
 */
export function fontFaceCss(urls: Record<FontName, string>): string {
  const faces = (Object.keys(FONT_FILES) as FontName[]).map((name) => {
    const font = FONT_FILES[name]
    return `@font-face{font-family:'${font.family}';font-style:${font.style};font-weight:${font.weight};font-display:${font.display};src:url(${urls[name]}) format('woff2');unicode-range:${LATIN}}`
  })
  return [...faces, ...FALLBACK_FACES, ''].join('\n')
}

// Local fonts stretched to the web fonts' widths and line metrics, measured in Chromium on a
// paragraph of text (the sans between its regular and bold widths: labels are mostly bold): Liberation is metric-compatible with Times New Roman and Arial (Windows,
// macOS), DejaVu is what many Linux systems have. Overrides are divided by size-adjust, which
// scales them too.
const FALLBACK_FACES = [
  fallback(
    'Source Serif 4 Fallback',
    ['Times New Roman', 'Liberation Serif', 'Tinos'],
    117,
    104,
    34,
  ),
  fallback('Source Serif 4 Fallback DejaVu', ['DejaVu Serif'], 91, 104, 34),
  fallback('Source Sans 3 Fallback', ['Arial', 'Liberation Sans', 'Arimo'], 92, 102, 40),
  fallback('Source Sans 3 Fallback DejaVu', ['DejaVu Sans'], 79, 102, 40),
]

function fallback(
  family: string,
  locals: string[],
  sizePercent: number,
  ascentPercent: number,
  descentPercent: number,
): string {
  const src = locals.map((name) => `local('${name}')`).join(',')
  const scaled = (value: number) => ((value / sizePercent) * 100).toFixed(1)
  return `@font-face{font-family:'${family}';src:${src};size-adjust:${sizePercent}%;ascent-override:${scaled(ascentPercent)}%;descent-override:${scaled(descentPercent)}%;line-gap-override:0%}`
}

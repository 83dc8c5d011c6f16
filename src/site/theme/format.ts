/** Dates, paths and section colours as templates show them, in the site's locale and time zone. */
import { articlePath, type ArticleSummary, type Category } from '../../content/index.js'
import { dateFormat, formatterFor } from '../../text/date-format.js'
import type { SiteView } from './site-view.js'

/** Intl options for each of the site's date formats ("Date format" in Settings). */
const DATE_STYLES: Record<SiteView['settings']['dateFormat'], Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
}

/**
 * A date in the site's chosen format, locale and time zone: "16 September 2026", "16 Sept 2026"
 * or "16/09/2026" in en-GB; "September 16, 2026", "Sep 16, 2026" or "09/16/2026" in en-US.
 */
export function formatDate(date: Date, site: Pick<SiteView, 'settings'>): string {
  const { locale, timeZone, dateFormat: chosen } = site.settings
  return formatterFor(`date|${locale}|${chosen}|${timeZone}`, locale, () => ({
    ...(DATE_STYLES[chosen] ?? DATE_STYLES.long),
    timeZone,
  })).format(date)
}

/** "Wednesday 17 September" (en-GB) or "Wednesday, September 17" (en-US). */
export function formatToday(date: Date, site: Pick<SiteView, 'settings'>): string {
  return dateFormat(site.settings.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: site.settings.timeZone,
  }).format(date)
}

/** The year of `date` in the site's time zone. */
export function yearOf(date: Date, site: Pick<SiteView, 'settings'>): string {
  return dateFormat('en', {
    year: 'numeric',
    timeZone: site.settings.timeZone,
  }).format(date)
}

export function pathOf(
  article: Pick<ArticleSummary, 'slug' | 'publishedAt'>,
  site: Pick<SiteView, 'settings'>,
): string {
  return articlePath(article, site.settings.timeZone)
}

/** Accent colours for sections, by top-level position; all pass 4.5:1 against white text. */
const ACCENTS = [
  '#b3261e',
  '#1a5fb4',
  '#8a3b78',
  '#1e7a3c',
  '#6b4fbb',
  '#00707a',
  '#b4410f',
  '#3d5a80',
]

/** The accent colour of a section (sub-sections take their top-level section's colour). */
export function sectionAccent(
  categoryId: number | undefined,
  categories: Category[],
): string | undefined {
  if (categoryId === undefined) return undefined
  const byId = new Map(categories.map((c) => [c.id, c]))
  let category = byId.get(categoryId)
  while (category?.parentId != null) category = byId.get(category.parentId)
  if (!category) return undefined
  const roots = categories.filter((c) => c.parentId === null)
  const index = roots.findIndex((c) => c.id === category.id)
  return ACCENTS[index % ACCENTS.length]
}

/** Absolute URL on this site. */
export function absoluteUrl(path: string, site: Pick<SiteView, 'publicUrl'>): string {
  return new URL(path, `${site.publicUrl}/`).toString()
}

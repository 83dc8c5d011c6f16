/** What every template can read about the site: settings, menus, trending, the clock's "now". */
import type { ArticleSummary, Category } from '../../content/index.js'
import type { MenuItem, SiteSettings } from '../../settings/index.js'

export interface SiteView {
  settings: SiteSettings
  primaryMenu: MenuItem[]
  footerMenu: MenuItem[]
  categories: Category[]
  /** Most read in the last 48 hours (topped up with the latest): the Trending ticker. */
  trending: ArticleSummary[]
  now: Date
  /** The request's path, without the query string. */
  currentPath: string
  /** Absolute origin for canonical and share URLs, e.g. `https://news.example`. */
  publicUrl: string
  assets: {
    css: string
    js: string
    icon: string
    /** 180×180 PNG for iOS home screens. */
    touchIcon: string
    /** 512×512 PNG: the publisher logo in structured data when the settings have none. */
    logo: string
    manifest: string
    /** The one critical font file (headlines and reading text), preloaded by every page. */
    font: string
    /** The labels' font file (`optional`): preloaded at low priority so it is there in time. */
    labelFont: string
  }
  /** Signed "rendered at" stamp for the reader's forms (minimum fill time). */
  formStamp: string
}

/** The sidebar's lists, loaded by pages that show one. */
export interface SidebarData {
  editorsPicks: ArticleSummary[]
  latest: ArticleSummary[]
}

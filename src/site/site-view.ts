/** Loads what every reader page needs (the "site context") and what sidebars show. */
import { formStamp, type RateLimits } from '../comments/index.js'
import {
  listCategories,
  listEditorsPicks,
  listNewestArticles,
  listMostRead,
} from '../content/index.js'
import type { SearchIndex } from '../search/index.js'
import type { Services } from '../services.js'
import { findMenuItems, findSettings } from '../settings/index.js'
import type { ChromeMemo } from './chrome-memo.js'
import type { SidebarData, SiteView } from './theme/site-view.js'

export interface SiteDeps extends Services {
  /** Full-text search (the /search/ page and suggestions). */
  index: SearchIndex
  /** The site's signing secret (form stamps, emailed links). */
  secret: string
  /** Per-IP and per-email limits for the reader's forms (one per process). */
  limiter: RateLimits
  publicUrl: string
  /** Site chrome kept between renders (omitted: loaded for every page). */
  chrome?: ChromeMemo | undefined
}

/** List totals (section, tag, author pages) kept with the chrome: a count scans an index range. */
export function listCounts(
  deps: SiteDeps,
): ((key: string, count: () => Promise<number>) => Promise<number>) | undefined {
  const chrome = deps.chrome
  return chrome && ((key, count) => chrome.get(`count:${key}`, count))
}

/** `load()`, through the chrome memo when there is one. */
function memo<T>(deps: SiteDeps, key: string, load: () => Promise<T>): Promise<T> {
  return deps.chrome ? deps.chrome.get(key, load) : load()
}

export async function loadSiteView(
  deps: SiteDeps,
  request: { path: string; publicUrl: string; assets: SiteView['assets'] },
): Promise<SiteView> {
  const [settings, primaryMenu, footerMenu, categories, trending] = await Promise.all([
    memo(deps, 'settings', () => findSettings(deps)),
    memo(deps, 'menu:primary', () => findMenuItems(deps, 'primary')),
    memo(deps, 'menu:footer', () => findMenuItems(deps, 'footer')),
    memo(deps, 'categories', () => listCategories(deps)),
    memo(deps, 'trending', () => listMostRead(deps, { hours: 48, limit: 8 })),
  ])
  return {
    settings,
    primaryMenu,
    footerMenu,
    categories,
    trending,
    now: deps.clock.now(),
    currentPath: request.path,
    publicUrl: request.publicUrl,
    assets: request.assets,
    formStamp: formStamp(deps.secret, deps.clock.now().getTime()),
  }
}

export function loadSidebar(deps: SiteDeps): Promise<SidebarData> {
  return memo(deps, 'sidebar', async () => {
    const [editorsPicks, latest] = await Promise.all([
      listEditorsPicks(deps, 4),
      listNewestArticles(deps, 3),
    ])
    return { editorsPicks, latest }
  })
}

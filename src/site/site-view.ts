/** Loads what every reader page needs (the "site context") and what sidebars show. */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import { formStamp, type RateLimiter } from '../comments/index.js'
import {
  listCategories,
  listEditorsPicks,
  listNewestArticles,
  listMostRead,
} from '../content/index.js'
import type { Database } from '../db/database.js'
import type { EventSink } from '../events.js'
import type { Mailer } from '../mail/index.js'
import type { SearchIndex } from '../search/index.js'
import { findMenuItems, findSettings } from '../settings/index.js'
import type { SidebarData, SiteView } from './theme/site-view.js'

export interface SiteDeps {
  db: Kysely<Database>
  clock: Clock
  events?: EventSink | undefined
  /** Full-text search (the /search/ page and suggestions). */
  index: SearchIndex
  mailer: Mailer
  /** The site's signing secret (form stamps, emailed links). */
  secret: string
  /** Per-IP and per-email limits for the reader's forms (one per process). */
  limiter: RateLimiter
  publicUrl: string
}

export async function loadSiteView(
  deps: SiteDeps,
  request: { path: string; publicUrl: string; assets: SiteView['assets'] },
): Promise<SiteView> {
  const [settings, primaryMenu, footerMenu, categories, trending] = await Promise.all([
    findSettings(deps.db),
    findMenuItems(deps.db, 'primary'),
    findMenuItems(deps.db, 'footer'),
    listCategories(deps.db),
    listMostRead(deps, { hours: 48, limit: 8 }),
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

export async function loadSidebar(deps: SiteDeps): Promise<SidebarData> {
  const [editorsPicks, latest] = await Promise.all([
    listEditorsPicks(deps, 4),
    listNewestArticles(deps, 3),
  ])
  return { editorsPicks, latest }
}

/**
 * Site chrome above the content: skip link, top bar (date, Trending, social), masthead (menu
 * toggle, logo, search, Subscribe), the section menu, the off-canvas mobile menu and the
 * search overlay. Without JavaScript the menu control is a link to the footer's navigation (every
 * section and page) and the search control a plain link to /search/, each in place of its button.
 */
import type { MenuItem } from '../../../settings/index.js'
import { formatToday, pathOf } from '../format.js'
import { useComponents, useSite } from '../theme-context.js'
import { Icon } from './icons.js'
import { SiteLogo } from './site-logo.js'

export interface HeaderProps {
  isHome?: boolean
  /** Path of the section the page belongs to (an article's section), for the menu's active state. */
  activeSection?: string | undefined
}

function Menu({
  items,
  current,
  active,
}: {
  items: MenuItem[]
  current: string
  active?: string | undefined
}) {
  return (
    <ul class="menu">
      {items.map((item) => (
        <li key={item.id}>
          <a
            href={item.url}
            aria-current={item.url === current ? 'page' : item.url === active ? 'true' : undefined}
          >
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  )
}

export function Header({ isHome = false, activeSection }: HeaderProps) {
  const site = useSite()
  const { trendingBar: TrendingBar, socialLinks: SocialLinks } = useComponents()
  const today = site.now
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <div class="topbar">
          <div class="wrap topbar-inner">
            <p class="today">
              <time datetime={today.toISOString().slice(0, 10)}>{formatToday(today, site)}</time>
            </p>
            <TrendingBar />
            <SocialLinks class="topbar-social" label="Follow us" />
          </div>
        </div>
        <div class="wrap masthead">
          <button
            class="icon-button menu-toggle"
            type="button"
            aria-controls="offcanvas"
            aria-expanded="false"
            data-menu-open
            hidden
          >
            <Icon name="menu" size={22} />
            <span class="sr-only">Menu</span>
          </button>
          {/* Without JS the same place holds a link to the footer's list of every section. */}
          <a class="icon-button menu-toggle" href="#footer-nav" data-menu-fallback>
            <Icon name="menu" size={22} />
            <span class="sr-only">Menu</span>
          </a>
          <div class="brand">
            <SiteLogo as={isHome ? 'h1' : 'p'} />
            {site.settings.tagline && <p class="tagline">{site.settings.tagline}</p>}
          </div>
          <div class="masthead-actions">
            {/* The button opens the overlay (site.js shows it); without JS the link stays. */}
            <button
              id="search-toggle"
              class="icon-button search-toggle"
              type="button"
              aria-haspopup="dialog"
              data-search-open
              hidden
            >
              <Icon name="search" size={20} />
              <span class="sr-only">Search</span>
            </button>
            <a class="icon-button search-toggle" href="/search/" data-search-fallback>
              <Icon name="search" size={20} />
              <span class="sr-only">Search</span>
            </a>
            <a class="button subscribe-button" href="/subscribe/">
              Subscribe
            </a>
          </div>
        </div>
        <nav class="primary-nav" aria-label="Sections">
          <div class="wrap">
            <Menu items={site.primaryMenu} current={site.currentPath} active={activeSection} />
          </div>
        </nav>
      </header>
      <div
        id="offcanvas"
        class="offcanvas"
        role="dialog"
        aria-modal="true"
        aria-label="Menu"
        hidden
      >
        <div class="offcanvas-panel">
          <button class="close-menu" type="button" data-menu-close>
            <Icon name="close" />
            <span>Close Menu</span>
          </button>
          <SiteLogo />
          <nav aria-label="Mobile menu">
            <Menu items={site.primaryMenu} current={site.currentPath} active={activeSection} />
          </nav>
          {site.trending.length > 0 && (
            <div class="whats-hot">
              <h2 id="offcanvas-hot" class="widget-title">
                What's Hot
              </h2>
              <ul class="hot-list">
                {site.trending.slice(0, 3).map((a) => (
                  <li key={a.id}>
                    <a href={pathOf(a, site)}>{a.title}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <SocialLinks label="Follow us" />
        </div>
      </div>
      <dialog id="search-overlay" class="search-overlay" aria-labelledby="search-overlay-help">
        <form class="search-overlay-form" role="search" action="/search/" method="get">
          <label for="search-overlay-q" class="sr-only">
            Search
          </label>
          <input
            id="search-overlay-q"
            type="search"
            name="q"
            maxLength={200}
            autocomplete="off"
            placeholder="Search…"
          />
        </form>
        <p id="search-overlay-help" class="search-overlay-help">
          Type above and press Enter to search. Press Esc to cancel.
        </p>
        <button class="icon-button search-close" type="button" data-search-close>
          <Icon name="close" size={26} />
          <span class="sr-only">Close search</span>
        </button>
      </dialog>
    </>
  )
}

import type { Locator, Page } from 'playwright-core'

/** Site chrome every reader page shares: header, search overlay, sidebar, footer. */
export class BasePage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  sectionLink(name: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name, exact: true })
  }

  /** The header's search button (site.js shows it in place of the no-JS link). */
  searchButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Search', exact: true })
  }

  /** The header's search link, for readers without JavaScript. */
  searchLink(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: 'Search', exact: true })
  }

  /** The header's menu button (site.js shows it in place of the no-JS link). */
  menuButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true })
  }

  /** The header's menu link, for readers without JavaScript: it leads to the footer's list. */
  menuLink(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: 'Menu', exact: true })
  }

  ticker(): Locator {
    return this.page.getByRole('region', { name: 'Trending' })
  }

  tickerButton(
    name: 'Previous trending story' | 'Next trending story' | 'Pause the ticker',
  ): Locator {
    return this.ticker().getByRole('button', { name })
  }

  /** How far the ticker has moved, in pixels (its list's sideways translation). */
  tickerOffset(): Promise<number> {
    return this.page.evaluate(() => {
      const list = document.querySelector('[data-ticker-viewport] ul')
      const transform = list ? getComputedStyle(list).transform : 'none'
      return transform === 'none' ? 0 : -new DOMMatrixReadOnly(transform).m41
    })
  }

  /** Let `count` frames pass: long enough to see whether anything animates. */
  animationFrames(count: number): Promise<void> {
    return this.page.evaluate(
      (n) =>
        new Promise<void>((resolve) => {
          const tick = () => (n-- <= 0 ? resolve() : requestAnimationFrame(tick))
          requestAnimationFrame(tick)
        }),
      count,
    )
  }

  /** Where the sidebar's sticky group sits in the viewport (top and bottom, in pixels). */
  stickySidebarBox(): Promise<{ top: number; bottom: number } | null> {
    return this.page.evaluate(() => {
      const box = document.querySelector('.sidebar-sticky')?.getBoundingClientRect()
      return box ? { top: box.top, bottom: box.bottom } : null
    })
  }

  searchDialog(): Locator {
    return this.page.getByRole('dialog', { name: /Type above and press Enter/ })
  }

  searchInput(): Locator {
    // A searchbox without JS; site.js makes it a combobox with suggestions.
    return this.searchDialog().getByLabel('Search', { exact: true })
  }

  searchSuggestions(): Locator {
    return this.searchDialog()
      .getByRole('listbox', { name: 'Suggested stories' })
      .getByRole('option')
  }

  closeSearchButton(): Locator {
    return this.searchDialog().getByRole('button', { name: 'Close search' })
  }

  sidebarNewsletter(): Locator {
    return this.page
      .getByRole('complementary', { name: 'Sidebar' })
      .getByRole('region', { name: 'Subscribe to News' })
  }

  /** The id of the element that has focus, or its tag when it has none. */
  focusedElement(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement
      return el ? el.id || el.getAttribute('href') || el.tagName : ''
    })
  }
}

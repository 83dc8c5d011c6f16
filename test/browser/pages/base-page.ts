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

  searchButton(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: 'Search', exact: true })
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

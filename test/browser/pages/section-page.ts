import type { Locator } from 'playwright-core'
import { BasePage } from './base-page.js'

export class SectionPage extends BasePage {
  async goto(slug: string): Promise<void> {
    await this.page.goto(`/${slug}/`)
  }

  storyLinks(): Locator {
    return this.page.getByRole('main').locator('.card-title a')
  }

  async storyTitles(): Promise<string[]> {
    return this.storyLinks().allTextContents()
  }

  olderLink(): Locator {
    return this.page
      .getByRole('navigation', { name: 'Pagination' })
      .getByRole('link', { name: 'Older »' })
  }
}

import type { Locator } from 'playwright-core'
import { BasePage } from './base-page.js'

export class HomePage extends BasePage {
  async goto(): Promise<void> {
    await this.page.goto('/')
  }

  leadStoryLink(): Locator {
    return this.page
      .getByRole('region', { name: 'Top story' })
      .getByRole('heading')
      .getByRole('link')
  }
}

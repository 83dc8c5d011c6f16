import type { Locator } from 'playwright-core'
import { BasePage } from './base-page.js'

export class SearchPage extends BasePage {
  resultLinks(): Locator {
    return this.page.getByRole('main').locator('.card-title a')
  }
}

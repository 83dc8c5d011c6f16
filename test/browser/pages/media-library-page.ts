import type { Locator } from 'playwright-core'
import { AdminPage } from './admin-page.js'

export class MediaLibraryPage extends AdminPage {
  async open(): Promise<void> {
    await this.page.goto('/admin/media')
  }

  fileInput(): Locator {
    return this.field('Upload images')
  }

  images(): Locator {
    return this.page.getByRole('list', { name: 'Images' }).getByRole('listitem')
  }
}

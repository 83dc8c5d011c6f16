import type { Locator } from 'playwright-core'
import { AdminPage } from './admin-page.js'

/** The article form with the rich editor. */
export class EditorPage extends AdminPage {
  async open(id?: number): Promise<void> {
    await this.page.goto(id === undefined ? '/admin/articles/new' : `/admin/articles/${id}`)
    await this.body().waitFor()
  }

  body(): Locator {
    return this.page.getByRole('textbox', { name: 'Body' })
  }

  tool(name: string): Locator {
    return this.page
      .getByRole('toolbar', { name: 'Formatting' })
      .getByRole('button', { name, exact: true })
  }

  stats(): Locator {
    return this.page.locator('#editor-stats')
  }

  saveStatus(): Locator {
    return this.page.locator('#save-status')
  }

  status(): Locator {
    return this.page.getByTestId('article-status')
  }

  restoreOffer(): Locator {
    return this.page.getByRole('region', { name: 'Unsaved changes' })
  }

  mediaDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Media library' })
  }

  /** The article id from the address bar (autosave moves a new article to its own URL). */
  articleId(): number {
    return Number(/\/admin\/articles\/(\d+)/.exec(this.page.url())?.[1])
  }

  /** The stored HTML the form would submit. */
  bodyHtml(): Promise<string> {
    return this.page.locator('#bodyHtml').inputValue()
  }
}

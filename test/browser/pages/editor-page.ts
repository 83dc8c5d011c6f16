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

  /** A type-ahead box in the side panel: Section, Also in sections, Tags or Authors. */
  combobox(name: string): Locator {
    return this.page.getByRole('combobox', { name, exact: true })
  }

  /** What a type-ahead box holds, as its chips. */
  chosen(name: string): Locator {
    return this.page.getByRole('list', { name: `Chosen: ${name}` }).getByRole('listitem')
  }

  /**
   * Type `typed` into a type-ahead box, move with ↓ to the suggestion named `option` and press
   * Enter, as a keyboard user would.
   */
  async choose(name: string, typed: string, option: string): Promise<void> {
    const box = this.combobox(name)
    await box.fill(typed)
    const wanted = this.page.getByRole('option', { name: option, exact: true })
    await wanted.waitFor()
    for (let i = 0; i < 12 && (await wanted.getAttribute('aria-selected')) !== 'true'; i++)
      await box.press('ArrowDown')
    await box.press('Enter')
  }

  /** The stored HTML the form would submit. */
  bodyHtml(): Promise<string> {
    return this.page.locator('#bodyHtml').inputValue()
  }
}

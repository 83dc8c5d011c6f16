import type { Locator, Page } from 'playwright-core'

/** Newsroom chrome and forms every admin screen shares. */
export class AdminPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  navLink(name: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Newsroom' })
      .getByRole('link', { name, exact: true })
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true })
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }

  link(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true })
  }

  notice(): Locator {
    return this.page.locator('.notice')
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto('/admin/login')
    await this.field('Email').fill(email)
    await this.field('Password').fill(password)
    await this.button('Sign in').click()
    await this.page.waitForURL('**/admin/dashboard')
  }

  /** The account menu in the top bar (it holds Your profile, Sessions and Sign out). */
  async openAccountMenu(): Promise<void> {
    const menu = this.page.locator('details.account')
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click()
  }

  async signOut(): Promise<void> {
    await this.openAccountMenu()
    await this.button('Sign out').click()
    await this.page.waitForURL('**/admin/login')
  }

  /** Follow an emailed link (invitation or reset) and choose a password. */
  async acceptInvitation(link: string, password: string): Promise<void> {
    await this.page.goto(new URL(link).pathname)
    await this.field('New password').fill(password)
    await this.button('Save password').click()
    await this.page.waitForURL('**/admin/login?reset=1')
  }
}

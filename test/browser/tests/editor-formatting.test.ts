/**
 * The article editor's writing tools in Debian's Chromium: Markdown shortcuts, keyboard
 * shortcuts, embeds, tables, and paste from Word and Google Docs cleaned to the house markup.
 */
import { execFileSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../src/app.js'
import { fixedClock } from '../../../src/clock.js'
import { parseConfig } from '../../../src/config.js'
import { browserUnavailable, launchBrowser } from '../../support/browser.js'
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js'
import { AdminPage } from '../pages/admin-page.js'
import { EditorPage } from '../pages/editor-page.js'

const skipReason = browserUnavailable()

const WORD_CLIPBOARD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style></head><body>
<!--StartFragment--><p class=MsoNormal style='margin-bottom:0cm'><span style='font-family:"Calibri",sans-serif'>Tolls rise by <b>ten per cent</b> in <i>April</i><o:p></o:p></span></p><!--EndFragment--></body></html>`

const DOCS_CLIPBOARD =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><p dir="ltr" style="line-height:1.38;margin-top:0pt"><span style="font-size:11pt;font-family:Arial;color:#000000;font-weight:400">The board meets </span><span style="font-size:11pt;font-family:Arial;font-weight:700">on Thursday</span><span style="font-size:11pt;font-family:Arial;font-style:italic">, in public</span></p></b>'

describe.skipIf(skipReason !== undefined)('the editor in Chromium', () => {
  let database: TestDatabase
  let app: FastifyInstance
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let editor: EditorPage

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-admin.js'], { stdio: 'inherit' })
    database = await createTestDatabase('sqlite')
    const config = parseConfig({
      DATA_DIR: database.dataDir,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DEMO_CONTENT: 'false',
      PUBLIC_URL: 'http://news.test',
    })
    app = await buildApp({ db: database.db, clock: fixedClock(new Date()), config })
    await app.listen({ port: 0, host: '127.0.0.1' })
    browser = await launchBrowser(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`)
    page = await browser.context.newPage()
    const admin = new AdminPage(page)
    await page.goto('/admin/')
    await admin.field('Your name').fill('Olive Owner')
    await admin.field('Email').fill('olive@news.test')
    await admin.field('Password').fill('a long newsroom passphrase')
    await admin.button('Create owner account').click()
    await page.waitForURL('**/admin/dashboard')
    editor = new EditorPage(page)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await database?.destroy()
  })

  async function freshBody(): Promise<void> {
    await editor.open()
    await editor.body().click()
  }

  /**
   * The body as the form submits it, less the empty paragraph the editor keeps after a last
   * non-paragraph block to type into (the server drops empty paragraphs on save).
   */
  async function body(): Promise<string> {
    return (await editor.bodyHtml()).replace(/(<p><\/p>)+$/, '')
  }

  /** Paste `html` into the editor the way the system clipboard would hand it over. */
  async function paste(html: string): Promise<void> {
    await editor.body().evaluate((element, clipboard) => {
      const data = new DataTransfer()
      data.setData('text/html', clipboard)
      data.setData('text/plain', clipboard.replace(/<[^>]+>/g, ''))
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    }, html)
  }

  it('turns Markdown shortcuts into headings, quotes, lists and rules', async () => {
    await freshBody()
    const keys = page.keyboard
    await keys.type('## Ferry times')
    await keys.press('Enter')
    await keys.type('### Weekdays')
    await keys.press('Enter')
    await keys.type('> Every two hours')
    await keys.press('Enter')
    await keys.press('Enter')
    await keys.type('- First sailing')
    await keys.press('Enter')
    await keys.type('Last sailing')
    await keys.press('Enter')
    await keys.press('Enter')
    await keys.type('1. Buy a ticket')
    await keys.press('Enter')
    await keys.press('Enter')
    await keys.type('---')
    await keys.type('After the rule')
    await expect
      .poll(body)
      .toBe(
        '<h2>Ferry times</h2><h3>Weekdays</h3><blockquote><p>Every two hours</p></blockquote>' +
          '<ul><li><p>First sailing</p></li><li><p>Last sailing</p></li></ul>' +
          '<ol><li><p>Buy a ticket</p></li></ol><hr><p>After the rule</p>',
      )
  })

  it('formats with keyboard shortcuts and the toolbar', async () => {
    await freshBody()
    const keys = page.keyboard
    await keys.type('Fares ')
    await keys.press('Control+b')
    await keys.type('frozen')
    await keys.press('Control+b')
    await keys.type(' until ')
    await keys.press('Control+i')
    await keys.type('June')
    await keys.press('Control+i')
    await keys.press('Enter')
    await keys.type('Quote of the day')
    await editor.tool('Pull quote').click()
    await expect
      .poll(body)
      .toBe(
        '<p>Fares <strong>frozen</strong> until <em>June</em></p>' +
          '<blockquote class="pull-quote"><p>Quote of the day</p></blockquote>',
      )
    await keys.press('Control+z')
    await expect.poll(body).not.toContain('pull-quote')
  })

  it('inserts a table and an embed from the toolbar', async () => {
    await freshBody()
    await editor.tool('Insert table').click()
    await page.keyboard.type('Route')
    await expect.poll(body).toMatch(/^<table[^>]*>.*<p>Route<\/p>/s)
    await page.keyboard.press('Control+End')
    page.once('dialog', (dialog) => void dialog.accept('https://youtu.be/aBcDeFgHiJk'))
    await editor.tool('Embed (YouTube, X, Instagram)').click()
    await expect
      .poll(body)
      .toContain(
        '<figure class="embed" data-embed="youtube" data-url="https://youtu.be/aBcDeFgHiJk">',
      )
  })

  it('cleans a paste from Word down to paragraphs, bold and italic', async () => {
    await freshBody()
    await paste(WORD_CLIPBOARD)
    await expect
      .poll(body)
      .toBe('<p>Tolls rise by <strong>ten per cent</strong> in <em>April</em></p>')
  })

  it('keeps Google Docs bold and italic, which it writes as styles, and drops its wrapper', async () => {
    await freshBody()
    await paste(DOCS_CLIPBOARD)
    await expect
      .poll(body)
      .toBe('<p>The board meets <strong>on Thursday</strong><em>, in public</em></p>')
  })

  /** How many stories carry `title`. */
  async function storiesTitled(title: string): Promise<number> {
    const rows = await database.db
      .selectFrom('articles')
      .select('id')
      .where('title', '=', title)
      .execute()
    return rows.length
  }

  it('makes a new story once when Save draft is clicked right after typing', async () => {
    await editor.open()
    await editor.field('Headline').fill('Night ferry returns')
    await editor.body().click()
    await page.keyboard.type('The late boat sails again.')
    await editor.button('Save draft').click()
    await page.waitForURL(/\/admin\/articles\/\d+\?done=save/)
    await editor.body().waitFor()
    // The page left behind fires its hidden-page autosave; give it time to land if it would.
    await page.waitForTimeout(500)
    expect(await storiesTitled('Night ferry returns')).toBe(1)
  })

  it('holds Save draft until the first autosave has made the story, then saves that story', async () => {
    // The first autosave is slow to answer: the editor clicks Save draft while it is out.
    await page.route('**/admin/articles/autosave', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await route.continue()
    })
    try {
      await editor.open()
      await editor.field('Headline').fill('Harbour lights relit')
      await editor.body().click()
      await page.keyboard.type('Every lamp on the quay is on.')
      const first = page.waitForRequest('**/admin/articles/autosave')
      await first
      await editor.button('Save draft').click()
      await page.waitForURL(/\/admin\/articles\/\d+\?done=save/)
      await editor.body().waitFor()
      await page.waitForTimeout(500)
      expect(await storiesTitled('Harbour lights relit')).toBe(1)
      await expect(editor.body().textContent()).resolves.toContain('Every lamp on the quay is on.')
    } finally {
      await page.unroute('**/admin/articles/autosave')
    }
  })
})

/**
 * Debian's Chromium through playwright-core, for browser tests. When Chromium is missing the
 * suite prints `SKIPPED browser: <reason>` and skips, unless REQUIRE_SERVICES=1.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { REQUIRE_SERVICES } from './services.js'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Why the browser suite cannot run here, or undefined when it can. */
export function browserUnavailable(): string | undefined {
  if (fs.existsSync(CHROMIUM_PATH)) return undefined
  const reason = `no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`
  if (REQUIRE_SERVICES) throw new Error(`Chromium is required (REQUIRE_SERVICES=1): ${reason}`)
  process.stderr.write(`\nSKIPPED browser: ${reason}\n\n`)
  return reason
}

export async function launchBrowser(
  baseURL: string,
  options: { javaScriptEnabled?: boolean; width?: number; enforceCsp?: boolean } = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    baseURL,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    // axe-core is injected as an inline script, which the site's CSP refuses; the CSP test
    // (csp.test.ts) enforces it.
    bypassCSP: !(options.enforceCsp ?? false),
    viewport: { width: options.width ?? 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  // No real network: anything not on our own server is refused.
  await context.route(
    (url) => !url.href.startsWith(baseURL),
    (route) => route.abort(),
  )
  return {
    context,
    close: async () => {
      await context.close()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}

const AXE_SOURCE = fs.readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

export interface AxeViolation {
  id: string
  help: string
  targets: string[]
}

/** Run axe-core on the page as it stands; returns its violations (none is the goal). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<any> } }).axe
    const result = (await axe.run(document)) as {
      violations: { id: string; help: string; nodes: { target: string[] }[] }[]
    }
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
}

/** Load lazy images, then save a full-page screenshot. */
export async function fullPageScreenshot(page: Page, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  await page.evaluate(async () => {
    // Blocks below the fold skip rendering until a reader scrolls to them (content-visibility:
    // auto); the picture of the whole page shows them as a reader who scrolled down sees them.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *')))
      if (getComputedStyle(el).contentVisibility === 'auto')
        el.style.setProperty('content-visibility', 'visible')
    const images = Array.from(document.images)
    for (const img of images) img.loading = 'eager'
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)))
  })
  await page.screenshot({ path: file, fullPage: true })
}

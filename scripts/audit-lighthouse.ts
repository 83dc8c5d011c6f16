/**
 * One Lighthouse run (mobile or desktop) in Debian's Chromium through chrome-launcher, reduced
 * to what the audit report states: the four category scores, every point lost and why, page
 * weight by resource type, render-blocking requests and requests to other hosts.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig } from 'lighthouse'

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

export interface LostPoint {
  category: string
  audit: string
  title: string
  /** The audit's score (0–1), or null when it errored. */
  score: number | null
  weight: number
  displayValue?: string | undefined
  reason: string
}

export interface LighthouseResult {
  name: string
  url: string
  formFactor: 'mobile' | 'desktop'
  scores: Record<string, number | null>
  lost: LostPoint[]
  /** Audits that could not run (`scoreDisplayMode: error`), with their weight. */
  errored: { audit: string; weight: number; message: string }[]
  metrics: Record<string, string>
  /** Transferred bytes by resource type, and the HTML+CSS+JS total. */
  weight: Record<string, number>
  /** Undefined when the audit errored (the frame_reporter quirk). */
  renderBlocking: string[] | undefined
  otherHosts: string[]
  /** Lighthouse's CPU benchmark of this machine during the run (below 1000: an underpowered or busy host). */
  benchmarkIndex: number | undefined
  report: string
  /** Audits this page may lose by design (search results are noindex: `is-crawlable`). */
  allowedLosses?: string[]
}

type Lhr = {
  environment?: { benchmarkIndex?: number }
  categories: Record<
    string,
    { score: number | null; auditRefs: { id: string; weight: number; group?: string }[] }
  >
  audits: Record<
    string,
    {
      id: string
      title: string
      score: number | null
      scoreDisplayMode: string
      displayValue?: string
      errorMessage?: string
      explanation?: string
      description?: string
      details?: { items?: Record<string, unknown>[] }
    }
  >
}

export type Category = (typeof CATEGORIES)[number]

export async function runLighthouse(input: {
  name: string
  url: string
  formFactor: 'mobile' | 'desktop'
  out: string
  /** The categories to run (all four by default). */
  categories?: readonly Category[]
  /** Sent with every request (a signed-in newsroom session's cookie). */
  headers?: Record<string, string>
}): Promise<LighthouseResult> {
  const categories = input.categories ?? CATEGORIES
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME_PATH,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  })
  try {
    const result = await lighthouse(
      input.url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...categories],
        ...(input.headers ? { extraHeaders: input.headers } : {}),
      },
      input.formFactor === 'desktop' ? desktopConfig : undefined,
    )
    if (!result) throw new Error(`Lighthouse returned nothing for ${input.url}`)
    const file = `lighthouse-${input.name.replace(/\W+/g, '-')}-${input.formFactor}.json`
    fs.writeFileSync(path.join(input.out, file), JSON.stringify(result.lhr, null, 1))
    return summarise(input, result.lhr as unknown as Lhr, file, categories)
  } finally {
    chrome.kill()
  }
}

function summarise(
  input: { name: string; url: string; formFactor: 'mobile' | 'desktop' },
  lhr: Lhr,
  report: string,
  categories: readonly Category[],
): LighthouseResult {
  const scores: Record<string, number | null> = {}
  const lost: LostPoint[] = []
  const errored: LighthouseResult['errored'] = []
  for (const id of categories) {
    const category = lhr.categories[id]
    scores[id] = category?.score == null ? null : Math.round(category.score * 100)
    for (const ref of category?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id]
      if (!audit) continue
      if (audit.scoreDisplayMode === 'error') {
        errored.push({ audit: ref.id, weight: ref.weight, message: audit.errorMessage ?? '' })
        continue
      }
      if (ref.weight === 0 || audit.score === null || audit.score >= 1) continue
      lost.push({
        category: id,
        audit: ref.id,
        title: audit.title,
        score: audit.score,
        weight: ref.weight,
        displayValue: audit.displayValue,
        reason: reasonOf(audit),
      })
    }
  }
  const requests = (lhr.audits['network-requests']?.details?.items ?? []) as {
    url: string
    resourceType?: string
    transferSize?: number
  }[]
  const origin = new URL(input.url).origin
  const weight: Record<string, number> = {}
  for (const r of requests) {
    const type = r.resourceType ?? 'Other'
    weight[type] = (weight[type] ?? 0) + (r.transferSize ?? 0)
  }
  weight['HTML+CSS+JS'] = (weight.Document ?? 0) + (weight.Stylesheet ?? 0) + (weight.Script ?? 0)
  const metrics = Object.fromEntries(
    [
      'first-contentful-paint',
      'largest-contentful-paint',
      'total-blocking-time',
      'cumulative-layout-shift',
      'speed-index',
    ].map((id) => [id, lhr.audits[id]?.displayValue ?? '?']),
  )
  return {
    ...input,
    scores,
    lost,
    errored,
    metrics,
    weight,
    renderBlocking:
      lhr.audits['render-blocking-resources']?.scoreDisplayMode === 'error'
        ? undefined
        : (lhr.audits['render-blocking-resources']?.details?.items ?? []).map((i) => String(i.url)),
    otherHosts: [
      ...new Set(
        requests
          .filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:'))
          .map((r) => r.url),
      ),
    ],
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    report,
  }
}

/** Why an audit lost points: its explanation, or the first items it lists. */
function reasonOf(audit: Lhr['audits'][string]): string {
  if (audit.explanation) return audit.explanation
  const items = (audit.details?.items ?? []).slice(0, 5).map((item) => {
    const node = item.node as { snippet?: string; explanation?: string } | undefined
    return (
      node?.explanation ?? node?.snippet ?? (item.url as string | undefined) ?? JSON.stringify(item)
    )
  })
  return items.length > 0 ? items.join(' | ') : (audit.displayValue ?? 'no detail given')
}

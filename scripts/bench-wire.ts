/**
 * `npm run bench -- --scenario wire [--sources 200 --items 50]`: the wire's ingest. A local
 * server serves `sources` synthetic feeds of `items` items each; every source publishes
 * directly into a fresh SQLite database, images left remote. Measures the first poll of every
 * source (items into stories per second), the second poll (every feed answers 304) and the
 * peak RSS. Issue 15's targets: at least 1,000 items/s, the second poll under 2 s.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { systemActor } from '../src/auth/index.js'
import { systemClock } from '../src/clock.js'
import { openSqlite } from '../src/db/dialects/sqlite.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { noEvents } from '../src/events.js'
import { createHttpClient } from '../src/net/index.js'
import { addSource, pollSource, type WireDeps } from '../src/wire/index.js'
import { startFeedServer } from '../test/support/feed-server.js'
import { syntheticFeed } from '../test/support/synthetic-feed.js'

export interface WireBenchReport {
  sources: number
  items: number
  firstPollSeconds: number
  itemsPerSecond: number
  secondPollSeconds: number
  notModified: number
  peakRssMb: number
}

const WIRE = systemActor('wire', 'editor')

export async function runWireScenario(options: {
  sources: number
  items: number
  log: (line: string) => void
}): Promise<WireBenchReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-wire-bench-'))
  const db = openSqlite(path.join(dir, 'wire.db'))
  const server = await startFeedServer()
  const client = createHttpClient({ userAgent: 'Broadsheet/bench', allowPrivate: true })
  let peak = process.memoryUsage().rss
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  try {
    await migrateToLatest(db)
    const deps: WireDeps = { db, clock: systemClock, events: noEvents, wireClient: client }
    const ids: number[] = []
    for (let i = 0; i < options.sources; i++) {
      const feedPath = `/source-${i}/feed.xml`
      server.route(feedPath, { body: syntheticFeed({ name: `Source ${i}`, items: options.items }) })
      const source = await addSource(
        deps,
        WIRE,
        { url: server.url(feedPath), name: `Source ${i}`, publish: 'auto', intervalMinutes: 5 },
        { discover: false },
      )
      ids.push(source.id)
    }
    options.log(`wire: ${options.sources} sources of ${options.items} items, first poll`)
    const first = await timed(() => pollAll(deps, ids))
    const added = first.result.reduce((sum, n) => sum + n, 0)
    options.log(`wire: ${added} items in ${first.seconds.toFixed(2)} s; second poll`)
    const second = await timed(() => pollAll(deps, ids))
    const notModified = server.requests.filter((r) => r.headers['if-none-match']).length
    return {
      sources: options.sources,
      items: added,
      firstPollSeconds: round(first.seconds),
      itemsPerSecond: Math.round(added / first.seconds),
      secondPollSeconds: round(second.seconds),
      notModified,
      peakRssMb: Math.round(peak / 1024 / 1024),
    }
  } finally {
    clearInterval(sample)
    client.close()
    await server.close()
    await db.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Poll every source one after another (as one job runner does); the items each added. */
async function pollAll(deps: WireDeps, ids: number[]): Promise<number[]> {
  const added: number[] = []
  for (const id of ids) {
    const { outcome } = await pollSource(deps, WIRE, id)
    if (outcome.status === 'failed') throw new Error(`source ${id}: ${outcome.message}`)
    added.push(outcome.status === 'fetched' ? outcome.added : 0)
  }
  return added
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now()
  const result = await work()
  return { result, seconds: (performance.now() - started) / 1000 }
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

/** The report as a Markdown table, with issue 15's targets. */
export function printWireReport(report: WireBenchReport): void {
  console.log('\n| wire | measured | target |')
  console.log('| --- | --- | --- |')
  console.log(
    `| first poll: ${report.items} items from ${report.sources} sources | ${report.firstPollSeconds} s, ${report.itemsPerSecond} items/s | ≥ 1,000 items/s |`,
  )
  console.log(
    `| second poll (${report.notModified} conditional requests) | ${report.secondPollSeconds} s | < 2 s |`,
  )
  console.log(`| peak RSS | ${report.peakRssMb} MB | bounded |`)
}

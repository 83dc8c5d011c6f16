/**
 * `node --import tsx scripts/import-once.ts FILE.xml` (DATABASE_URL / DATA_DIR from the
 * environment): one WordPress import into that database, in this process, then one line of JSON
 * on stdout: posts and comments written, CPU seconds (user + system) and wall-clock seconds of
 * the import alone, and the process's peak RSS. `npm run bench -- --scenario import` runs it in
 * a fresh process per database, so the peak is the import's own; add `--cpu-prof` to profile.
 */
import { systemActor } from '../src/auth/index.js'
import { parseConfig } from '../src/config.js'
import { connectDatabase } from '../src/db/connect.js'
import { runImport } from '../src/importers/index.js'
import { applyMigrations, servicesFor } from '../src/startup.js'

export interface ImportRun {
  database: 'sqlite' | 'postgres'
  posts: number
  comments: number
  cpuSeconds: number
  wallSeconds: number
  peakRssMb: number
  postsPerCpuSecond: number
  postsPerSecond: number
}

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file) throw new Error('usage: import-once.ts FILE.xml')
  const config = parseConfig(process.env)
  const handle = await connectDatabase(config.database, config.dataDir)
  try {
    await applyMigrations(handle)
    const services = servicesFor(handle, config)
    const cpu = process.cpuUsage()
    const started = performance.now()
    const report = await runImport(services, systemActor('wordpress-import'), 'wordpress', file)
    const wallSeconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    const cpuSeconds = (used.user + used.system) / 1e6
    const posts = report.counts.articles.imported + report.counts.pages.imported
    const run: ImportRun = {
      database: handle.dialect,
      posts,
      comments: report.counts.comments.imported,
      cpuSeconds: round(cpuSeconds),
      wallSeconds: round(wallSeconds),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      postsPerCpuSecond: Math.round(posts / cpuSeconds),
      postsPerSecond: Math.round(posts / wallSeconds),
    }
    console.log(JSON.stringify(run))
  } finally {
    await handle.close()
  }
}

const round = (n: number) => Math.round(n * 100) / 100

await main()

// `node scripts/import-once.js FILE.xml` after `npm run build` (DATABASE_URL / DATA_DIR from the
// environment): one WordPress import into that database, in this process, on the built code,
// then one line of JSON: posts and comments written, CPU seconds (user + system) and wall-clock
// seconds of the import alone, and the process's peak RSS. `npm run bench -- --scenario import`
// runs it in a fresh process per database; add `node --cpu-prof` to profile an import.
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const load = (module) => import(pathToFileURL(join(dist, module)).href)
const [{ systemActor }, { parseConfig }, { connectDatabase }, { runImport }, startup] =
  await Promise.all([
    load('auth/index.js'),
    load('config.js'),
    load('db/connect.js'),
    load('importers/index.js'),
    load('startup.js'),
  ])

const file = process.argv[2]
if (!file) throw new Error('usage: node scripts/import-once.js FILE.xml')
const config = parseConfig(process.env)
const handle = await connectDatabase(config.database, config.dataDir)
try {
  await startup.applyMigrations(handle)
  const services = startup.servicesFor(handle, config)
  const cpu = process.cpuUsage()
  const started = performance.now()
  const report = await runImport(services, systemActor('wordpress-import'), 'wordpress', file)
  const wallSeconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  const cpuSeconds = (used.user + used.system) / 1e6
  const posts = report.counts.articles.imported + report.counts.pages.imported
  const round = (n) => Math.round(n * 100) / 100
  console.log(
    JSON.stringify({
      database: handle.dialect,
      posts,
      comments: report.counts.comments.imported,
      cpuSeconds: round(cpuSeconds),
      wallSeconds: round(wallSeconds),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      postsPerCpuSecond: Math.round(posts / cpuSeconds),
      postsPerSecond: Math.round(posts / wallSeconds),
    }),
  )
} finally {
  await handle.close()
}

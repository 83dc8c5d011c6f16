/**
 * `npx tsx scripts/parse-wxr.ts FILE [--convert]`
 *
 * Streams a WordPress export and prints what it holds, how fast it was read and the process's
 * peak RSS. Without `--convert` it runs the parser alone (records as WordPress shaped them);
 * with it, the whole reading side of the import: bodies converted and sanitized, comments,
 * dates, old URLs. Nothing is written anywhere. Prints one JSON line.
 */
import { scriptArgs } from './script-args.js'

const USAGE = `Usage: npx tsx scripts/parse-wxr.ts FILE [--convert]

Reads a WordPress export and prints one JSON line: what it holds, how fast it was read and the
peak RSS. --convert runs the import's whole reading side too; nothing is written.`
const { values, positionals } = scriptArgs('parse-wxr', USAGE, {
  allowPositionals: true,
  options: { help: { type: 'boolean' }, convert: { type: 'boolean', default: false } },
})
const file = positionals[0]
if (!file) {
  process.stderr.write(`${USAGE}\n`)
  process.exit(2)
}

const counts: Record<string, number> = {}
const started = performance.now()
const cpu = process.cpuUsage()
try {
  if (values.convert) {
    const { readWordPressExport } = await import('../src/importers/wordpress/wordpress-export.js')
    for await (const record of readWordPressExport(file)) {
      counts[record.kind] = (counts[record.kind] ?? 0) + 1
      if (record.kind === 'article' || record.kind === 'page')
        counts.comment = (counts.comment ?? 0) + record.comments.length
    }
  } else {
    // The reader alone: the parse-only figure is not weighed down by the conversion's modules.
    const { readWxrFile } = await import('../src/importers/wordpress/wxr-reader.js')
    for await (const record of readWxrFile(file)) {
      const key = record.kind === 'item' ? record.item.postType : record.kind
      counts[key] = (counts[key] ?? 0) + 1
      if (record.kind === 'item')
        counts.comment = (counts.comment ?? 0) + record.item.comments.length
    }
  }
} catch (error) {
  process.stderr.write(`parse-wxr: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
const seconds = (performance.now() - started) / 1000
const { user, system } = process.cpuUsage(cpu)
const cpuSeconds = (user + system) / 1e6
const posts = (counts.post ?? 0) + (counts.article ?? 0)
process.stdout.write(
  `${JSON.stringify({
    file,
    mode: values.convert ? 'convert' : 'parse',
    counts,
    seconds: Number(seconds.toFixed(2)),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    postsPerSecond: Math.round(posts / seconds),
    postsPerCpuSecond: Math.round(posts / cpuSeconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
)

/**
 * The Nu HTML Checker (the `vnu-jar` package) run with the machine's Java, for the validity
 * tests and `npm run audit`. Checks several documents in one JVM start (it takes seconds).
 * When Java is missing the suite prints `SKIPPED <suite>: <reason>` and skips, unless
 * REQUIRE_SERVICES=1.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { REQUIRE_SERVICES } from './services.js'

export const JAVA = process.env.JAVA ?? 'java'

export interface NuMessage {
  /** The document's name as given to `nuCheck`. */
  document: string
  /** 'error' (invalid HTML) or 'warning'; plain notes ('info') are dropped. */
  type: 'error' | 'warning'
  message: string
  line?: number | undefined
  extract?: string | undefined
}

/** Path of vnu.jar inside the installed `vnu-jar` package. */
export function vnuJar(): string {
  const pkg = createRequire(import.meta.url).resolve('vnu-jar/package.json')
  return path.join(path.dirname(pkg), 'build', 'dist', 'vnu.jar')
}

/** Why the Nu checker cannot run here, or undefined when it can. */
export function nuUnavailable(suite: string): string | undefined {
  let reason: string | undefined
  const java = spawnSync(JAVA, ['-version'], { encoding: 'utf8' })
  if (java.error || java.status !== 0) reason = `no Java (${JAVA} -version failed)`
  else if (!fs.existsSync(vnuJar())) reason = `no vnu.jar at ${vnuJar()} (npm install)`
  if (!reason) return undefined
  if (REQUIRE_SERVICES)
    throw new Error(`the Nu checker is required (REQUIRE_SERVICES=1): ${reason}`)
  process.stderr.write(`\nSKIPPED ${suite}: ${reason}\n\n`)
  return reason
}

/** Check HTML documents (name → markup) in one run; errors and warnings, in document order. */
export function nuCheck(documents: Record<string, string>): NuMessage[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-nu-'))
  try {
    const files = Object.entries(documents).map(([name, html], i) => {
      const file = path.join(dir, `${String(i).padStart(2, '0')}-${name.replace(/\W+/g, '-')}.html`)
      fs.writeFileSync(file, html)
      return { name, file }
    })
    const run = spawnSync(
      JAVA,
      ['-jar', vnuJar(), '--format', 'json', '--stdout', ...files.map((f) => f.file)],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    if (run.error) throw run.error
    const output = JSON.parse(run.stdout) as {
      messages: {
        type: string
        subType?: string
        url?: string
        message: string
        lastLine?: number
        extract?: string
      }[]
    }
    const byFile = new Map(files.map((f) => [path.basename(f.file), f.name]))
    return output.messages.flatMap((m) => {
      const type =
        m.type === 'error' || m.type === 'non-document-error'
          ? 'error'
          : m.subType === 'warning'
            ? 'warning'
            : undefined
      if (!type) return []
      const document = byFile.get(path.basename(decodeURIComponent(m.url ?? ''))) ?? '?'
      return [{ document, type, message: m.message, line: m.lastLine, extract: m.extract }]
    })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

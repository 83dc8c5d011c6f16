/**
 * The npm scripts people run by hand (bench, soak, cluster, the WXR tools) answer --help with
 * their usage and a wrong option with one line and exit code 2, as the CLI does: never a stack
 * trace.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const SCRIPTS = ['bench', 'soak', 'cluster', 'generate-wxr', 'parse-wxr']

function run(script: string, args: string[]) {
  const result = spawnSync(TSX, [path.join(ROOT, `scripts/${script}.ts`), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('scripts’ command lines', () => {
  for (const script of SCRIPTS) {
    it(`${script}: --help prints the usage, a wrong option one line`, () => {
      const help = run(script, ['--help'])
      expect(help.status).toBe(0)
      expect(help.stdout).toMatch(/^Usage: /)

      const wrong = run(script, ['--no-such-option'])
      expect(wrong.status).toBe(2)
      expect(wrong.stdout).toBe('')
      expect(wrong.stderr).toBe(`${script}: Unknown option '--no-such-option' (see --help)\n`)
    })
  }
})

/**
 * deploy/broadsheet@.service is a unit systemd accepts (systemd-analyze verify, as an instance
 * on a port), it starts what `npm start` starts, and it gives the SIGTERM drain time to finish.
 */
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../support/run-cli.js'
import { REQUIRE_SERVICES } from '../../support/services.js'

const UNIT = path.join(ROOT, 'deploy/broadsheet@.service')
const unit = fs.readFileSync(UNIT, 'utf8')
const setting = (key: string) =>
  unit
    .split('\n')
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1))

const hasAnalyze = spawnSync('systemd-analyze', ['--version'], { stdio: 'ignore' }).status === 0
if (!hasAnalyze) {
  if (REQUIRE_SERVICES)
    throw new Error('systemd-analyze is required (REQUIRE_SERVICES=1) but not installed')
  process.stderr.write('SKIPPED systemd unit verify: systemd-analyze is not installed\n')
}

describe('deploy/broadsheet@.service', () => {
  it.runIf(hasAnalyze)('passes systemd-analyze verify without a warning', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-unit-'))
    try {
      const instance = path.join(dir, 'broadsheet@3000.service')
      fs.copyFileSync(UNIT, instance)
      const { stdout, stderr } = await promisify(execFile)('systemd-analyze', ['verify', instance])
      expect(`${stdout}${stderr}`.trim()).toBe('')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('runs what npm start runs, on the instance port, and outlasts the 10 s drain', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.start).toBe('node dist/main.js')
    expect(setting('ExecStart')).toEqual(['/usr/bin/node dist/main.js'])
    expect(setting('Environment').join(' ')).toMatch(/PORT=%i/)
    expect(setting('KillSignal')).toEqual(['SIGTERM'])
    expect(Number(setting('TimeoutStopSec')[0])).toBeGreaterThan(10)
  })
})

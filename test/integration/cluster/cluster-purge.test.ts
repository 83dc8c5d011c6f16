import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isPurgeMessage, relayPurge } from '../../../src/cache/cluster-purge-channel.js'
import { freePort, runCli, startCli } from '../../support/run-cli.js'

interface Heard {
  type: string
  pid: number
  tags?: string[]
}

describe('purges between cluster workers', { timeout: 60_000 }, () => {
  const children: ChildProcess[] = []
  afterAll(() => children.forEach((c) => c.kill()))

  it('relays one worker’s purge to every other worker, not back to itself', async () => {
    const heard: Heard[] = []
    const workers = [0, 1, 2].map(() => {
      const child = fork(path.join(import.meta.dirname, 'purge-worker.fixture.ts'), [], {
        execArgv: ['--import', 'tsx'],
      })
      children.push(child)
      return child
    })
    const asWorker = (child: ChildProcess) => ({
      process: { pid: child.pid },
      send: (m: unknown) => child.send(m as never),
    })
    await Promise.all(
      workers.map((child) => new Promise((resolve) => child.once('message', resolve))),
    )
    for (const child of workers) {
      child.on('message', (message: unknown) => {
        if (isPurgeMessage(message)) relayPurge(message, asWorker(child), workers.map(asWorker))
        else heard.push(message as Heard)
      })
    }
    workers[0]!.send({ type: 'purge-now', tags: ['article:7', 'home'] })
    await expect.poll(() => heard.length).toBe(2)
    expect(heard.map((h) => h.pid).sort()).toEqual([workers[1]!.pid, workers[2]!.pid].sort())
    expect(heard.every((h) => h.tags?.join() === 'article:7,home')).toBe(true)
  })
})

describe('broadsheet serve --workers', { timeout: 180_000 }, () => {
  it('serves from several workers on one port and stops them all on SIGTERM', async () => {
    const dataDir = path.join(
      (await import('node:os')).tmpdir(),
      `broadsheet-workers-${process.pid}`,
    )
    const env = { DATA_DIR: dataDir }
    expect((await runCli(['serve', '--workers', 'two'], env)).stderr).toMatch(
      /--workers must be a whole number/,
    )
    const port = await freePort()
    const primary = startCli(['serve', '--workers', '2'], {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    })
    let output = ''
    primary.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    await expect
      .poll(() => (output.match(/serving http/g) ?? []).length, { timeout: 150_000, interval: 200 })
      .toBe(2)
    const pages = await Promise.all(
      Array.from({ length: 6 }, () => fetch(`http://127.0.0.1:${port}/`).then((r) => r.text())),
    )
    expect(pages.every((p) => p.includes('The Broadsheet Gazette'))).toBe(true)
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve))
    primary.kill('SIGTERM')
    expect(await exited).toBe(0)
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})

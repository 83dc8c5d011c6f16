import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, startCli } from '../../support/run-cli.js'

/** Resolve once the child prints `pattern`; reject if it exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const onData = (chunk: Buffer) => {
      seen += chunk.toString()
      if (pattern.test(seen)) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (seen += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`server exited (${code}) early: ${seen}`)))
  })
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket))
    socket.once('error', reject)
  })
}

describe('SIGTERM', { timeout: 60_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-drain-'))
  let child: ChildProcess | undefined
  afterAll(() => {
    child?.kill('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('finishes the request in flight, refuses new connections and exits 0', async () => {
    const port = await freePort()
    child = startCli(['serve'], {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_CONTENT: 'false',
      LOG_LEVEL: 'info',
    })
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve))
    await waitForOutput(child, /serving http/)

    // A request in flight: its headers are in, its body arrives slowly.
    const body = 'email=ed%40example.test&password=not-the-password&_csrf=x'
    const slow = await connect(port)
    let answer = ''
    slow.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    const closed = new Promise<void>((resolve) => slow.once('close', () => resolve()))
    slow.write(
      'POST /admin/login HTTP/1.1\r\nHost: localhost\r\n' +
        'Content-Type: application/x-www-form-urlencoded\r\n' +
        `Content-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 10),
    )
    await new Promise((resolve) => setTimeout(resolve, 200))

    child.kill('SIGTERM')
    // The listener closes at once: a new connection is refused while the old request goes on.
    await expect
      .poll(
        () =>
          connect(port).then(
            (s) => (s.destroy(), 'accepted'),
            () => 'refused',
          ),
        {
          timeout: 5_000,
        },
      )
      .toBe('refused')
    expect(answer).toBe('')
    slow.end(body.slice(10))
    await closed
    expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /)
    expect(answer).not.toMatch(/^HTTP\/1\.1 5\d\d /)
    expect(await exited).toBe(0)
  })
})

/** `broadsheet sources:*` against a local feed server: add, poll (failures reported, exit 0), list. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type FeedServer, startFeedServer } from '../../support/feed-server.js'
import { runCli } from '../../support/run-cli.js'
import { syntheticFeed } from '../../support/synthetic-feed.js'

describe('broadsheet sources:*', { timeout: 180_000 }, () => {
  let dir: string
  let server: FeedServer
  let env: Record<string, string>

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-sources-'))
    server = await startFeedServer()
    env = { DATA_DIR: dir, WIRE_ALLOW_PRIVATE: 'true', DEMO_CONTENT: 'false' }
    server.route('/site/', {
      contentType: 'text/html',
      body: '<html><head><link rel="alternate" type="application/atom+xml" href="/site/feed"></head></html>',
    })
    server.route('/site/feed', { body: syntheticFeed({ name: 'Hill Times', items: 3 }) })
    server.route('/flaky.xml', { body: syntheticFeed({ name: 'Flaky', items: 1 }) })
  })
  afterAll(async () => {
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('adds sources, polls them all (a failure is reported, not fatal) and lists their health', async () => {
    const added = await runCli(
      ['sources:add', server.url('/site/'), '--publish', 'auto', '--interval', '30'],
      env,
    )
    const second = await runCli(['sources:add', server.url('/flaky.xml'), '--name', 'Flaky'], env)
    server.route('/flaky.xml', { status: 500, body: 'down', contentType: 'text/plain' })
    const poll = await runCli(['sources:poll', '--all'], env)
    const list = await runCli(['sources:list'], env)

    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toMatch(/following #1 Hill Times <.+\/site\/feed> \(excerpt, auto\)/)
    expect(second.code, second.stderr).toBe(0)
    expect(poll.code, poll.stderr).toBe(0)
    expect(poll.stdout).toMatch(/#1 Hill Times: 3 new \(3 published, 0 skipped\), 0 updated/)
    expect(poll.stdout).toMatch(/#2 Flaky: failed: The server answered 500\./)
    expect(list.stdout).toMatch(/#2 Flaky .* failing \(1x\)/)
  })
})

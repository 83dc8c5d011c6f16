import { Writable } from 'node:stream'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { warnAboutUntrustedProxy } from './proxy-warning.js'

async function appWithLog() {
  const lines: { level: number; msg: string }[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string })
      done()
    },
  })
  const app = Fastify({ logger: { level: 'warn', stream } })
  warnAboutUntrustedProxy(app)
  app.get('/', async () => 'ok')
  await app.ready()
  return { app, warnings: () => lines.filter((l) => l.level === 40) }
}

describe('warnAboutUntrustedProxy', () => {
  it('warns once when X-Forwarded-For arrives from a loopback peer', async () => {
    const { app, warnings } = await appWithLog()
    const headers = { 'x-forwarded-for': '203.0.113.9' }
    await app.inject({ url: '/', headers, remoteAddress: '127.0.0.1' })
    await app.inject({ url: '/', headers, remoteAddress: '127.0.0.1' })
    expect(warnings()).toHaveLength(1)
    expect(warnings()[0]?.msg).toMatch(/TRUST_PROXY is not set/)
    await app.close()
  })

  it('stays quiet for direct visitors and for forwarded requests from elsewhere', async () => {
    const { app, warnings } = await appWithLog()
    await app.inject({ url: '/', remoteAddress: '127.0.0.1' })
    await app.inject({
      url: '/',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '198.51.100.7',
    })
    expect(warnings()).toHaveLength(0)
    await app.close()
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../../src/clock.js'
import {
  createOutboxMailer,
  createSmtpMailer,
  listOutbox,
  readOutboxMessage,
} from '../../../src/mail/index.js'

const FROM = 'The Daily <news@daily.test>'

describe('SMTP mailer', () => {
  let server: SMTPServer
  let port: number
  let received: { from: string; to: string[]; raw: string }[]

  beforeEach(async () => {
    received = []
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.server.address() as AddressInfo).port
  })
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('delivers a multipart message with its headers to the SMTP server', async () => {
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: FROM })
    await mailer.send({
      to: 'ann@example.com',
      subject: 'Café headlines — today',
      text: 'Hello Ann,\nthe front page is ready.',
      html: '<p>Hello Ann,<br>the front page is <b>ready</b>.</p>',
      headers: { 'X-Broadsheet-Kind': 'digest' },
    })
    mailer.close()

    expect(received).toHaveLength(1)
    const [message] = received
    expect(message?.from).toBe('news@daily.test')
    expect(message?.to).toEqual(['ann@example.com'])
    const parsed = await simpleParser(message?.raw ?? '')
    expect(parsed.subject).toBe('Café headlines — today')
    expect(parsed.from?.text).toBe('"The Daily" <news@daily.test>')
    expect(parsed.headers.get('x-broadsheet-kind')).toBe('digest')
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' })
    expect(parsed.text?.trim()).toBe('Hello Ann,\nthe front page is ready.')
    expect(parsed.html).toContain('<b>ready</b>')
  })
})

describe('outbox mailer', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-outbox-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('writes RFC 5322 .eml files that list newest first and read back decoded', async () => {
    const clock = fixedClock(new Date('2026-06-01T12:00:00Z'))
    const mailer = createOutboxMailer({ dir, from: FROM, clock })
    await mailer.send({ to: 'a@example.com', subject: 'First', text: 'one' })
    clock.advance(1000)
    const long = `Open https://news.test/admin/reset/${'x'.repeat(60)} within the hour. Café.`
    await mailer.send({
      to: 'b@example.com',
      subject: 'Réinitialiser',
      text: long,
      html: '<p>hi</p>',
    })

    const files = fs.readdirSync(dir)
    expect(files).toHaveLength(2)
    expect(files.every((f) => f.endsWith('.eml'))).toBe(true)
    const list = await listOutbox(dir)
    expect(list.map((m) => [m.to, m.subject])).toEqual([
      ['b@example.com', 'Réinitialiser'],
      ['a@example.com', 'First'],
    ])
    expect(list[0]?.date).toEqual(new Date('2026-06-01T12:00:01Z'))

    const name = list[0]?.name ?? ''
    const raw = fs.readFileSync(path.join(dir, name), 'utf8')
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m)
    expect(raw).toMatch(/^Message-ID: <.+>\r$/m)
    expect(raw).toMatch(/^MIME-Version: 1\.0\r$/m)
    const message = await readOutboxMessage(dir, name)
    expect(message?.text).toBe(long)
    expect(message?.html).toBe('<p>hi</p>')
    expect(message?.from).toBe('The Daily <news@daily.test>')
    const parsed = await simpleParser(raw)
    expect(parsed.text?.trim()).toBe(long)
  })

  it('refuses names outside the outbox and treats a missing folder as empty', async () => {
    expect(await readOutboxMessage(dir, '../etc/passwd')).toBeUndefined()
    expect(await listOutbox(path.join(dir, 'missing'))).toEqual([])
  })
})

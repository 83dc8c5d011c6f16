import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import type { Clock } from '../clock.js'
import { toMailOptions } from './compose.js'
import type { Mailer } from './mailer.js'

export interface OutboxMailerOptions {
  /** Folder for the `.eml` files, usually `DATA_DIR/outbox`. */
  dir: string
  from: string
  clock: Clock
}

/**
 * Development transport: every message becomes an RFC 5322 `.eml` file (multipart when it has
 * HTML) in the outbox folder, named so that sorting by name sorts by time.
 */
export function createOutboxMailer(options: OutboxMailerOptions): Mailer {
  const compose = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  })
  return {
    async send(message) {
      const info = await compose.sendMail({
        ...toMailOptions(message, options.from),
        date: options.clock.now(),
      })
      await fs.mkdir(options.dir, { recursive: true })
      const stamp = options.clock.now().toISOString().replace(/[-:]/g, '').replace('.', '-')
      const name = `${stamp}-${randomBytes(4).toString('hex')}.eml`
      await fs.writeFile(path.join(options.dir, name), info.message as Buffer)
    },
  }
}

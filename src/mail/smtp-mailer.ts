import nodemailer from 'nodemailer'
import { toMailOptions } from './compose.js'
import type { Mailer } from './mailer.js'

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; nodemailer's connection URL syntax. */
  url: string
  from: string
}

/** Deliver through an SMTP server (production): chosen when SMTP_URL is set. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(options.url)
  return {
    async send(message) {
      await transport.sendMail(toMailOptions(message, options.from))
    },
    close() {
      transport.close()
    },
  }
}

/** Turn a MailMessage into nodemailer's options: one place for From, headers and parts. */
import type { SendMailOptions } from 'nodemailer'
import type { MailMessage } from './mailer.js'

export function toMailOptions(message: MailMessage, from: string): SendMailOptions {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html !== undefined ? { html: message.html } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
  }
}

/** Sending mail: one Mailer interface; SMTP in production, `.eml` files in an outbox otherwise. */
export type { Mailer, MailMessage } from './mailer.js'
/**
 * SMTP delivery through nodemailer, for when SMTP_URL is set.
 * @example const mailer = createSmtpMailer({ url: 'smtp://user:pass@mail.example.com:587', from: 'News <news@example.com>' })
 */
export { createSmtpMailer, type SmtpMailerOptions } from './smtp-mailer.js'
/**
 * Development delivery: each message becomes an `.eml` file in the outbox folder.
 * @example const mailer = createOutboxMailer({ dir: 'data/outbox', from: 'news@localhost', clock })
 */
export { createOutboxMailer, type OutboxMailerOptions } from './outbox-mailer.js'
/** List and read the outbox's `.eml` files (for the admin's outbox screen). */
export { listOutbox, readOutboxMessage, type OutboxEntry, type OutboxMessage } from './outbox.js'
/** Decode a raw RFC 5322 message into headers, text and HTML (enough for our own mail). */
export { parseMail, type ParsedMail } from './mime-reader.js'

/** What the rest of the app knows about sending mail: one interface, several transports. */

export interface MailMessage {
  to: string
  subject: string
  text: string
  html?: string
  headers?: Record<string, string>
}

export interface Mailer {
  send(message: MailMessage): Promise<void>
}

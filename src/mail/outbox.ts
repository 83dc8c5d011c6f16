/** Reading the development outbox: the admin lists its `.eml` files and shows one. */
import fs from 'node:fs/promises'
import path from 'node:path'
import { parseMail } from './mime-reader.js'

export interface OutboxEntry {
  name: string
  to: string
  subject: string
  date: Date | null
  bytes: number
}

export interface OutboxMessage extends OutboxEntry {
  from: string
  text: string
  html: string | undefined
  raw: string
}

const NAME = /^[A-Za-z0-9._-]+\.eml$/

/** The outbox's messages, newest first (at most `limit`). A missing folder is an empty outbox. */
export async function listOutbox(dir: string, limit = 200): Promise<OutboxEntry[]> {
  let names: string[]
  try {
    names = (await fs.readdir(dir)).filter((n) => NAME.test(n))
  } catch {
    return []
  }
  names.sort().reverse()
  const entries: OutboxEntry[] = []
  for (const name of names.slice(0, limit)) {
    const message = await readOutboxMessage(dir, name)
    if (message) entries.push(summary(message))
  }
  return entries
}

/** One message, decoded; undefined for a name that is not an outbox file. */
export async function readOutboxMessage(
  dir: string,
  name: string,
): Promise<OutboxMessage | undefined> {
  if (!NAME.test(name)) return undefined
  let raw: string
  try {
    raw = await fs.readFile(path.join(dir, name), 'utf8')
  } catch {
    return undefined
  }
  const mail = parseMail(raw)
  const date = mail.headers.get('date')
  return {
    name,
    from: mail.headers.get('from') ?? '',
    to: mail.headers.get('to') ?? '',
    subject: mail.headers.get('subject') ?? '',
    date: date ? new Date(date) : null,
    bytes: Buffer.byteLength(raw),
    text: mail.text,
    html: mail.html,
    raw,
  }
}

function summary(message: OutboxMessage): OutboxEntry {
  return {
    name: message.name,
    to: message.to,
    subject: message.subject,
    date: message.date,
    bytes: message.bytes,
  }
}

/** The newsroom's subscriber tools: mark bounces and complaints, CSV import and export. */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import {
  insertSubscriberIfAbsent,
  listSubscribersAfter,
  updateSubscriberStatus,
} from './subscriber.repository.js'
import type { SubscriberStatus } from './subscriber.table.js'

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/
const MARKABLE: SubscriberStatus[] = ['bounced', 'complained', 'unsubscribed', 'confirmed']
const MAX_IMPORT_ROWS = 100_000

/** Mark an address bounced or complained (or restore it); NOT_FOUND when it isn't listed. */
export async function markSubscriber(
  deps: Kernel,
  actor: Actor,
  input: { email: string; status: SubscriberStatus },
): Promise<void> {
  requirePermission(actor, 'readers.manage')
  if (!MARKABLE.includes(input.status))
    throw validationError('status', `status must be one of ${MARKABLE.join(', ')}`)
  const email = input.email.trim()
  if (!email || email.length > 254) throw validationError('email', 'Which address?')
  await transact(deps, async (tx) => {
    const now = tx.clock.now().getTime()
    if (!(await updateSubscriberStatus(tx.db, email, input.status, now)))
      throw new AppError('NOT_FOUND', 'That address is not on the list.')
    await recordAudit(tx, actor, {
      action: 'subscriber.mark',
      subjectType: 'subscriber',
      details: { email, status: input.status },
    })
  })
}

/**
 * Import addresses from CSV (first column, or the column headed "email"): invalid ones are
 * reported, duplicates in the file and addresses already listed are skipped. Imported
 * addresses count as confirmed: they consented on the list they came from.
 */
export async function importSubscribers(
  deps: Kernel,
  actor: Actor,
  csv: string,
): Promise<{ added: number; skipped: number; invalid: string[] }> {
  requirePermission(actor, 'readers.manage')
  if (!csv.trim()) throw validationError('csv', 'Choose a CSV file or paste addresses to import.')
  const rows = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map(parseCsvLine)
  if (rows.length > MAX_IMPORT_ROWS)
    throw validationError('file', `A file may hold at most ${MAX_IMPORT_ROWS} rows.`)
  const header = rows[0]?.map((c) => c.trim().toLowerCase()) ?? []
  const column = Math.max(0, header.indexOf('email'))
  const start = header.includes('email') ? 1 : 0
  const seen = new Set<string>()
  const invalid: string[] = []
  let skipped = 0
  for (const row of rows.slice(start)) {
    const raw = (row[column] ?? '').trim()
    if (!raw) continue
    const email = raw.toLowerCase()
    if (email.length > 254 || !EMAIL.test(email)) {
      if (invalid.length < 100) invalid.push(raw.slice(0, 100))
      continue
    }
    if (seen.has(email)) skipped++
    seen.add(email)
  }
  return transact(deps, async (tx) => {
    const now = tx.clock.now().getTime()
    let added = 0
    for (const email of seen) {
      const inserted = await insertSubscriberIfAbsent(
        tx.db,
        { email, source: 'import', status: 'confirmed' },
        now,
      )
      if (inserted) added++
      else skipped++
    }
    await recordAudit(tx, actor, {
      action: 'subscriber.import',
      subjectType: 'subscriber',
      details: { added, skipped, invalid: invalid.length },
    })
    return { added, skipped, invalid }
  })
}

/**
 * Every subscriber as CSV (email, status, source, created_at ISO), in the order they joined,
 * read a thousand at a time after the last id (no OFFSET re-reading the list for each page).
 * Addresses leaving the building are worth a line in the audit log, although nothing changes.
 */
export async function exportSubscribersCsv(deps: Kernel, actor: Actor): Promise<string> {
  requirePermission(actor, 'readers.manage')
  await recordAudit(deps, actor, { action: 'subscriber.export', subjectType: 'subscriber' })
  const lines = ['email,status,source,created_at']
  for (let after = 0; ;) {
    const items = await listSubscribersAfter(deps.db, after, 1000)
    for (const s of items)
      lines.push([s.email, s.status, s.source, s.createdAt.toISOString()].map(csvCell).join(','))
    if (items.length < 1000) break
    after = items.at(-1)!.id
  }
  return `${lines.join('\r\n')}\r\n`
}

function csvCell(value: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',' || ch === ';') {
      cells.push(cell)
      cell = ''
    } else cell += ch
  }
  cells.push(cell)
  return cells
}

/**
 * Read a Broadsheet JSON backup a line at a time (the layout `exportBackup` writes): the
 * header first, then `settings`, then each list's records in document order. Anything else —
 * another program's JSON, a newer format version, a file cut short — is a one-line
 * `AppError('VALIDATION_FAILED')` naming the file, raised before the caller writes anything for
 * the header and at the line where it happens after.
 */
import { createReadStream } from 'node:fs'
import { basename } from 'node:path'
import { createInterface } from 'node:readline'
import { AppError } from '../../errors.js'
import {
  BACKUP_FORMAT,
  BACKUP_LISTS,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupList,
  type BackupRecords,
  type BackupSettings,
} from './backup-format.js'

export type BackupEntry =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'settings'; settings: BackupSettings }
  | { [K in BackupList]: { kind: K; record: BackupRecords[K] } }[BackupList]

const LIST_START = /^"([a-zA-Z]+)":\[$/
const FIELD = /^"([a-zA-Z]+)":(.+?),?$/

/**
 * The entries of the backup at `path`, in document order.
 * @example for await (const entry of readBackup('site.json')) if (entry.kind === 'articles') …
 */
export async function* readBackup(path: string): AsyncGenerator<BackupEntry> {
  const name = basename(path)
  const fail = (line: number, why: string): never => {
    throw new AppError('VALIDATION_FAILED', `${name}: ${why} (line ${line})`)
  }
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity })
  let n = 0
  let list: BackupList | undefined
  let ended = false
  for await (const raw of lines) {
    n++
    const line = raw.trim()
    if (n === 1) {
      yield { kind: 'header', header: readHeader(line, name) }
      continue
    }
    if (ended) {
      if (line) fail(n, 'text after the end of the backup')
      continue
    }
    if (list !== undefined) {
      if (line === ']' || line === '],') {
        list = undefined
        continue
      }
      yield { kind: list, record: parse(line.replace(/,$/, ''), n, fail) } as BackupEntry
      continue
    }
    if (line === '}') {
      ended = true
      continue
    }
    const start = LIST_START.exec(line)
    if (start) {
      const wanted = start[1] as BackupList
      if (!BACKUP_LISTS.includes(wanted)) fail(n, `unknown list "${start[1]}"`)
      list = wanted
      continue
    }
    const field = FIELD.exec(line)
    if (field?.[1] === 'settings') {
      yield { kind: 'settings', settings: parse(field[2]!, n, fail) as BackupSettings }
      continue
    }
    fail(n, 'not laid out as "broadsheet export json" writes a backup')
  }
  if (n === 0) throw new AppError('VALIDATION_FAILED', `${name}: the file is empty`)
  if (!ended) fail(n, 'the backup is cut short')
}

function readHeader(line: string, name: string): BackupHeader {
  let header: Partial<BackupHeader> | undefined
  try {
    header = JSON.parse(line.replace(/,$/, '}')) as Partial<BackupHeader>
  } catch {
    // not ours
  }
  if (header?.format !== BACKUP_FORMAT || typeof header.version !== 'number')
    throw new AppError(
      'VALIDATION_FAILED',
      `${name}: not a Broadsheet JSON backup (make one with "broadsheet export json")`,
    )
  if (header.version > BACKUP_VERSION || header.version < 1)
    throw new AppError(
      'VALIDATION_FAILED',
      `${name}: backup format version ${header.version} is newer than this Broadsheet reads (${BACKUP_VERSION}); upgrade Broadsheet first`,
    )
  return header as BackupHeader
}

function parse(text: string, line: number, fail: (line: number, why: string) => never): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return fail(line, 'a record is not valid JSON')
  }
}

/**
 * Ghost redirects: rows in an export's `redirects` table, or Ghost's own `redirects.json`
 * (`[{"from", "to", "permanent"}]`) and `redirects.yaml` (`301:` / `302:` maps of from → to).
 * Broadsheet redirects exact paths; Ghost's `from` may be a regular expression, and those are
 * skipped with their pattern named, since guessing their matches would be worse.
 */
import { AppError } from '../../errors.js'
import type { ImportRecord } from '../import-model.js'
import { isObject, str, type GhostRow } from './ghost-data.js'

/** A plain path such as `/old-post/` or `/2019/05/x`: no pattern syntax. */
const PLAIN_PATH = /^\/[\w\-./~%@+]*$/

export function ghostRedirects(rows: GhostRow[]): ImportRecord[] {
  return rows.map((row): ImportRecord => {
    const from = str(row.from).replace(/^\^/, '').replace(/\$$/, '')
    const to = str(row.to)
    if (!PLAIN_PATH.test(from) || !to)
      return {
        kind: 'skipped',
        what: 'redirect',
        sourceId: str(row.from),
        reason: 'a pattern, not a path',
      }
    return { kind: 'redirect', from, to, permanent: row.permanent !== false }
  })
}

/** Read Ghost's redirects file, JSON or YAML, into records. */
export function parseGhostRedirects(text: string, fileName: string): ImportRecord[] {
  const trimmed = text.trim()
  if (trimmed.startsWith('[')) {
    let rows: unknown
    try {
      rows = JSON.parse(trimmed)
    } catch {
      rows = undefined
    }
    if (!Array.isArray(rows)) throw invalid(fileName)
    return ghostRedirects(rows.filter(isObject))
  }
  return ghostRedirects(yamlRows(trimmed, fileName))
}

/** The one YAML shape Ghost writes: status lines, then indented `from: to` pairs. */
function yamlRows(text: string, fileName: string): GhostRow[] {
  const rows: GhostRow[] = []
  let permanent: boolean | undefined
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    const status = /^(301|302):\s*$/.exec(line)
    if (status) {
      permanent = status[1] === '301'
      continue
    }
    const pair = /^\s+(['"]?)(.+?)\1:\s+(['"]?)(.+?)\3\s*$/.exec(line)
    if (!pair || permanent === undefined) throw invalid(fileName)
    rows.push({ from: pair[2], to: pair[4], permanent })
  }
  return rows
}

function invalid(fileName: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${fileName} is not a Ghost redirects file: expected a JSON list or 301:/302: YAML`,
    { property: 'file' },
  )
}

/**
 * A Ghost export's JSON: the envelope (`{db: [{meta, data}]}` from Ghost's Labs export, or the
 * bare `{meta, data}`), the tables in `data`, and the small lookups the mapping needs.
 */
import { AppError } from '../../errors.js'

export type GhostRow = Record<string, unknown>

export interface GhostData {
  version: string
  tables: Record<string, GhostRow[]>
}

/** Unwrap a parsed export; a file that is not one gets a one-line error naming the file. */
export function ghostData(json: unknown, fileName: string): GhostData {
  const notGhost = (why: string) =>
    new AppError('VALIDATION_FAILED', `${fileName} is not a Ghost export: ${why}`, {
      property: 'file',
    })
  if (!isObject(json)) throw notGhost('it is not a JSON object')
  const db = json.db
  const inner = Array.isArray(db) ? (db[0] as unknown) : json
  if (!isObject(inner) || !isObject(inner.data))
    throw notGhost('it has neither {"db": [{"meta", "data"}]} nor {"meta", "data"}')
  const data = inner.data
  if (!Array.isArray(data.posts)) throw notGhost('its data has no posts table')
  const tables: Record<string, GhostRow[]> = {}
  for (const [name, rows] of Object.entries(data))
    if (Array.isArray(rows)) tables[name] = rows.filter(isObject)
  const meta = isObject(inner.meta) ? inner.meta : {}
  return { version: str(meta.version), tables }
}

/** Parse the file's text as JSON, with a one-line error for anything else. */
export function parseGhostJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unreadable'
    throw new AppError(
      'VALIDATION_FAILED',
      `${fileName} is not a Ghost export: not JSON (${reason})`,
      {
        property: 'file',
      },
    )
  }
}

export function isObject(value: unknown): value is GhostRow {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

/** Ghost dates: ISO strings (Ghost 1+), `YYYY-MM-DD HH:MM:SS` UTC, or epoch ms (Ghost 0.x). */
export function ghostDate(value: unknown): Date | undefined {
  if (typeof value === 'number') return new Date(value)
  if (typeof value !== 'string' || !value) return undefined
  const iso = /^\d{4}-\d{2}-\d{2} \d/.test(value) ? `${value.replace(' ', 'T')}Z` : value
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** Rows of a join table grouped by one column, ordered by `sort_order`. */
export function groupBy(rows: GhostRow[], key: string, value: string): Map<string, string[]> {
  const sorted = [...rows].sort((a, b) => Number(a.sort_order ?? 0) - Number(b.sort_order ?? 0))
  const groups = new Map<string, string[]>()
  for (const row of sorted) {
    const id = str(row[key])
    const list = groups.get(id) ?? []
    list.push(str(row[value]))
    groups.set(id, list)
  }
  return groups
}

/** Settings rows (`{key, value}`) as a map. */
export function settingsMap(rows: GhostRow[]): Map<string, string> {
  return new Map(rows.map((row) => [str(row.key), str(row.value)]))
}

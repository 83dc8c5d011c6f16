/**
 * A small, safe reader for PHP's `serialize()` format, as WordPress stores arrays in postmeta
 * (`_wp_attachment_metadata`, `_menu_item_classes`). It reads arrays, strings, integers, floats,
 * booleans and null. Objects, references and custom classes are refused (no code runs either way:
 * this only builds plain values), and arrays come back as `Map`s so no key can reach a prototype.
 *
 * String lengths are byte counts, and exports often lie about them: a `\r\n` turned into `\n` on
 * the way (or the reverse), a file re-encoded from latin1. When the declared length does not land
 * on the closing `";`, the length is recomputed from where the string really ends.
 */

export type PhpValue = string | number | boolean | null | PhpArray
export type PhpArray = Map<string | number, PhpValue>

const MAX_DEPTH = 64

class PhpFormatError extends Error {}

/** Read a serialized PHP value; `undefined` when the text is not one we accept. */
export function unserializePhp(text: string): PhpValue | undefined {
  try {
    const reader = new Reader(text)
    const value = reader.value(0)
    return reader.atEnd() ? value : undefined
  } catch (error) {
    if (error instanceof PhpFormatError) return undefined
    throw error
  }
}

/** Whether a postmeta value looks serialized (WordPress's own `is_serialized` test, loosely). */
export function looksSerialized(text: string): boolean {
  return /^(?:a:\d+:\{|s:\d+:"|i:-?\d+;|d:[-\d.EINFA]+;|b:[01];|N;)/.test(text.trim())
}

class Reader {
  private pos = 0

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.text.slice(this.pos).trim() === ''
  }

  value(depth: number): PhpValue {
    if (depth > MAX_DEPTH) throw new PhpFormatError('too deep')
    const type = this.text[this.pos]
    if (type === 'N') {
      this.expect('N;')
      return null
    }
    if (type === 'b') return this.scalar('b', /^[01]$/) === '1'
    if (type === 'i') return Number(this.scalar('i', /^[+-]?\d+$/))
    if (type === 'd') return Number(this.scalar('d', /^(?:[+-]?[\d.]+(?:E[+-]?\d+)?|-?INF|NAN)$/i))
    if (type === 's') return this.string()
    if (type === 'a') return this.array(depth)
    throw new PhpFormatError(`unsupported type ${type ?? 'end'}`)
  }

  private expect(token: string): void {
    if (!this.text.startsWith(token, this.pos)) throw new PhpFormatError(`expected ${token}`)
    this.pos += token.length
  }

  /** `x:<body>;` — returns the body after checking it against `shape`. */
  private scalar(type: string, shape: RegExp): string {
    this.expect(`${type}:`)
    const end = this.text.indexOf(';', this.pos)
    if (end < 0) throw new PhpFormatError('unterminated')
    const body = this.text.slice(this.pos, end)
    if (!shape.test(body)) throw new PhpFormatError(`bad ${type}`)
    this.pos = end + 1
    return body
  }

  private length(type: string): number {
    this.expect(`${type}:`)
    const match = /^\d+/.exec(this.text.slice(this.pos, this.pos + 12))
    if (!match) throw new PhpFormatError('bad length')
    this.pos += match[0].length
    this.expect(':')
    return Number(match[0])
  }

  private string(): string {
    const declared = this.length('s')
    this.expect('"')
    const start = this.pos
    const end = this.stringEnd(start, declared)
    this.pos = end + 2
    return this.text.slice(start, end)
  }

  /** Index of the `"` that closes a string starting at `start` with a declared byte length. */
  private stringEnd(start: number, declared: number): number {
    const exact = indexAfterBytes(this.text, start, declared)
    if (exact !== undefined && this.text.startsWith('";', exact)) return exact
    // The length lies: find the closing `";` whose string fits the length once line endings or
    // the encoding are accounted for, else the first one a value or the array's end follows.
    let fallback: number | undefined
    for (let at = this.text.indexOf('";', start); at >= 0; at = this.text.indexOf('";', at + 1)) {
      const candidate = this.text.slice(start, at)
      if (lengthsFit(candidate, declared)) return at
      if (fallback === undefined && /^(?:[}]|[isbdaN][:;]|\s*$)/.test(this.text.slice(at + 2)))
        fallback = at
    }
    if (fallback === undefined) throw new PhpFormatError('unterminated string')
    return fallback
  }

  private array(depth: number): PhpArray {
    const count = this.length('a')
    this.expect('{')
    const result: PhpArray = new Map()
    for (let i = 0; i < count; i++) {
      const key = this.value(depth + 1)
      if (typeof key !== 'string' && typeof key !== 'number') throw new PhpFormatError('bad key')
      result.set(key, this.value(depth + 1))
    }
    this.expect('}')
    return result
  }
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function lengthsFit(candidate: string, declared: number): boolean {
  return (
    utf8Length(candidate) === declared ||
    // Written with \r\n, read back with \n (or the reverse).
    utf8Length(candidate.replace(/\r?\n/g, '\r\n')) === declared ||
    utf8Length(candidate.replace(/\r\n/g, '\n')) === declared ||
    // Serialized in a single-byte encoding.
    candidate.length === declared
  )
}

/** The index reached after `bytes` UTF-8 bytes from `start`, or undefined past the end. */
function indexAfterBytes(text: string, start: number, bytes: number): number | undefined {
  let remaining = bytes
  let i = start
  while (remaining > 0) {
    const code = text.codePointAt(i)
    if (code === undefined) return undefined
    remaining -= code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    i += code >= 0x10000 ? 2 : 1
  }
  return remaining === 0 ? i : undefined
}

/**
 * Turning a feed's bytes into text. Feeds lie about their encoding often enough that a plain
 * `buffer.toString()` gives mojibake ("CafÃ©") for ISO-8859-1 and windows-1252 sources, so the
 * charset is decided here: a byte-order mark, then the Content-Type charset, then the document's
 * own declaration (`<?xml encoding>` or `<meta charset>`), then a sniff.
 */

export interface DecodedText {
  text: string
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `windows-1252`. */
  encoding: string
}

/**
 * Single-byte encodings (ISO-8859-1 and US-ASCII arrive as windows-1252, their superset, as in
 * browsers). Valid multi-byte UTF-8 declared as one of these is UTF-8 with a wrong label: real
 * Latin-1 text almost never happens to form valid UTF-8 sequences.
 */
const SINGLE_BYTE = /^(windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|x-mac-cyrillic|ibm866)$/

/** Decode a fetched feed or page. `contentType` is the response's Content-Type header, if any. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const encoding = chooseEncoding(bytes, contentType)
  // The BOM, if any, is dropped by TextDecoder; invalid sequences become U+FFFD, never a throw.
  const text = new TextDecoder(encoding).decode(bytes)
  const mapped = encoding === 'windows-1252' ? fixWindows1252(text) : text
  return { text: mapped.replace(NOT_XML, ''), encoding }
}

// Control characters XML 1.0 does not allow (all of C0 but tab, newline and return; DEL; the
// C1 range left after the mapping below): sloppy feeds carry them, and readers see boxes.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

// Node 20's TextDecoder decodes windows-1252 as ISO-8859-1, so bytes 0x80–0x9F (curly quotes,
// dashes, the euro sign) come out as invisible C1 controls. Map them as the standard says.
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!)
}

function chooseEncoding(bytes: Uint8Array, contentType: string | undefined): string {
  const bom = encodingFromBom(bytes)
  if (bom) return bom
  const utf8 = isValidUtf8(bytes)
  const declared = [charsetFromContentType(contentType), charsetFromDocument(bytes)]
  for (const label of declared) {
    const encoding = label ? canonical(label) : undefined
    // A document read as ASCII-compatible bytes cannot be UTF-16 whatever it says.
    if (!encoding || encoding.startsWith('utf-16')) continue
    // A declaration that the bytes contradict is the common lie: trust the bytes instead.
    if (encoding === 'utf-8') {
      if (utf8) return encoding
      continue
    }
    if (SINGLE_BYTE.test(encoding) && utf8 && hasNonAscii(bytes)) return 'utf-8'
    return encoding
  }
  const sniffed = sniffUtf16(bytes)
  if (sniffed) return sniffed
  return utf8 ? 'utf-8' : 'windows-1252'
}

function encodingFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

/** `<?xml` written in UTF-16 without a BOM (XML 1.0 Appendix F). */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00)
    return 'utf-16le'
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f)
    return 'utf-16be'
  return undefined
}

/** `text/xml; charset="ISO-8859-1"` → `ISO-8859-1`. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')
  return match?.[1]
}

/** The encoding the document declares in its first kilobyte: XML declaration or HTML meta. */
function charsetFromDocument(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i.exec(head)
  if (xml) return xml[1]
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)
  return meta?.[1]
}

/** The WHATWG encoding for a label, or undefined when the label is unknown. */
function canonical(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding
  } catch {
    return undefined
  }
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return true
  return false
}

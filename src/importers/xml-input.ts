/**
 * Bytes of an XML export to text the parser can take: the declared encoding honoured (a BOM, or
 * `encoding="…"` in the prolog), and the control characters XML 1.0 forbids removed, since old
 * WordPress databases hold them (pasted from word processors) and strict parsers stop there.
 */
import { AppError } from '../errors.js'

// XML 1.0 §2.2 allows tab, line feed and carriage return below U+0020, and forbids U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g

/** Remove the characters XML 1.0 forbids; `removed` counts them for the report. */
export function stripInvalidXmlChars(text: string, tally?: { removed: number }): string {
  INVALID_XML_CHARS.lastIndex = 0
  // Almost every chunk is clean: a test is much cheaper than a replace with a callback.
  if (!INVALID_XML_CHARS.test(text)) return text
  INVALID_XML_CHARS.lastIndex = 0
  return text.replace(INVALID_XML_CHARS, () => {
    if (tally) tally.removed++
    return ''
  })
}

/** How many bytes of the start we look at for a BOM and the `<?xml … ?>` declaration. */
const HEAD_BYTES = 1024

/**
 * The encoding a document is in: its byte-order mark, else its prolog's `encoding="…"`, else
 * UTF-8 (the XML default). Returns the label as written; `TextDecoder` knows the aliases.
 */
export function sniffXmlEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  // "<?" in UTF-16 without a BOM.
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f) return 'utf-16le'
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00) return 'utf-16be'
  // The declaration is ASCII in every encoding a WXR file can be in, so latin1 reads it safely.
  const start = Buffer.from(head.subarray(0, HEAD_BYTES)).toString('latin1')
  const declaration = /^\s*<\?xml\s[^>]*?\?>/.exec(start)?.[0] ?? ''
  return /\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(declaration)?.[1] ?? 'utf-8'
}

/** Counters the decoder keeps for the report. */
export interface XmlInputStats {
  encoding: string
  /** Control characters removed (see `stripInvalidXmlChars`). */
  removed: number
}

/**
 * Decode a stream of bytes into text chunks in the document's own encoding, with forbidden
 * control characters removed. Memory stays at one chunk whatever the file size.
 */
export async function* decodeXmlStream(
  bytes: AsyncIterable<Uint8Array>,
  fileName: string,
  stats: XmlInputStats = { encoding: '', removed: 0 },
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined
  let head: Buffer = Buffer.alloc(0)
  for await (const chunk of bytes) {
    if (!decoder) {
      head = Buffer.concat([head, chunk])
      if (head.length < HEAD_BYTES) continue
      decoder = openDecoder(head, fileName, stats)
      yield stripInvalidXmlChars(decoder.decode(head, { stream: true }), stats)
      continue
    }
    yield stripInvalidXmlChars(decoder.decode(chunk, { stream: true }), stats)
  }
  if (!decoder) {
    decoder = openDecoder(head, fileName, stats)
    yield stripInvalidXmlChars(decoder.decode(head, { stream: true }), stats)
  }
  const rest = decoder.decode()
  if (rest) yield stripInvalidXmlChars(rest, stats)
}

function openDecoder(head: Uint8Array, fileName: string, stats: XmlInputStats): TextDecoder {
  const label = sniffXmlEncoding(head)
  try {
    const decoder = new TextDecoder(label)
    stats.encoding = decoder.encoding
    return decoder
  } catch {
    throw new AppError(
      'VALIDATION_FAILED',
      `${fileName} declares the encoding “${label}”, which cannot be read: save it as UTF-8 and try again`,
      { property: 'file' },
    )
  }
}

import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.js'
import { decodeXmlStream, sniffXmlEncoding, stripInvalidXmlChars } from './xml-input.js'

async function decodeAll(chunks: Uint8Array[], stats = { encoding: '', removed: 0 }) {
  async function* source() {
    for (const chunk of chunks) yield chunk
  }
  let text = ''
  for await (const part of decodeXmlStream(source(), 'export.xml', stats)) text += part
  return text
}

/** Split bytes into small pieces so multi-byte characters straddle chunk boundaries. */
function pieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size))
  return out
}

describe('sniffXmlEncoding', () => {
  it('reads the prolog’s declaration', () => {
    const head = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1" ?>\n<rss>')
    expect(sniffXmlEncoding(head)).toBe('ISO-8859-1')
    expect(sniffXmlEncoding(Buffer.from("<?xml version='1.0' encoding='windows-1252'?>"))).toBe(
      'windows-1252',
    )
  })

  it('defaults to UTF-8 and trusts a byte-order mark over the prolog', () => {
    expect(sniffXmlEncoding(Buffer.from('<rss>'))).toBe('utf-8')
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml?>')])
    expect(sniffXmlEncoding(bom)).toBe('utf-8')
    expect(sniffXmlEncoding(Buffer.from('\ufeff<?xml?>', 'utf16le'))).toBe('utf-16le')
  })
})

describe('decodeXmlStream', () => {
  it('decodes a windows-1252 file declared in its prolog', async () => {
    const xml = '<?xml version="1.0" encoding="windows-1252"?><t>Café “quoted” – €5</t>'
    // Node has no windows-1252 encoder; build the bytes by hand.
    const map: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96, '€': 0x80, é: 0xe9 }
    const bytes = Uint8Array.from([...xml].map((c) => map[c] ?? c.charCodeAt(0)))
    const stats = { encoding: '', removed: 0 }
    expect(await decodeAll(pieces(bytes, 7), stats)).toBe(xml)
    expect(stats.encoding).toBe('windows-1252')
  })

  it('decodes ISO-8859-1 and UTF-16 files', async () => {
    const latin = '<?xml version="1.0" encoding="ISO-8859-1"?><t>Zoë</t>'
    expect(await decodeAll([Buffer.from(latin, 'latin1')])).toBe(latin)
    const utf16 = Buffer.from('\ufeff<?xml version="1.0"?><t>Ünïcode</t>', 'utf16le')
    expect(await decodeAll(pieces(utf16, 3))).toBe('<?xml version="1.0"?><t>Ünïcode</t>')
  })

  it('keeps UTF-8 characters split across chunks whole', async () => {
    const xml = '<t>Straße 東京 🎉</t>'.repeat(200)
    expect(await decodeAll(pieces(Buffer.from(xml), 5))).toBe(xml)
  })

  it('removes control characters XML forbids and counts them', async () => {
    const stats = { encoding: '', removed: 0 }
    const text = await decodeAll([Buffer.from('<t>a\x0bb\x1fc\td\ne\x00</t>')], stats)
    expect(text).toBe('<t>abc\td\ne</t>')
    expect(stats.removed).toBe(3)
  })

  it('refuses an encoding it cannot read, in one line', async () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="x-klingon"?><t/>')
    const error = await decodeAll([bytes]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(/export\.xml declares the encoding “x-klingon”/)
    expect((error as AppError).message).not.toContain('\n')
  })
})

describe('stripInvalidXmlChars', () => {
  it('keeps tabs, newlines and ordinary text', () => {
    expect(stripInvalidXmlChars('a\tb\r\nc\ufffed')).toBe('a\tb\r\ncd')
  })
})

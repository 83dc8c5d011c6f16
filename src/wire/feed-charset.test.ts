import { describe, expect, it } from 'vitest'
import { charsetFromContentType, decodeFeedBytes } from './feed-charset.js'

const latin1 = (text: string) => Buffer.from(text, 'latin1')
const utf8 = (text: string) => Buffer.from(text, 'utf8')

describe('decodeFeedBytes', () => {
  it('takes the charset from Content-Type first', () => {
    const bytes = latin1('<?xml version="1.0"?><t>café</t>')

    expect(decodeFeedBytes(bytes, 'text/xml; charset=ISO-8859-1')).toEqual({
      text: '<?xml version="1.0"?><t>café</t>',
      encoding: 'windows-1252',
    })
  })

  it('then the XML declaration', () => {
    const bytes = latin1('<?xml version="1.0" encoding="iso-8859-1"?><t>Fête</t>')

    expect(decodeFeedBytes(bytes, 'application/rss+xml').text).toContain('<t>Fête</t>')
  })

  it('then an HTML meta charset', () => {
    const bytes = latin1(
      '<html><head><meta charset="windows-1252"></head><body>naïve</body></html>',
    )

    expect(decodeFeedBytes(bytes).text).toContain('naïve')
  })

  it('sniffs UTF-8, and falls back to windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeFeedBytes(utf8('<t>Zürich</t>'))).toEqual({
      text: '<t>Zürich</t>',
      encoding: 'utf-8',
    })
    expect(decodeFeedBytes(latin1('<t>Zürich</t>'))).toEqual({
      text: '<t>Zürich</t>',
      encoding: 'windows-1252',
    })
  })

  it('lets a byte-order mark win and drops it', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('<t>é</t>')])
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>é</t>', 'utf16le')])

    expect(decodeFeedBytes(bom, 'text/xml; charset=iso-8859-1').text).toBe('<t>é</t>')
    expect(decodeFeedBytes(utf16).text).toBe('<t>é</t>')
  })

  it('maps the windows-1252 punctuation bytes (0x80–0x9F) to their characters', () => {
    const bytes = Buffer.from([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35, 0x85])

    expect(decodeFeedBytes(bytes, 'text/plain; charset=windows-1252').text).toBe('“Hi” – €5…')
  })

  it('distrusts a UTF-8 label on bytes that are not UTF-8, and a Latin-1 label on UTF-8', () => {
    expect(decodeFeedBytes(latin1('<t>Straße</t>'), 'text/xml; charset=utf-8').text).toBe(
      '<t>Straße</t>',
    )
    expect(decodeFeedBytes(utf8('<t>Straße</t>'), 'text/xml; charset=iso-8859-1').text).toBe(
      '<t>Straße</t>',
    )
  })

  it('drops the control characters XML forbids, keeping tabs and line breaks', () => {
    const bytes = latin1('<t>r\u00e9ouverture \u0014 \u0000\u007fed.\tone\r\ntwo</t>')

    expect(decodeFeedBytes(bytes, 'text/xml; charset=ISO-8859-1').text).toBe(
      '<t>r\u00e9ouverture  ed.\tone\r\ntwo</t>',
    )
    expect(decodeFeedBytes(utf8('{"title":"a\u0085b\u0007c"}')).text).toBe('{"title":"abc"}')
  })

  it('ignores unknown labels', () => {
    expect(decodeFeedBytes(utf8('<t>ok é</t>'), 'text/xml; charset=x-klingon').text).toBe(
      '<t>ok é</t>',
    )
  })
})

describe('charsetFromContentType', () => {
  it('reads quoted and unquoted charsets', () => {
    expect(charsetFromContentType('text/xml; charset="ISO-8859-1"')).toBe('ISO-8859-1')
    expect(charsetFromContentType('application/rss+xml;charset=utf-8')).toBe('utf-8')
    expect(charsetFromContentType('application/rss+xml')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { serializeJsonLd } from './seo-json-ld.js'

describe('serializeJsonLd', () => {
  it('cannot close the script or open a comment, and still parses to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> <!-- & "quotes" \u2028\u2029' }
    const text = serializeJsonLd(data)
    expect(text).not.toMatch(/[<>&\u2028\u2029]/)
    expect(text).toContain('\\u003c/script\\u003e')
    expect(JSON.parse(text)).toEqual(data)
  })
})

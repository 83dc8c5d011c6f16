/**
 * @module xml-text
 * Safe text for XML 1.0 documents: escaping, CDATA sections and dates. Every string that goes
 * into a feed or sitemap passes through one of these.
 */

// XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is one code point outside these ranges, so it goes too.
const ILLEGAL_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Remove characters that may not appear in an XML 1.0 document, even escaped. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '')
}

/** Text or attribute value, escaped for XML. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/**
 * Plain text for an element that feed readers read as HTML (RSS `<description>`): escaped for
 * HTML first, then for XML, so `<img onerror=…>` in a standfirst arrives as those characters,
 * never as markup.
 * @example escapeXmlHtmlText('a <b> & c') // 'a &amp;lt;b&amp;gt; &amp;amp; c'
 */
export function escapeXmlHtmlText(text: string): string {
  return escapeXml(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
}

/**
 * A CDATA section holding `text`. A `]]>` inside would end the section early, so it is split
 * across two sections (`]]` ends the first, `>` starts the second).
 * @example cdata('a]]>b') // '<![CDATA[a]]]]><![CDATA[>b]]>'
 */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

/** W3C date-time in UTC without milliseconds, as Atom and sitemaps want: 2026-11-27T10:00:00Z. */
export function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** RFC 822 date as RSS 2.0 wants: Fri, 27 Nov 2026 10:00:00 GMT. */
export function rfc822Date(date: Date): string {
  return date.toUTCString()
}

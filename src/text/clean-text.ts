/**
 * Clean text as it comes in, in every field a person types: control characters other than tab
 * and newline are removed (NUL, vertical tab and the C1 range reach HTML, feeds and mail as
 * invisible junk or invalid XML), and explicit bidi embeddings, overrides and isolates are
 * removed so no name or title can reverse the text around it ("evil" shown as "live").
 * Left-to-right and right-to-left marks stay: they are how mixed-script text is written well.
 * @example cleanText('Hello\u0000 \u202Eevil') // 'Hello evil'
 * @example cleanLine('A\ttitle\non two lines') // 'A title on two lines'
 */

// C0 except tab (09) and newline (0A), DEL, C1; bidi embeddings/overrides (202A–202E) and
// isolates (2066–2069). Line and paragraph separators become newlines below.
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g

/** Multi-line text (comments, messages, standfirsts): CRLF and CR become LF, junk goes. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(UNWANTED, '')
}

/** One-line text (names, titles, subjects, tags, addresses): also folds tabs and newlines to spaces. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/[\t\n]+/g, ' ')
}

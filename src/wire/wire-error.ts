/**
 * Why a fetched document could not be used as a feed (or an OPML file). Like NetError, it carries
 * a stable `code` to store on the source and a sentence an editor can act on.
 */
export type WireErrorCode =
  /** The body is a web page, an empty answer, or something else that is not RSS, Atom or JSON Feed. */
  | 'NOT_A_FEED'
  /** It meant to be a feed but is broken: truncated, not well-formed, invalid JSON. */
  | 'MALFORMED_FEED'
  /** A home page with no `<link rel="alternate">` to a feed that works. */
  | 'NO_FEED_FOUND'
  /** An OPML file that cannot be read. */
  | 'BAD_OPML'

export class WireError extends Error {
  readonly code: WireErrorCode

  constructor(code: WireErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'WireError'
    this.code = code
  }
}

/**
 * Why an outbound request failed, as a stable code the caller can branch on and store.
 * Messages are short sentences fit for a newsroom screen or a delivery log: no stack traces,
 * no resolved addresses. The original error, when there is one, is kept as `cause` for logs.
 */
export type NetErrorCode =
  | 'BAD_URL'
  | 'BAD_SCHEME'
  | 'BLOCKED_ADDRESS'
  | 'DNS_FAILED'
  | 'CONNECTION_FAILED'
  | 'TLS_FAILED'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'TOO_MANY_REDIRECTS'
  | 'HTTP_STATUS'
  | 'BAD_RESPONSE'
  | 'ABORTED'

export interface NetErrorDetails {
  /** The URL being fetched when it failed (after any redirects). */
  url?: string
  /** For HTTP_STATUS: the status the server answered. */
  status?: number
  /** For HTTP_STATUS: seconds the server asked us to wait (`Retry-After`), when it said. */
  retryAfterSeconds?: number
  /** For HTTP_STATUS: the start of the response body as text (at most 2 KB), for logs. */
  bodyStart?: string
  cause?: unknown
}

export class NetError extends Error {
  readonly code: NetErrorCode
  readonly url: string | undefined
  readonly status: number | undefined
  readonly retryAfterSeconds: number | undefined
  readonly bodyStart: string | undefined

  constructor(code: NetErrorCode, message: string, details: NetErrorDetails = {}) {
    super(message, { cause: details.cause })
    this.name = 'NetError'
    this.code = code
    this.url = details.url
    this.status = details.status
    this.retryAfterSeconds = details.retryAfterSeconds
    this.bodyStart = details.bodyStart
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ECONNABORTED',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
])

/** Turn whatever a socket, DNS or TLS failure threw into a NetError for `url`. */
export function toNetError(error: unknown, url: string): NetError {
  if (error instanceof NetError) return error
  const code = (error as { code?: unknown } | null)?.code
  const text = typeof code === 'string' ? code : ''
  const host = hostOf(url)
  if (text === 'ENOTFOUND' || text === 'EAI_AGAIN' || text === 'ENODATA')
    return new NetError('DNS_FAILED', `The name ${host} could not be resolved.`, {
      url,
      cause: error,
    })
  if (CONNECTION_CODES.has(text) || (error as Error | null)?.message === 'socket hang up')
    return new NetError('CONNECTION_FAILED', `Could not connect to ${host}.`, {
      url,
      cause: error,
    })
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/.test(text))
    return new NetError('TLS_FAILED', `The secure connection to ${host} failed (${text}).`, {
      url,
      cause: error,
    })
  if (text.startsWith('HPE_') || text === 'Z_DATA_ERROR' || text === 'Z_BUF_ERROR')
    return new NetError('BAD_RESPONSE', `${host} sent a response that could not be read.`, {
      url,
      cause: error,
    })
  return new NetError('CONNECTION_FAILED', `The request to ${host} failed.`, { url, cause: error })
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'the server'
  }
}

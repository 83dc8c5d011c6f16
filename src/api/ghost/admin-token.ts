/**
 * @module admin-token
 * Ghost's Admin API tokens: a JWT signed HS256 with the integration's hex-decoded secret, its
 * `kid` the key id, audience `/admin/` (or a versioned `/v3/admin/`…), at most five minutes
 * long and not expired. Anything else is refused: `alg: none`, other algorithms, a bad
 * signature, a wrong audience, a missing or distant expiry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

const AUDIENCE = /^\/(?:(?:v[2-9]|v\d{2}|canary)\/)?admin\/$/
const MAX_LIFETIME_S = 5 * 60
/** Clocks drift: a token issued this far in the future still counts. */
const SKEW_S = 60

export type TokenCheck = { ok: true; keyId: string } | { ok: false; reason: string }

/** The `kid` of a well-formed token, before its signature is checked (to find the secret). */
export function tokenKeyId(token: string): string | undefined {
  const header = decodePart(token.split('.')[0] ?? '')
  return typeof header?.kid === 'string' ? header.kid : undefined
}

/**
 * Check a token against the secret of the key it names. `now` is in milliseconds.
 * @example verifyAdminToken(token, integration.adminSecret, Date.now())
 */
export function verifyAdminToken(token: string, secretHex: string, now: number): TokenCheck {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'malformed token' }
  const [head = '', body = '', signature = ''] = parts
  const header = decodePart(head)
  const payload = decodePart(body)
  if (!header || !payload) return { ok: false, reason: 'malformed token' }
  if (header.alg !== 'HS256') return { ok: false, reason: 'only HS256 tokens are accepted' }
  if (typeof header.kid !== 'string') return { ok: false, reason: 'the token names no key' }
  const expected = createHmac('sha256', Buffer.from(secretHex, 'hex'))
    .update(`${head}.${body}`)
    .digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid token signature' }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud]
  if (!audiences.some((aud) => typeof aud === 'string' && AUDIENCE.test(aud)))
    return { ok: false, reason: 'invalid token audience' }
  const seconds = Math.floor(now / 1000)
  const { exp, iat } = payload
  if (typeof exp !== 'number' || typeof iat !== 'number')
    return { ok: false, reason: 'the token must carry iat and exp' }
  if (exp <= seconds) return { ok: false, reason: 'the token has expired' }
  if (iat > seconds + SKEW_S) return { ok: false, reason: 'the token was issued in the future' }
  if (exp - iat > MAX_LIFETIME_S)
    return { ok: false, reason: 'the token lives longer than five minutes' }
  return { ok: true, keyId: header.kid }
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

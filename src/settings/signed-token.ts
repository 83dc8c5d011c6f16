/**
 * Signed, optionally expiring tokens for links in mail and stamps in forms: the payload is
 * readable (base64url JSON), the HMAC-SHA256 makes it unforgeable without the site secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

interface Payload {
  /** What the token is for: a token for one purpose never works for another. */
  p: string
  d: string
  /** Expiry, epoch ms (0 = never). */
  e: number
}

export function signToken(
  secret: string,
  purpose: string,
  data: string,
  expiresAt: number = 0,
): string {
  const body = Buffer.from(JSON.stringify({ p: purpose, d: data, e: expiresAt })).toString(
    'base64url',
  )
  return `${body}.${mac(secret, body)}`
}

export type VerifiedToken =
  { ok: true; data: string } | { ok: false; reason: 'invalid' | 'expired'; data?: string }

/** Check a token's signature, purpose and expiry. Any malformed input is simply 'invalid'. */
export function verifyToken(
  secret: string,
  purpose: string,
  token: string,
  now: number,
): VerifiedToken {
  if (typeof token !== 'string' || token.length > 2000) return { ok: false, reason: 'invalid' }
  const [body = '', signature = '', extra] = token.split('.')
  if (extra !== undefined || !body || !signature) return { ok: false, reason: 'invalid' }
  const expected = Buffer.from(mac(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'invalid' }
  let payload: Payload
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (payload.p !== purpose || typeof payload.d !== 'string')
    return { ok: false, reason: 'invalid' }
  if (payload.e && now > payload.e) return { ok: false, reason: 'expired', data: payload.d }
  return { ok: true, data: payload.d }
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url')
}

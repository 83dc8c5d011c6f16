/**
 * @module safe-redirect
 * Every redirect the site builds from a request must stay on this site. A target is accepted
 * only as a same-origin path: it starts with one `/`, never `//` or `/\` (browsers read both as
 * "another host"), carries no scheme, no control characters and no backslash. Anything else is
 * refused, and the caller answers 404 instead of pointing the reader elsewhere.
 */
import type { FastifyReply } from 'fastify'

/** Redirects may be kept briefly; a bad one is never served, so a long life gains nothing. */
export const REDIRECT_CACHE_CONTROL = 'public, max-age=300'

// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
const UNSAFE = /[\u0000-\u001f\u007f\\]/

/** The target when it is a same-origin path (optionally with query and fragment), else undefined. */
export function sameOriginPath(target: string): string | undefined {
  if (!target.startsWith('/') || target.startsWith('//')) return undefined
  if (UNSAFE.test(target)) return undefined
  // What a browser would make of it, resolved against a throwaway origin: it must stay there.
  try {
    const base = 'http://same-origin.invalid'
    const resolved = new URL(target, base)
    if (resolved.origin !== base) return undefined
  } catch {
    return undefined
  }
  return target
}

/**
 * Redirect to a same-origin path with an explicit Cache-Control; undefined (nothing sent) when
 * the target would leave the site, so the caller answers 404.
 */
export function redirectWithin(
  reply: FastifyReply,
  target: string,
  status: number,
): FastifyReply | undefined {
  const safe = sameOriginPath(target)
  if (safe === undefined) return undefined
  return reply.header('cache-control', REDIRECT_CACHE_CONTROL).redirect(safe, status)
}

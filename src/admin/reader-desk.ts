/**
 * Who may use the reader desks (comments queue, subscribers, newsletter, contact messages),
 * and the small form readers those routes share.
 *
 * Subscribers' addresses and readers' messages are personal data: the desks need
 * `readers.manage` (owners, administrators and editors). Authors see only the comments queue,
 * limited to their own articles; contributors see none of it.
 */
import type { FastifyRequest } from 'fastify'
import { can, type User } from '../auth/index.js'
import { AppError } from '../errors.js'

/** May this user work the reader desks (subscribers, newsletter, contact)? */
export function canUseReaderDesk(user: User): boolean {
  return can(user, 'readers.manage')
}

/** Throw FORBIDDEN unless the user may use the reader desks. */
export function requireReaderDesk(user: User): void {
  if (!canUseReaderDesk(user))
    throw new AppError('FORBIDDEN', 'Only editors and administrators work with reader data.')
}

/** A 1-based page number from the query string (1 when absent; 400 when nonsense). */
export function pageParam(value: string | undefined): number {
  if (value === undefined || value === '') return 1
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1)
    throw new AppError('VALIDATION_FAILED', 'page must be a positive whole number', {
      property: 'page',
    })
  return Number(value)
}

/** Every value of a repeated form field (`ids=1&ids=2`), as strings. */
export function fieldList(request: FastifyRequest, name: string): string[] {
  const body = request.body
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return []
  const value = (body as Record<string, unknown>)[name]
  const values = Array.isArray(value) ? value : [value]
  return values.filter((v): v is string => typeof v === 'string')
}

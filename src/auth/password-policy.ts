/**
 * @module password-policy
 * Passwords as NIST SP 800-63B asks: at least 12 characters, any characters (no composition
 * rules, spaces and emoji welcome), at most 1,000, never one of the commonly used passwords,
 * and no forced rotation. The common list is the maintained `passwords-common` dictionary of
 * `@zxcvbn-ts/language-common` (about 49,000 passwords from breach corpora); only its entries
 * long enough to pass the length rule are kept in memory.
 */
import { dictionary } from '@zxcvbn-ts/language-common'
import { validationError } from '../errors.js'

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 1_000

const COMMON: ReadonlySet<string> = new Set(
  dictionary['passwords-common']
    .filter((p) => [...p].length >= MIN_PASSWORD_LENGTH)
    .map((p) => p.toLowerCase()),
)

/** How many passwords of the shipped list are long enough to matter here. */
export const COMMON_PASSWORDS_CHECKED = COMMON.size

/**
 * Throw VALIDATION_FAILED (property `password`) when the password breaks a rule; the message
 * says which. Length counts characters as people see them (code points), not UTF-16 units.
 * @example checkPassword('correct horse battery staple', { email: 'ann@example.com' })
 */
export function checkPassword(password: string, context: { email?: string } = {}): void {
  const length = [...password].length
  if (length < MIN_PASSWORD_LENGTH)
    throw validationError('password', `password must be at least ${MIN_PASSWORD_LENGTH} characters`)
  if (length > MAX_PASSWORD_LENGTH)
    throw validationError('password', `password must be at most ${MAX_PASSWORD_LENGTH} characters`)
  const lower = password.toLowerCase()
  if (COMMON.has(lower))
    throw validationError('password', 'that password is one of the most common: choose another')
  if (context.email && lower.trim() === context.email.trim().toLowerCase())
    throw validationError('password', 'password must not be your email address')
}

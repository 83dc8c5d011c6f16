/**
 * Two-factor sign-in with TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of clock
 * drift either way). A code is accepted once: the step it belongs to must be later than the
 * last one accepted. Enrolment shows a QR code drawn here (no third-party service) and ten
 * single-use recovery codes, kept only as SHA-256 hashes.
 */
import { randomBytes } from 'node:crypto'
import { Secret, TOTP } from 'otpauth'
import qrcode from 'qrcode-generator'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import type { Actor } from './actor.js'
import { recordAudit } from './audit.service.js'
import { hashToken } from './token.js'
import {
  claimTotpStep,
  countUnusedRecoveryCodes,
  findTotpSecret,
  replaceRecoveryCodes,
  updateTotpSecret,
  useRecoveryCode,
} from './two-factor.repository.js'
import type { Role } from './user.table.js'

const PERIOD = 30
const WINDOW = 1
export const RECOVERY_CODE_COUNT = 10

/** Roles a "require two-factor" setting applies to: editors and up. */
export const TWO_FACTOR_ROLES: readonly Role[] = ['owner', 'admin', 'editor']

export interface TwoFactorEnrolment {
  /** Base32, for typing into an app by hand. */
  secret: string
  /** The `otpauth://` URI the QR code carries. */
  uri: string
  /** The QR code as an inline SVG document (local, no network). */
  qrSvg: string
}

function totpFor(secret: string, label = '', issuer = 'Broadsheet'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  })
}

/** A fresh secret for `account` and its QR code; nothing is stored until it is confirmed. */
export function startTwoFactorEnrolment(input: {
  account: string
  issuer: string
}): TwoFactorEnrolment {
  const secret = new Secret({ size: 20 }).base32
  const uri = totpFor(secret, input.account, input.issuer).toString()
  const qr = qrcode(0, 'M')
  qr.addData(uri)
  qr.make()
  return { secret, uri, qrSvg: qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true }) }
}

/** The TOTP step `code` belongs to at `now`, within the drift window; undefined when wrong. */
export function totpStep(secret: string, code: string, now: number): number | undefined {
  const token = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(token)) return undefined
  const delta = totpFor(secret).validate({ token, timestamp: now, window: WINDOW })
  return delta === null ? undefined : Math.floor(now / 1000 / PERIOD) + delta
}

/**
 * Turn two-factor sign-in on for the actor once they typed a code from the new secret. Returns
 * the ten recovery codes, shown once and stored hashed.
 */
export async function enableTwoFactor(
  deps: Kernel,
  actor: Actor,
  input: { secret: string; code: string },
): Promise<string[]> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only people sign in.')
  if (!/^[A-Z2-7]{16,64}$/.test(input.secret)) throw validationError('code', 'start again')
  const step = totpStep(input.secret, input.code, deps.clock.now().getTime())
  if (step === undefined)
    throw validationError('code', 'That code does not match. Check the clock of your phone.')
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await transact(deps, async (tx) => {
    await updateTotpSecret(tx.db, actor.id, input.secret, step)
    await replaceRecoveryCodes(tx.db, actor.id, codes.map(recoveryHash))
    await recordAudit(tx, actor, {
      action: 'two-factor.enable',
      subjectType: 'user',
      subjectId: actor.id,
    })
  })
  return codes
}

/** Turn it off again (a code or a recovery code proves it is them). */
export async function disableTwoFactor(
  deps: Kernel,
  actor: Actor,
  input: { code: string },
): Promise<void> {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only people sign in.')
  if (!(await verifySecondFactor(deps, actor.id, input.code)))
    throw validationError('code', 'That code does not match.')
  await transact(deps, async (tx) => {
    await updateTotpSecret(tx.db, actor.id, null, null)
    await replaceRecoveryCodes(tx.db, actor.id, [])
    await recordAudit(tx, actor, {
      action: 'two-factor.disable',
      subjectType: 'user',
      subjectId: actor.id,
    })
  })
}

/** Whether the user has two-factor sign-in on, and how many recovery codes are left. */
export async function twoFactorStatus(
  deps: Pick<Kernel, 'db'>,
  userId: number,
): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const secret = await findTotpSecret(deps.db, userId)
  return {
    enabled: secret !== null,
    recoveryCodesLeft: secret ? await countUnusedRecoveryCodes(deps.db, userId) : 0,
  }
}

/**
 * Check a TOTP code (once per step: a replayed code fails) or a recovery code (once). True when
 * the user has no second factor to check.
 */
export async function verifySecondFactor(
  deps: Pick<Kernel, 'db' | 'clock'>,
  userId: number,
  code: string,
): Promise<boolean> {
  const secret = await findTotpSecret(deps.db, userId)
  if (!secret) return true
  const now = deps.clock.now().getTime()
  const step = totpStep(secret, code, now)
  if (step !== undefined) return claimTotpStep(deps.db, userId, step)
  const recovery = normaliseRecovery(code)
  if (!recovery) return false
  return useRecoveryCode(deps.db, userId, recoveryHash(recovery), now)
}

/** `xxxxx-xxxxx` from 50 random bits, in an alphabet without look-alikes. */
function newRecoveryCode(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(10)
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length] ?? 'a').join('')
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}

function normaliseRecovery(code: string): string | undefined {
  const compact = code.toLowerCase().replace(/[^a-z0-9]/g, '')
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : undefined
}

function recoveryHash(code: string): string {
  return hashToken(`recovery:${code}`)
}

import { Secret, TOTP } from 'otpauth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createUser,
  enableTwoFactor,
  listAudit,
  login,
  startTwoFactorEnrolment,
  verifySecondFactor,
  type User,
} from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import type { Kernel } from '../../../src/kernel.js'
import { asUser, SYSTEM, testKernel } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const T0 = new Date('2026-06-01T12:00:10Z')
const PASSWORD = 'correct horse battery staple'

/** A phone's code: RFC 6238 computed independently of the app's own check. */
function phoneCode(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  })
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: two-factor sign-in`, () => {
    let t: TestDatabase
    let clock: ReturnType<typeof fixedClock>
    let deps: Kernel
    let user: User
    let secret: string
    let recovery: string[]

    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      clock = fixedClock(T0)
      deps = testKernel(t.db, clock)
      user = await createUser(deps, SYSTEM, {
        email: 'ed@example.com',
        name: 'Ed',
        role: 'editor',
        password: PASSWORD,
      })
      const enrolment = startTwoFactorEnrolment({ account: user.email, issuer: 'The Daily' })
      secret = enrolment.secret
      expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/The%20Daily:ed%40example\.com\?/)
      expect(enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/)
      expect(enrolment.qrSvg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/)
      await expect(
        enableTwoFactor(deps, asUser(user), { secret, code: '000000' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
      recovery = await enableTwoFactor(deps, asUser(user), {
        secret,
        code: phoneCode(secret, clock.now()),
      })
      clock.advance(30_000)
    })
    afterEach(() => t.destroy())

    it('asks for the code after the password, accepts a fresh one and refuses a replay', async () => {
      await expect(
        login(deps, { email: user.email, password: PASSWORD, ip: '1.1.1.1' }),
      ).rejects.toMatchObject({ code: 'SECOND_FACTOR_REQUIRED' })
      const code = phoneCode(secret, clock.now())
      const signedIn = await login(deps, {
        email: user.email,
        password: PASSWORD,
        code,
        ip: '1.1.1.1',
      })
      expect(signedIn.user.id).toBe(user.id)
      await expect(
        login(deps, { email: user.email, password: PASSWORD, code, ip: '1.1.1.1' }),
      ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })
      const audit = await listAudit(deps, { subjectType: 'user', subjectId: user.id })
      expect(audit.map((e) => e.action)).toContain('login.failed')
    })

    it('allows one step of clock drift either way, and no more', async () => {
      const now = clock.now()
      expect(
        await verifySecondFactor(
          deps,
          user.id,
          phoneCode(secret, new Date(now.getTime() - 30_000)),
        ),
      ).toBe(false) // already-used step
      clock.advance(60_000)
      const later = clock.now().getTime()
      expect(
        await verifySecondFactor(deps, user.id, phoneCode(secret, new Date(later - 90_000))),
      ).toBe(false)
      expect(
        await verifySecondFactor(deps, user.id, phoneCode(secret, new Date(later + 90_000))),
      ).toBe(false)
      expect(
        await verifySecondFactor(deps, user.id, phoneCode(secret, new Date(later - 30_000))),
      ).toBe(true)
      expect(
        await verifySecondFactor(deps, user.id, phoneCode(secret, new Date(later + 30_000))),
      ).toBe(true)
      // The step after a later one is spent: an earlier code no longer works.
      expect(await verifySecondFactor(deps, user.id, phoneCode(secret, new Date(later)))).toBe(
        false,
      )
    })

    it('gives ten recovery codes, each working once, stored only as hashes', async () => {
      expect(recovery).toHaveLength(10)
      expect(new Set(recovery).size).toBe(10)
      const [first = '', second = ''] = recovery
      expect(await verifySecondFactor(deps, user.id, first.toUpperCase())).toBe(true)
      expect(await verifySecondFactor(deps, user.id, first)).toBe(false)
      expect(await verifySecondFactor(deps, user.id, second.replace('-', ' '))).toBe(true)
      const rows = await t.db.selectFrom('recovery_codes').selectAll().execute()
      expect(JSON.stringify(rows)).not.toContain(first)
      expect(rows.filter((r) => r.used_at !== null)).toHaveLength(2)
    })
  })
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createSession,
  createUser,
  hashToken,
  listAudit,
  listSessions,
  login,
  needsSetup,
  revokeAllSessions,
  logout,
  SESSION_LIFETIME_MS,
  setupOwner,
  validateSession,
} from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'
import { asUser, SYSTEM, testKernel } from '../../support/kernel.js'
import type { Kernel } from '../../../src/kernel.js'

const T0 = new Date('2026-06-01T12:00:00Z')
const MIN = 60_000
const PASSWORD = 'correct horse battery'

for (const dialect of DIALECTS) {
  describe(`${dialect}: sessions`, () => {
    let t: TestDatabase
    let clock: ReturnType<typeof fixedClock>
    let deps: Kernel
    let userId: number

    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      clock = fixedClock(T0)
      deps = testKernel(t.db, clock)
      const user = await createUser(deps, SYSTEM, {
        email: 'ed@example.com',
        name: 'Ed',
        role: 'editor',
      })
      userId = user.id
    })
    afterEach(() => t.destroy())

    it('stores only the token hash and finds the user behind the token', async () => {
      const { token, session } = await createSession(deps, userId, {
        ip: '10.0.0.1',
        userAgent: 'UA',
      })
      expect(session.id).toBe(hashToken(token))
      expect(session.id).not.toContain(token)
      const found = await validateSession(deps, token)
      expect(found?.user.id).toBe(userId)
      expect(found?.session.ip).toBe('10.0.0.1')
      expect(await validateSession(deps, 'not-a-token')).toBeUndefined()
    })

    it('refreshes last-seen on use and forgets expired sessions', async () => {
      const { token } = await createSession(deps, userId)
      clock.advance(5 * MIN)
      const seen = await validateSession(deps, token)
      expect(seen?.session.lastSeenAt).toEqual(clock.now())
      clock.advance(SESSION_LIFETIME_MS)
      expect(await validateSession(deps, token)).toBeUndefined()
      expect(await listSessions(deps, userId)).toEqual([])
    })

    it('lists, revokes one and revokes all but the current session', async () => {
      const a = await createSession(deps, userId, { userAgent: 'A' })
      clock.advance(MIN)
      const b = await createSession(deps, userId, { userAgent: 'B' })
      clock.advance(MIN)
      const c = await createSession(deps, userId, { userAgent: 'C' })
      expect((await listSessions(deps, userId)).map((s) => s.userAgent)).toEqual(['C', 'B', 'A'])
      await logout(deps, asUser({ id: userId, role: 'editor' }), b.session.id)
      expect(await validateSession(deps, b.token)).toBeUndefined()
      const me = asUser({ id: userId, role: 'editor' })
      expect(await revokeAllSessions(deps, me, { exceptSessionId: c.session.id })).toBe(1)
      expect(await validateSession(deps, a.token)).toBeUndefined()
      expect(await validateSession(deps, c.token)).toBeDefined()
    })

    it('does not let a user revoke somebody else’s session', async () => {
      const other = await createUser(deps, SYSTEM, {
        email: 'o@example.com',
        name: 'O',
        role: 'author',
      })
      const theirs = await createSession(deps, other.id)
      await logout(deps, asUser({ id: userId, role: 'editor' }), theirs.session.id)
      expect(await validateSession(deps, theirs.token)).toBeDefined()
    })
  })

  describe(`${dialect}: login and setup`, () => {
    let t: TestDatabase
    let clock: ReturnType<typeof fixedClock>
    let deps: Kernel

    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      clock = fixedClock(T0)
      deps = testKernel(t.db, clock)
    })
    afterEach(() => t.destroy())

    it('creates the owner once, and only while no user exists', async () => {
      expect(await needsSetup(deps)).toBe(true)
      const first = await setupOwner(deps, {
        email: 'boss@example.com',
        name: 'Boss',
        password: PASSWORD,
      })
      expect(first.user.role).toBe('owner')
      expect(await validateSession(deps, first.token)).toBeDefined()
      expect(await needsSetup(deps)).toBe(false)
      await expect(
        setupOwner(deps, { email: 'x@example.com', name: 'X', password: PASSWORD }),
      ).rejects.toMatchObject({ code: 'SETUP_DONE' })
    })

    it('signs in with the right password and logs it; refuses a wrong one', async () => {
      const user = await createUser(deps, SYSTEM, {
        email: 'a@example.com',
        name: 'A',
        role: 'author',
        password: PASSWORD,
      })
      await expect(
        login(deps, { email: 'a@example.com', password: 'wrong password', ip: '1.1.1.1' }),
      ).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      })
      const ok = await login(deps, { email: ' A@Example.com ', password: PASSWORD, ip: '1.1.1.1' })
      expect(ok.user.id).toBe(user.id)
      const audit = await listAudit(deps, { subjectType: 'user', subjectId: user.id })
      // Newest first: the sign-in, the failure, then the account's creation.
      expect(audit.map((e) => e.action)).toEqual(['login', 'login.failed', 'user.create'])
      expect(audit[0]).toMatchObject({
        userId: user.id,
        actorKind: 'user',
        details: { ip: '1.1.1.1' },
      })
      expect(audit[1]).toMatchObject({ details: { ip: '1.1.1.1', reason: 'password' } })
      expect(audit[2]).toMatchObject({ userId: null, actorKind: 'system', actorName: 'test' })
    })

    it('backs off one (account, IP) pair, doubling the wait, and never locks the owner out elsewhere', async () => {
      await createUser(deps, SYSTEM, {
        email: 'a@example.com',
        name: 'A',
        role: 'author',
        password: PASSWORD,
      })
      const attacker = (password = 'nope') =>
        login(deps, { email: 'a@example.com', password, ip: '9.9.9.9' })
      for (let i = 0; i < 5; i++) {
        clock.advance(1000)
        await expect(attacker()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })
      }
      // Five failures: this pair waits 30 s, the owner elsewhere does not wait at all.
      await expect(attacker(PASSWORD)).rejects.toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
        message: 'Too many attempts. Try again in 1 minute.',
      })
      await expect(
        login(deps, { email: 'a@example.com', password: PASSWORD, ip: '8.8.8.8' }),
      ).resolves.toBeDefined()
      clock.advance(30_000)
      await expect(attacker()).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })
      // The sixth failure doubles the wait to a minute.
      clock.advance(30_000)
      await expect(attacker()).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' })
      clock.advance(30_000)
      await expect(attacker(PASSWORD)).resolves.toBeDefined()
      const audit = await listAudit(deps, { subjectType: 'user' })
      expect(
        audit.filter((e) => e.action === 'login.failed').map((e) => e.details.reason),
      ).toContain('throttled')
    })

    it('spends the same password-hash work on an unknown account as on a known one', async () => {
      await createUser(deps, SYSTEM, {
        email: 'a@example.com',
        name: 'A',
        role: 'author',
        password: PASSWORD,
      })
      const timed = async (email: string) => {
        const started = performance.now()
        await login(deps, { email, password: 'wrong password', ip: '' }).catch(() => undefined)
        return performance.now() - started
      }
      const known: number[] = []
      const unknown: number[] = []
      for (let i = 0; i < 3; i++) {
        known.push(await timed('a@example.com'))
        unknown.push(await timed(`nobody${i}@example.com`))
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0
      // Without the dummy hash an unknown address answers in a couple of ms; argon2 takes tens.
      expect(median(unknown)).toBeGreaterThan(median(known) / 3)
    })

    it('throttles an IP after 20 failures across accounts', async () => {
      for (let i = 0; i < 20; i++) {
        await expect(
          login(deps, { email: `u${i}@example.com`, password: 'nope', ip: '6.6.6.6' }),
        ).rejects.toMatchObject({
          code: 'INVALID_CREDENTIALS',
        })
      }
      await expect(
        login(deps, { email: 'fresh@example.com', password: 'nope', ip: '6.6.6.6' }),
      ).rejects.toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
        message: 'Too many attempts. Try again in 15 minutes.',
      })
      await expect(
        login(deps, { email: 'fresh@example.com', password: 'nope', ip: '7.7.7.7' }),
      ).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      })
    })

    it('clears the account’s failures after a successful sign-in', async () => {
      await createUser(deps, SYSTEM, {
        email: 'a@example.com',
        name: 'A',
        role: 'author',
        password: PASSWORD,
      })
      for (let i = 0; i < 4; i++) {
        await login(deps, { email: 'a@example.com', password: 'nope', ip: '1.2.3.4' }).catch(
          () => {},
        )
      }
      await login(deps, { email: 'a@example.com', password: PASSWORD, ip: '1.2.3.4' })
      for (let i = 0; i < 4; i++) {
        await login(deps, { email: 'a@example.com', password: 'nope', ip: '1.2.3.4' }).catch(
          () => {},
        )
      }
      await expect(
        login(deps, { email: 'a@example.com', password: PASSWORD, ip: '1.2.3.4' }),
      ).resolves.toBeDefined()
    })
  })
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createSession,
  createUser,
  findResetUser,
  INVITE_LIFETIME_MS,
  inviteUser,
  listAudit,
  login,
  recordAudit,
  requestPasswordReset,
  RESET_LIFETIME_MS,
  RESET_MAIL_INTERVAL_MS,
  resetPassword,
  validateSession,
  type User,
} from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import type { MailMessage } from '../../../src/mail/index.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'
import type { Kernel } from '../../../src/kernel.js'
import { asUser, SYSTEM, testKernel } from '../../support/kernel.js'

const T0 = new Date('2026-06-01T12:00:00Z')
const PASSWORD = 'correct horse battery'
const NEW_PASSWORD = 'a brand new passphrase'

function tokenFrom(mail: MailMessage | undefined): string {
  const match = /\/admin\/reset\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')
  if (!match?.[1]) throw new Error(`no link in ${mail?.text}`)
  return match[1]
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: password reset and invitations`, () => {
    let t: TestDatabase
    let clock: ReturnType<typeof fixedClock>
    let sent: MailMessage[]
    let deps: Kernel & { mailer: { send(m: MailMessage): Promise<void> } }
    let user: User
    const request = {
      siteTitle: 'The Daily',
      linkFor: (token: string) => `https://news.test/admin/reset/${token}`,
    }

    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      clock = fixedClock(T0)
      sent = []
      deps = { ...testKernel(t.db, clock), mailer: { send: async (m) => void sent.push(m) } }
      user = await createUser(deps, SYSTEM, {
        email: 'ann@example.com',
        name: 'Ann',
        role: 'author',
        password: PASSWORD,
      })
    })
    afterEach(() => t.destroy())

    it('emails a link that sets a new password once and signs out every session', async () => {
      const old = await createSession(deps, user.id)
      await requestPasswordReset(deps, { email: 'ANN@example.com', ...request })
      expect(sent).toHaveLength(1)
      expect(sent[0]?.to).toBe('ann@example.com')
      expect(sent[0]?.subject).toBe('Reset your password for The Daily')
      const token = tokenFrom(sent[0])
      expect((await findResetUser(deps, token))?.user.id).toBe(user.id)

      await resetPassword(deps, { token, password: NEW_PASSWORD })
      expect(await validateSession(deps, old.token)).toBeUndefined()
      await expect(
        login(deps, { email: 'ann@example.com', password: NEW_PASSWORD }),
      ).resolves.toBeDefined()
      await expect(
        resetPassword(deps, { token, password: 'yet another passphrase' }),
      ).rejects.toMatchObject({
        code: 'TOKEN_INVALID',
      })
      expect(await findResetUser(deps, token)).toBeUndefined()
    })

    it('refuses a link after 30 minutes', async () => {
      expect(RESET_LIFETIME_MS).toBe(30 * 60_000)
      await requestPasswordReset(deps, { email: 'ann@example.com', ...request })
      const token = tokenFrom(sent[0])
      clock.advance(RESET_LIFETIME_MS)
      expect(await findResetUser(deps, token)).toBeUndefined()
      await expect(resetPassword(deps, { token, password: NEW_PASSWORD })).rejects.toMatchObject({
        code: 'TOKEN_INVALID',
      })
      await expect(
        login(deps, { email: 'ann@example.com', password: PASSWORD }),
      ).resolves.toBeDefined()
    })

    it('sends one mail per address in 15 minutes however often it is asked', async () => {
      await Promise.all(
        Array.from({ length: 20 }, () =>
          requestPasswordReset(deps, { email: 'ann@example.com', ...request }),
        ),
      )
      expect(sent).toHaveLength(1)
      const after = sent.length
      for (let i = 0; i < 20; i++)
        await requestPasswordReset(deps, { email: 'ann@example.com', ...request })
      expect(sent).toHaveLength(after)
      clock.advance(RESET_MAIL_INTERVAL_MS)
      await requestPasswordReset(deps, { email: 'ann@example.com', ...request })
      expect(sent).toHaveLength(after + 1)
    })

    it('voids every other unused link when the password changes', async () => {
      await requestPasswordReset(deps, { email: 'ann@example.com', ...request })
      clock.advance(RESET_MAIL_INTERVAL_MS)
      await requestPasswordReset(deps, { email: 'ann@example.com', ...request })
      const [first, second] = [tokenFrom(sent[0]), tokenFrom(sent[1])]
      await resetPassword(deps, { token: second, password: NEW_PASSWORD })
      expect(await findResetUser(deps, first)).toBeUndefined()
      await expect(
        resetPassword(deps, { token: first, password: 'yet another passphrase' }),
      ).rejects.toMatchObject({ code: 'TOKEN_INVALID' })
    })

    it('sends nothing for an unknown address, and says nothing about it', async () => {
      await expect(
        requestPasswordReset(deps, { email: 'nobody@example.com', ...request }),
      ).resolves.toBeUndefined()
      expect(sent).toEqual([])
    })

    it('refuses a short password without spending the link', async () => {
      await requestPasswordReset(deps, { email: 'ann@example.com', ...request })
      const token = tokenFrom(sent[0])
      await expect(resetPassword(deps, { token, password: 'short' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      })
      await expect(resetPassword(deps, { token, password: NEW_PASSWORD })).resolves.toBeDefined()
    })

    it('invites a user without a password, valid for three days, and logs who invited', async () => {
      const boss = await createUser(deps, SYSTEM, {
        email: 'boss@example.com',
        name: 'Boss',
        role: 'owner',
      })
      const invited = await inviteUser(deps, asUser(boss), {
        email: 'new@example.com',
        name: 'New',
        role: 'contributor',
        ...request,
      })
      expect(invited.role).toBe('contributor')
      expect(sent[0]?.subject).toBe('You are invited to The Daily')
      const token = tokenFrom(sent[0])
      await expect(
        login(deps, { email: 'new@example.com', password: 'anything at all' }),
      ).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      })
      clock.advance(INVITE_LIFETIME_MS - 1)
      await resetPassword(deps, { token, password: NEW_PASSWORD })
      await expect(
        login(deps, { email: 'new@example.com', password: NEW_PASSWORD }),
      ).resolves.toBeDefined()
      const entries = await listAudit(deps, { subjectType: 'user', subjectId: invited.id })
      expect(entries.map((e) => [e.action, e.userId])).toEqual([
        ['login', invited.id],
        ['password.reset', invited.id],
        ['login.failed', null],
        ['user.invite', boss.id],
      ])
    })
  })

  describe(`${dialect}: audit log`, () => {
    let t: TestDatabase
    beforeEach(async () => {
      t = await createTestDatabase(dialect)
    })
    afterEach(() => t.destroy())

    it('lists entries newest first, filtered by subject, with their details', async () => {
      const clock = fixedClock(T0)
      const deps = testKernel(t.db, clock)
      const user = await createUser(deps, SYSTEM, {
        email: 'e@example.com',
        name: 'E',
        role: 'editor',
      })
      await recordAudit(deps, asUser(user), {
        action: 'article.publish',
        subjectType: 'article',
        subjectId: 7,
      })
      clock.advance(1000)
      await recordAudit(deps, asUser(user), {
        action: 'article.schedule',
        subjectType: 'article',
        subjectId: 7,
        details: { at: '2026-06-02T07:00:00.000Z' },
      })
      await recordAudit(deps, asUser(user), {
        action: 'article.archive',
        subjectType: 'article',
        subjectId: 8,
      })
      const seven = await listAudit(deps, { subjectType: 'article', subjectId: 7 })
      expect(seven.map((e) => e.action)).toEqual(['article.schedule', 'article.publish'])
      expect(seven[0]).toMatchObject({
        userId: user.id,
        details: { at: '2026-06-02T07:00:00.000Z' },
      })
      expect(seven[0]?.createdAt).toEqual(new Date(T0.getTime() + 1000))
      // The three above and the account's creation.
      expect(await listAudit(deps)).toHaveLength(4)
    })
  })
}

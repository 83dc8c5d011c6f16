import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUser, listAudit, login } from '../../../src/auth/index.js'
import { fixedClock } from '../../../src/clock.js'
import type { MailMessage } from '../../../src/mail/index.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const PASSWORD = 'correct horse battery staple'

for (const dialect of DIALECTS) {
  describe(`${dialect}: sign-in from a new device`, () => {
    let t: TestDatabase
    beforeEach(async () => {
      t = await createTestDatabase(dialect)
    })
    afterEach(() => t.destroy())

    it('mails the owner of the account once per new browser, never for the first', async () => {
      const sent: MailMessage[] = []
      const deps = {
        ...testKernel(t.db, fixedClock(new Date('2026-06-01T12:00:00Z'))),
        mailer: { send: async (m: MailMessage) => void sent.push(m) },
      }
      const user = await createUser(deps, SYSTEM, {
        email: 'ed@example.com',
        name: 'Ed',
        role: 'editor',
        password: PASSWORD,
      })
      const signIn = (deviceId: string) =>
        login(deps, {
          email: user.email,
          password: PASSWORD,
          ip: '203.0.113.9',
          userAgent: 'Firefox/140',
          deviceId,
        })
      await signIn('laptop-device-identifier-0001')
      expect(sent).toEqual([])
      await signIn('laptop-device-identifier-0001')
      await signIn('stranger-device-identifier-02')
      expect(sent).toHaveLength(1)
      expect(sent[0]).toMatchObject({ to: 'ed@example.com' })
      expect(sent[0]?.text).toContain('203.0.113.9')
      expect(sent[0]?.text).toContain('Firefox/140')
      await signIn('stranger-device-identifier-02')
      expect(sent).toHaveLength(1)
      const audit = await listAudit(deps, { subjectType: 'user', subjectId: user.id })
      expect(audit.filter((e) => e.action === 'login.new-device')).toHaveLength(1)
      const stored = await t.db.selectFrom('user_devices').selectAll().execute()
      expect(JSON.stringify(stored)).not.toContain('stranger-device')
    })
  })
}

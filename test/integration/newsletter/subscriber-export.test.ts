/**
 * The subscribers' CSV export, past its first thousand: every address once, in the order they
 * joined, on SQLite and PostgreSQL.
 */
import { beforeEach, expect, it } from 'vitest'
import { exportSubscribersCsv, importSubscribers } from '../../../src/newsletter/index.js'
import { SYSTEM, testServices } from '../../support/kernel.js'
import { describeDialects, useTestDatabase } from '../../support/test-database.js'

describeDialects('exporting subscribers as CSV', (dialect) => {
  const t = useTestDatabase(dialect)
  const emails = Array.from({ length: 2_345 }, (_, i) => `reader${i}@example.com`)

  beforeEach(async () => {
    const deps = testServices({ db: t.db, dialect, dataDir: t.dataDir })
    await importSubscribers(deps, SYSTEM, `email\n${emails.join('\n')}`)
  })

  it('writes every subscriber once, a thousand at a time, oldest first', async () => {
    const deps = testServices({ db: t.db, dialect, dataDir: t.dataDir })
    const csv = await exportSubscribersCsv(deps, SYSTEM)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('email,status,source,created_at')
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(emails)
  })
})

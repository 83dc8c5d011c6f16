import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

/** Stored under a key `findSettings` never reads, so the secret never reaches a template. */
const SECRET_KEY = 'secret.signing'

/**
 * The site's signing secret (form stamps, email tokens): made at first use and kept in the
 * settings table, so every process and restart shares it.
 */
export async function findOrCreateSiteSecret(db: Kysely<Database>, now: number): Promise<string> {
  const fresh = JSON.stringify(randomBytes(32).toString('base64url'))
  await db
    .insertInto('settings')
    .values({ key: SECRET_KEY, value: fresh, updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SECRET_KEY)
    .executeTakeFirstOrThrow()
  return JSON.parse(row.value) as string
}

import type { Kysely } from 'kysely'
import { TIME } from './schema-helpers.js'

/**
 * The Staff screen shows when each person last signed in. Sessions end (sign-out, expiry,
 * deactivation), so the moment is kept on the account itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_sign_in_at', TIME).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('last_sign_in_at').execute()
}

import type { Kysely } from 'kysely'
import { TIME } from './schema-helpers.js'

/**
 * People who leave are deactivated, not deleted: their bylines and stories stay, they cannot
 * sign in, and every session of theirs ends. `deactivated_at` is NULL for active accounts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('deactivated_at', TIME).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('deactivated_at').execute()
}

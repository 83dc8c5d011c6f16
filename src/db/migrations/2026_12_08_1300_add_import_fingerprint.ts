import type { Kysely } from 'kysely'

/**
 * What an imported object looked like on the old site when it was last written (a digest of its
 * source record): a later run of the same export updates the objects whose digest changed and
 * skips the others. Null for keys written before digests were kept (left as they are).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_keys').addColumn('fingerprint', 'varchar(64)').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_keys').dropColumn('fingerprint').execute()
}

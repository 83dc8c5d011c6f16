import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

/**
 * Account security: when the last reset mail went to a user (one per 15 minutes, claimed with
 * an atomic update), the TOTP second factor (secret, last step used, so a code works once),
 * hashed single-use recovery codes, and the devices a user has signed in from (a hashed device
 * cookie), so a sign-in from a new one can be mailed to them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('reset_mail_at', TIME).execute()
  await db.schema.alterTable('users').addColumn('totp_secret', 'varchar(64)').execute()
  await db.schema.alterTable('users').addColumn('totp_last_step', TIME).execute()
  await withId(db, db.schema.createTable('recovery_codes').ifNotExists())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('used_at', TIME)
    .execute()
  await db.schema
    .createIndex('recovery_codes_user_idx')
    .ifNotExists()
    .on('recovery_codes')
    .columns(['user_id', 'code_hash'])
    .execute()
  await db.schema
    .createTable('user_devices')
    .ifNotExists()
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('device_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('last_seen_at', TIME, (c) => c.notNull())
    .addPrimaryKeyConstraint('user_devices_pk', ['user_id', 'device_hash'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_devices').ifExists().execute()
  await db.schema.dropTable('recovery_codes').ifExists().execute()
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute()
  await db.schema.alterTable('users').dropColumn('totp_secret').execute()
  await db.schema.alterTable('users').dropColumn('reset_mail_at').execute()
}

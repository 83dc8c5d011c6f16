import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

/** Sessions, login throttling, password resets/invitations and the audit log. */
export async function up(db: Kysely<any>): Promise<void> {
  // The id is the SHA-256 of the cookie's token: a leaked table cannot be replayed as cookies.
  await db.schema
    .createTable('sessions')
    .ifNotExists()
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('last_seen_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull().defaultTo(''))
    .addColumn('user_agent', 'varchar(500)', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('sessions_user_idx')
    .ifNotExists()
    .on('sessions')
    .columns(['user_id', 'last_seen_at'])
    .execute()
  await db.schema
    .createIndex('sessions_expires_idx')
    .ifNotExists()
    .on('sessions')
    .column('expires_at')
    .execute()

  // Failed logins only: the throttle counts recent rows per account and per IP.
  await withId(db, db.schema.createTable('login_attempts').ifNotExists())
    .addColumn('account', 'varchar(320)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('login_attempts_account_idx')
    .ifNotExists()
    .on('login_attempts')
    .columns(['account', 'created_at'])
    .execute()
  await db.schema
    .createIndex('login_attempts_ip_idx')
    .ifNotExists()
    .on('login_attempts')
    .columns(['ip', 'created_at'])
    .execute()

  await db.schema
    .createTable('password_resets')
    .ifNotExists()
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('expires_at', TIME, (c) => c.notNull())
    .addColumn('used_at', TIME)
    .execute()
  await db.schema
    .createIndex('password_resets_user_idx')
    .ifNotExists()
    .on('password_resets')
    .column('user_id')
    .execute()

  await withId(db, db.schema.createTable('audit_log').ifNotExists())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'varchar(50)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('subject_id', 'integer')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('audit_log_created_idx')
    .ifNotExists()
    .on('audit_log')
    .columns(['created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('audit_log_subject_idx')
    .ifNotExists()
    .on('audit_log')
    .columns(['subject_type', 'subject_id', 'created_at'])
    .execute()
  await db.schema
    .createIndex('audit_log_user_idx')
    .ifNotExists()
    .on('audit_log')
    .columns(['user_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'password_resets', 'login_attempts', 'sessions']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}

import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

/**
 * What readers send and receive: reply-notification opt-ins on comments, newsletter send
 * history, and contact-form messages.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('comments')
    .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // Set once the parent's author was told about this (approved) reply: never mail twice.
  await db.schema
    .alterTable('comments')
    .addColumn('reply_notified', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  // Duplicate detection and per-email limits look up an address's recent comments.
  await db.schema
    .createIndex('comments_email_idx')
    .ifNotExists()
    .on('comments')
    .columns(['author_email', 'created_at'])
    .execute()

  await withId(db, db.schema.createTable('newsletter_sends').ifNotExists())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    // JSON array of article ids.
    .addColumn('article_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('newsletter_sends_created_idx')
    .ifNotExists()
    .on('newsletter_sends')
    .columns(['created_at', 'id'])
    .execute()

  await withId(db, db.schema.createTable('contact_messages').ifNotExists())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('contact_messages_created_idx')
    .ifNotExists()
    .on('contact_messages')
    .columns(['created_at', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_messages').ifExists().execute()
  await db.schema.dropTable('newsletter_sends').ifExists().execute()
  await db.schema.dropIndex('comments_email_idx').ifExists().execute()
  await db.schema.alterTable('comments').dropColumn('reply_notified').execute()
  await db.schema.alterTable('comments').dropColumn('notify_replies').execute()
}

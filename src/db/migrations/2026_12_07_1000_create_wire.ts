import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

/**
 * The wire: the feeds a newsroom follows (`wire_sources`) and every item it has seen in them
 * (`wire_items`). An item's identity within its source is `item_key` (guid, else normalised
 * link, else a hash): the unique index is what keeps two polls of the same feed, in two
 * processes at once, from ever adding the same story twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('wire_sources').ifNotExists())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('url', 'varchar(2000)', (c) => c.notNull().unique())
    .addColumn('site_url', 'varchar(2000)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('active'))
    .addColumn('section_id', 'integer')
    .addColumn('author_id', 'integer')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('include_words', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('exclude_words', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('max_age_days', 'integer')
    .addColumn('mode', 'varchar(20)', (c) => c.notNull().defaultTo('excerpt'))
    .addColumn('fetch_full_text', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('map_categories', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('publish', 'varchar(20)', (c) => c.notNull().defaultTo('review'))
    .addColumn('interval_minutes', 'integer', (c) => c.notNull().defaultTo(15))
    .addColumn('etag', 'varchar(500)')
    .addColumn('last_modified', 'varchar(100)')
    .addColumn('next_poll_at', TIME, (c) => c.notNull())
    .addColumn('last_polled_at', TIME)
    .addColumn('last_success_at', TIME)
    .addColumn('last_error_code', 'varchar(50)')
    .addColumn('last_error', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('wire_sources_due_idx')
    .ifNotExists()
    .on('wire_sources')
    .columns(['status', 'next_poll_at'])
    .execute()

  await withId(db, db.schema.createTable('wire_items').ifNotExists())
    .addColumn('source_id', 'integer', (c) =>
      c.notNull().references('wire_sources.id').onDelete('cascade'),
    )
    .addColumn('item_key', 'varchar(600)', (c) => c.notNull())
    .addColumn('guid', 'varchar(1000)')
    .addColumn('is_global_guid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('link', 'varchar(2000)')
    .addColumn('normalized_link', 'varchar(2000)')
    .addColumn('title', 'varchar(500)', (c) => c.notNull())
    .addColumn('author', 'varchar(300)')
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content_html', 'text')
    .addColumn('image_url', 'varchar(2000)')
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('published_at', TIME, (c) => c.notNull())
    .addColumn('fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('article_version', 'integer')
    .addColumn('changed_at_source', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('wire_items_key_uq')
    .ifNotExists()
    .unique()
    .on('wire_items')
    .columns(['source_id', 'item_key'])
    .execute()
  await db.schema
    .createIndex('wire_items_link_idx')
    .ifNotExists()
    .on('wire_items')
    .column('normalized_link')
    .execute()
  await db.schema
    .createIndex('wire_items_guid_idx')
    .ifNotExists()
    .on('wire_items')
    .column('guid')
    .execute()
  await db.schema
    .createIndex('wire_items_desk_idx')
    .ifNotExists()
    .on('wire_items')
    .columns(['status', 'published_at'])
    .execute()
  await db.schema
    .createIndex('wire_items_source_idx')
    .ifNotExists()
    .on('wire_items')
    .columns(['source_id', 'published_at'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('wire_items').ifExists().execute()
  await db.schema.dropTable('wire_sources').ifExists().execute()
}

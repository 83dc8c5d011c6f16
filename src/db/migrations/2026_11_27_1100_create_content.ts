import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('users').ifNotExists())
    .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('avatar_url', 'text')
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('social', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute()

  await withId(db, db.schema.createTable('categories').ifNotExists())
    .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('categories_parent_position_idx')
    .ifNotExists()
    .on('categories')
    .columns(['parent_id', 'position'])
    .execute()

  await withId(db, db.schema.createTable('tags').ifNotExists())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()

  await withId(db, db.schema.createTable('media').ifNotExists())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('mime_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('bytes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('media_created_idx')
    .ifNotExists()
    .on('media')
    .columns(['created_at', 'id'])
    .execute()

  await withId(db, db.schema.createTable('articles').ifNotExists())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_doc', 'text')
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('featured_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('featured_alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('featured_caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('featured_credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('primary_category_id', 'integer', (c) =>
      c.references('categories.id').onDelete('set null'),
    )
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('published_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .addColumn('is_editors_pick', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_featured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('allow_comments', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('seo_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seo_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('canonical_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reading_minutes', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // Latest stories, scheduled-publish sweep and archive walks: status then publication time.
  await db.schema
    .createIndex('articles_status_published_idx')
    .ifNotExists()
    .on('articles')
    .columns(['status', 'published_at', 'id'])
    .execute()
  await db.schema
    .createIndex('articles_picks_idx')
    .ifNotExists()
    .on('articles')
    .columns(['is_editors_pick', 'status', 'published_at', 'id'])
    .execute()
  await db.schema
    .createIndex('articles_featured_idx')
    .ifNotExists()
    .on('articles')
    .columns(['is_featured', 'status', 'published_at', 'id'])
    .execute()
  await db.schema
    .createIndex('articles_updated_idx')
    .ifNotExists()
    .on('articles')
    .columns(['updated_at', 'id'])
    .execute()

  // Link tables carry `listed_at` (the article's published_at while it is published, else
  // NULL) so section, tag and author lists are served from one index, newest first,
  // without touching the articles table until the page of ids is known.
  for (const [table, column, ref] of [
    ['article_categories', 'category_id', 'categories.id'],
    ['article_tags', 'tag_id', 'tags.id'],
    ['article_authors', 'user_id', 'users.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .ifNotExists()
      .addColumn('article_id', 'integer', (c) =>
        c.notNull().references('articles.id').onDelete('cascade'),
      )
      .addColumn(column, 'integer', (c) => c.notNull().references(ref).onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('listed_at', TIME)
      // 1 on article_categories rows implied by a sub-section (an article in Football is
      // listed under Sport too); 0 on rows an editor chose.
      .addColumn('inherited', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint(`${table}_pk`, ['article_id', column])
      .execute()
    await db.schema
      .createIndex(`${table}_listing_idx`)
      .ifNotExists()
      .on(table)
      .columns([column, 'listed_at', 'article_id'])
      .execute()
  }

  await withId(db, db.schema.createTable('pages').ifNotExists())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slug', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_doc', 'text')
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('seo_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seo_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', TIME)
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute()

  await withId(db, db.schema.createTable('revisions').ifNotExists())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_doc', 'text')
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('revisions_article_idx')
    .ifNotExists()
    .on('revisions')
    .columns(['article_id', 'id'])
    .execute()

  await withId(db, db.schema.createTable('comments').ifNotExists())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('author_email', 'varchar(320)', (c) => c.notNull())
    .addColumn('author_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('comments_article_idx')
    .ifNotExists()
    .on('comments')
    .columns(['article_id', 'status', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('comments_status_idx')
    .ifNotExists()
    .on('comments')
    .columns(['status', 'created_at', 'id'])
    .execute()

  await withId(db, db.schema.createTable('subscribers').ifNotExists())
    .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('source', 'varchar(50)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('confirmed_at', TIME)
    .addColumn('unsubscribed_at', TIME)
    .execute()
  await db.schema
    .createIndex('subscribers_status_idx')
    .ifNotExists()
    .on('subscribers')
    .columns(['status', 'id'])
    .execute()

  await withId(db, db.schema.createTable('menus').ifNotExists())
    .addColumn('location', 'varchar(50)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .execute()
  await withId(db, db.schema.createTable('menu_items').ifNotExists())
    .addColumn('menu_id', 'integer', (c) => c.notNull().references('menus.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('menu_items.id').onDelete('cascade'))
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('cascade'))
    .addColumn('page_id', 'integer', (c) => c.references('pages.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createIndex('menu_items_menu_idx')
    .ifNotExists()
    .on('menu_items')
    .columns(['menu_id', 'position'])
    .execute()

  await db.schema
    .createTable('settings')
    .ifNotExists()
    .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute()

  await withId(db, db.schema.createTable('redirects').ifNotExists())
    .addColumn('from_path', 'varchar(500)', (c) => c.notNull().unique())
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull().defaultTo(301))
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()

  // Views are aggregated per article per hour: no IP, no cookie, no row per view.
  await db.schema
    .createTable('page_views')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('hour', TIME, (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('page_views_pk', ['article_id', 'hour'])
    .execute()
  await db.schema
    .createIndex('page_views_hour_idx')
    .ifNotExists()
    .on('page_views')
    .columns(['hour', 'article_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'page_views',
    'redirects',
    'settings',
    'menu_items',
    'menus',
    'subscribers',
    'comments',
    'revisions',
    'pages',
    'article_authors',
    'article_tags',
    'article_categories',
    'articles',
    'media',
    'tags',
    'categories',
    'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}

import { sql, type Kysely } from 'kysely'
import { TIME } from './schema-helpers.js'

/**
 * The Staff screen shows when each person last signed in. Sessions end (sign-out, expiry,
 * deactivation), so the moment is kept on the account itself.
 *
 * And the newsroom's story list, sorted by headline or publication date, reads its page in
 * index order instead of sorting the whole table (at a million stories that sort alone takes
 * seconds). Stories never published sort after the others in both directions, hence the two
 * pairs of expression indexes: their expressions must stay exactly those in `listNewsroomIds`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_sign_in_at', TIME).execute()
  await db.schema
    .createIndex('articles_title_idx')
    .ifNotExists()
    .on('articles')
    .columns(['title', 'id'])
    .execute()
  await db.schema
    .createIndex('articles_status_title_idx')
    .ifNotExists()
    .on('articles')
    .columns(['status', 'title', 'id'])
    .execute()
  // Each publication-date order twice: over every story, and within a status tab.
  for (const [name, never] of [
    ['desc', sql.lit(-1)],
    ['asc', sql.lit(253402300800000)],
  ] as const) {
    await sql`create index if not exists ${sql.id(`articles_published_${name}_idx`)} on articles (coalesce(published_at, ${never}), id)`.execute(
      db,
    )
    await sql`create index if not exists ${sql.id(`articles_status_published_${name}_idx`)} on articles (status, coalesce(published_at, ${never}), id)`.execute(
      db,
    )
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'articles_status_published_asc_idx',
    'articles_status_published_desc_idx',
    'articles_published_asc_idx',
    'articles_published_desc_idx',
    'articles_status_title_idx',
    'articles_title_idx',
  ])
    await db.schema.dropIndex(name).ifExists().execute()
  await db.schema.alterTable('users').dropColumn('last_sign_in_at').execute()
}

import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

/**
 * Integrations: API clients with a role, a Content API key (read) and an Admin API key
 * (`id:secret`, the secret signs the client's tokens, so it is kept as given, like Ghost).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('integrations'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('content_key', 'text', (c) => c.notNull().unique())
    .addColumn('admin_key_id', 'text', (c) => c.notNull().unique())
    .addColumn('admin_secret', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('integrations').ifExists().execute()
}

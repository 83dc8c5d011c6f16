import type { Kysely } from 'kysely'
import { TIME, withId } from './schema-helpers.js'

/**
 * Webhooks (one integration has many): an event, a target and an optional signing secret, with
 * how its last delivery went and how many failed in a row (20 disable it). `webhook_deliveries`
 * logs every attempt: when, which event, the answer's status, how long it took, the start of
 * its body or the error, and the body that was sent (for "redeliver").
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('webhooks'))
    .addColumn('integration_id', 'integer', (c) =>
      c.notNull().references('integrations.id').onDelete('cascade'),
    )
    .addColumn('event', 'varchar(50)', (c) => c.notNull())
    .addColumn('target_url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('name', 'varchar(191)')
    .addColumn('secret', 'varchar(191)')
    .addColumn('api_version', 'varchar(50)', (c) => c.notNull().defaultTo('v5'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('available'))
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_triggered_at', TIME)
    .addColumn('last_triggered_status', 'varchar(50)')
    .addColumn('last_triggered_error', 'varchar(500)')
    .addColumn('created_at', TIME, (c) => c.notNull())
    .addColumn('updated_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('webhooks_event_idx')
    .on('webhooks')
    .columns(['event', 'status'])
    .execute()
  await db.schema
    .createIndex('webhooks_integration_idx')
    .on('webhooks')
    .column('integration_id')
    .execute()

  await withId(db, db.schema.createTable('webhook_deliveries'))
    .addColumn('webhook_id', 'integer', (c) =>
      c.notNull().references('webhooks.id').onDelete('cascade'),
    )
    .addColumn('event', 'varchar(50)', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('response_start', 'text')
    .addColumn('error', 'varchar(500)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', TIME, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('webhook_deliveries_webhook_idx')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').ifExists().execute()
  await db.schema.dropTable('webhooks').ifExists().execute()
}

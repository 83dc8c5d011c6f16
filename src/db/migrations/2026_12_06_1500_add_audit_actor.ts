import type { Kysely } from 'kysely'

/**
 * The audit log names who acted, not only which user: an integration (API key) or the system
 * (scheduler, importer, wire) acts too. `user_id` stays for people; `actor_kind` and
 * `actor_name` say who it was when no user was involved, and `integration_id` which key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_log')
    .addColumn('actor_kind', 'text', (c) => c.notNull().defaultTo('user'))
    .execute()
  await db.schema
    .alterTable('audit_log')
    .addColumn('actor_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema.alterTable('audit_log').addColumn('integration_id', 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('integration_id').execute()
  await db.schema.alterTable('audit_log').dropColumn('actor_name').execute()
  await db.schema.alterTable('audit_log').dropColumn('actor_kind').execute()
}

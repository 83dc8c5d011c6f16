/**
 * @module health
 * Cheap readiness probes of the database for `GET /readyz`: it answers, and every migration
 * this build knows has been applied.
 */
import { sql, type Kysely } from 'kysely'
import { knownMigrations } from './migrate.js'

/** A readiness probe: resolves with a problem to report, or undefined when all is well. */
export type ReadinessCheck = () => Promise<string | undefined>

/**
 * The database answers `select 1`, and its migrations are current. Once the schema is seen to
 * be current it stays so for this build (a newer node migrating further adds only migrations
 * this build does not know), so that query runs until it first succeeds and never again.
 */
export function databaseReadiness(db: Kysely<any>): ReadinessCheck {
  let migrationsCurrent = false
  return async () => {
    try {
      await sql`select 1`.execute(db)
    } catch (error) {
      return `database unreachable: ${(error as Error).message}`
    }
    if (migrationsCurrent) return undefined
    try {
      const rows = await db.selectFrom('kysely_migration').select('name').execute()
      const applied = new Set(rows.map((row: { name: string }) => row.name))
      const pending = knownMigrations().filter((name) => !applied.has(name))
      if (pending.length > 0) return `migrations pending: ${pending.join(', ')}`
    } catch {
      return 'migrations pending: the schema has never been migrated'
    }
    migrationsCurrent = true
    return undefined
  }
}

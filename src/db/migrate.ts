import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import { AppError } from '../errors.js'
import * as createContent from './migrations/2026_11_27_1100_create_content.js'
import * as createSearchIndex from './migrations/2026_11_27_1200_create_search_index.js'
import * as createMediaVariants from './migrations/2026_11_27_1300_create_media_variants.js'
import * as createJobs from './migrations/2026_11_27_1400_create_jobs.js'
import * as createAuth from './migrations/2026_11_28_0900_create_auth.js'
import * as createNewsroomIndexes from './migrations/2026_11_28_0910_create_newsroom_indexes.js'
import * as createCorrectionsAndPreviews from './migrations/2026_11_28_1100_create_corrections_and_previews.js'
import * as createReaderMail from './migrations/2026_11_28_1000_create_reader_mail.js'
import * as addAuditActor from './migrations/2026_12_06_1500_add_audit_actor.js'
import * as createWire from './migrations/2026_12_07_1000_create_wire.js'
import * as createImportKeys from './migrations/2026_12_07_1100_create_import_keys.js'
import * as createIntegrations from './migrations/2026_12_07_1200_create_integrations.js'
import * as addUserDeactivation from './migrations/2026_12_07_1300_add_user_deactivation.js'
import * as accountSecurity from './migrations/2026_12_07_1500_account_security.js'
import * as addViewRollups from './migrations/2026_12_07_1600_add_view_rollups_and_cleanup_indexes.js'
import * as createWebhooks from './migrations/2026_12_08_1000_create_webhooks.js'
import * as newsroomPeopleAndLists from './migrations/2026_12_08_1200_newsroom_people_and_list_indexes.js'
import * as addImportFingerprint from './migrations/2026_12_08_1300_add_import_fingerprint.js'
import * as createNewsroomSearch from './migrations/2026_12_09_1000_create_newsroom_search.js'
import * as createImports from './migrations/2026_12_09_1100_create_imports.js'
import * as indexWireItemsArticle from './migrations/2026_12_10_1000_index_wire_items_article.js'
import * as indexChosenSections from './migrations/2026_12_10_2000_index_chosen_sections.js'
import * as splitSearchVectors from './migrations/2026_12_11_1000_split_search_vectors.js'
import * as createListSearch from './migrations/2026_12_12_1000_create_list_search.js'
import * as indexPrimaryLinks from './migrations/2026_12_13_1000_index_primary_links.js'
import * as createStoryCounts from './migrations/2026_12_14_1000_create_story_counts.js'
import * as createListCounts from './migrations/2026_12_14_1100_create_list_counts.js'
import * as listSearchPrefixes from './migrations/2026_12_15_1000_list_search_prefixes.js'

/** Every migration, in order. Listed explicitly: greppable wiring beats directory scanning. */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_27_1100_create_content': createContent,
  '2026_11_27_1200_create_search_index': createSearchIndex,
  '2026_11_27_1300_create_media_variants': createMediaVariants,
  '2026_11_27_1400_create_jobs': createJobs,
  '2026_11_28_0900_create_auth': createAuth,
  '2026_11_28_0910_create_newsroom_indexes': createNewsroomIndexes,
  '2026_11_28_1000_create_reader_mail': createReaderMail,
  '2026_11_28_1100_create_corrections_and_previews': createCorrectionsAndPreviews,
  '2026_12_06_1500_add_audit_actor': addAuditActor,
  '2026_12_07_1000_create_wire': createWire,
  '2026_12_07_1100_create_import_keys': createImportKeys,
  '2026_12_07_1200_create_integrations': createIntegrations,
  '2026_12_07_1300_add_user_deactivation': addUserDeactivation,
  '2026_12_07_1500_account_security': accountSecurity,
  '2026_12_07_1600_add_view_rollups_and_cleanup_indexes': addViewRollups,
  '2026_12_08_1000_create_webhooks': createWebhooks,
  '2026_12_08_1200_newsroom_people_and_list_indexes': newsroomPeopleAndLists,
  '2026_12_08_1300_add_import_fingerprint': addImportFingerprint,
  '2026_12_09_1000_create_newsroom_search': createNewsroomSearch,
  '2026_12_09_1100_create_imports': createImports,
  '2026_12_10_1000_index_wire_items_article': indexWireItemsArticle,
  '2026_12_10_2000_index_chosen_sections': indexChosenSections,
  '2026_12_11_1000_split_search_vectors': splitSearchVectors,
  '2026_12_12_1000_create_list_search': createListSearch,
  '2026_12_13_1000_index_primary_links': indexPrimaryLinks,
  '2026_12_14_1000_create_story_counts': createStoryCounts,
  '2026_12_14_1100_create_list_counts': createListCounts,
  '2026_12_15_1000_list_search_prefixes': listSearchPrefixes,
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) }

export interface MigrationReport {
  applied: string[]
}

/**
 * Bring the schema up to date. Each migration runs in a transaction on both dialects,
 * so one interrupted half-way is rolled back and simply runs again next time.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    const message = error instanceof Error ? error.message : JSON.stringify(error)
    throw new AppError('DATABASE_UNAVAILABLE', `migration ${failed} failed: ${message}`, {
      cause: error,
    })
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  }
}

/** The names of every migration this build knows, in order. */
export function knownMigrations(): string[] {
  return Object.keys(MIGRATIONS)
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider })
  const all = await migrator.getMigrations()
  return all.filter((m) => !m.executedAt).map((m) => m.name)
}

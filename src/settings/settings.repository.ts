import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { DEFAULT_SETTINGS, type SettingKey, type SiteSettings } from './settings.js'

type Db = Kysely<Database>

/** All settings, stored values over defaults. Unknown keys and unreadable values are ignored. */
export async function findSettings(db: Db): Promise<SiteSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute()
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const row of rows) {
    if (!(row.key in DEFAULT_SETTINGS)) continue
    try {
      settings[row.key] = JSON.parse(row.value) as unknown
    } catch {
      // A hand-edited, unparsable value falls back to the default rather than breaking the site.
    }
  }
  return settings as unknown as SiteSettings
}

export async function upsertSetting<K extends SettingKey>(
  db: Db,
  key: K,
  value: SiteSettings[K],
  now: number,
): Promise<void> {
  const json = JSON.stringify(value)
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
    .execute()
}

/** Validate and save the site settings form; returns the keys that changed. */
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { Database } from '../db/database.js'
import { validationError } from '../errors.js'
import type { EventSink } from '../events.js'
import type { SettingKey, SiteSettings, SocialProfiles } from './settings.js'
import { findSettings, upsertSetting } from './settings.repository.js'

export type SettingsPatch = Partial<
  Pick<
    SiteSettings,
    | 'title'
    | 'tagline'
    | 'logoUrl'
    | 'faviconUrl'
    | 'timeZone'
    | 'locale'
    | 'dateFormat'
    | 'contactEmail'
    | 'social'
    | 'commentPolicy'
  >
>

const URLISH = /^(\/[^\s]*|https?:\/\/[^\s]+)?$/
const SOCIAL: (keyof SocialProfiles)[] = [
  'facebook',
  'x',
  'instagram',
  'youtube',
  'linkedin',
  'pinterest',
]

export async function updateSiteSettings(
  deps: { db: Kysely<Database>; clock: Clock; events?: EventSink | undefined },
  patch: SettingsPatch,
): Promise<SettingKey[]> {
  check(patch)
  const current = await findSettings(deps.db)
  const now = deps.clock.now().getTime()
  const changed: SettingKey[] = []
  for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
    if (value === undefined || JSON.stringify(current[key]) === JSON.stringify(value)) continue
    await upsertSetting(deps.db, key, value as never, now)
    changed.push(key)
  }
  if (changed.length > 0) deps.events?.emit({ type: 'settings.changed', keys: changed })
  return changed
}

function check(patch: SettingsPatch): void {
  if (patch.title !== undefined && (!patch.title.trim() || patch.title.length > 200))
    throw validationError('title', 'the site title must be 1 to 200 characters')
  if (patch.tagline !== undefined && patch.tagline.length > 200)
    throw validationError('tagline', 'the tagline must be at most 200 characters')
  for (const key of ['logoUrl', 'faviconUrl'] as const) {
    const value = patch[key]
    if (value !== undefined && !URLISH.test(value))
      throw validationError(key, 'use a path starting with / or an http(s) URL')
  }
  if (patch.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: patch.timeZone })
    } catch {
      throw validationError('timeZone', `${patch.timeZone} is not a time zone (e.g. Europe/London)`)
    }
  }
  if (patch.locale !== undefined) {
    try {
      Intl.getCanonicalLocales(patch.locale)
    } catch {
      throw validationError('locale', `${patch.locale} is not a locale (e.g. en-GB)`)
    }
  }
  if (patch.dateFormat !== undefined && !['long', 'medium', 'short'].includes(patch.dateFormat))
    throw validationError('dateFormat', 'choose long, medium or short')
  if (patch.contactEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(patch.contactEmail))
    throw validationError('contactEmail', 'the contact email does not look like an address')
  if (
    patch.commentPolicy !== undefined &&
    !['hold-all', 'hold-first', 'publish'].includes(patch.commentPolicy)
  )
    throw validationError('commentPolicy', 'choose a comment policy')
  for (const key of SOCIAL) {
    const value = patch.social?.[key]
    if (value && !/^https?:\/\/[^\s]+$/.test(value))
      throw validationError(`social.${key}`, `the ${key} link must be an http(s) URL`)
  }
}

export { SOCIAL as SOCIAL_NETWORKS }

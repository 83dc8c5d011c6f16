/** Site settings: the settings form, ad slots, and reading them. */
import { recordAudit, requirePermission, type Actor } from '../auth/index.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import type { AdSlot, SettingKey, SiteSettings, SocialProfiles } from './settings.js'
import * as settings from './settings.repository.js'

/** Any settings to change; absent keys keep their value. */
export type SettingsPatch = Partial<SiteSettings>

const URLISH = /^(\/[^\s]*|https?:\/\/[^\s]+)?$/
const SOCIAL: (keyof SocialProfiles)[] = [
  'facebook',
  'x',
  'instagram',
  'youtube',
  'linkedin',
  'pinterest',
]

/** All settings, stored values over defaults. */
export function findSettings(deps: Pick<Kernel, 'db'>): Promise<SiteSettings> {
  return settings.findSettings(deps.db)
}

/**
 * Validate and save settings as `actor` (an administrator); returns the keys that changed and
 * announces them. Ad slots take the `adSlots.manage` right as well.
 * @example await updateSiteSettings(deps, userActor(admin), { title: 'The Gazette', timeZone: 'Europe/Paris' })
 */
export async function updateSiteSettings(
  deps: Kernel,
  actor: Actor,
  patch: SettingsPatch,
): Promise<SettingKey[]> {
  requirePermission(actor, 'settings.manage')
  if (patch.adSlots !== undefined) requirePermission(actor, 'adSlots.manage')
  if (patch.requireTwoFactor !== undefined && actor.role !== 'owner')
    throw new AppError('FORBIDDEN', 'Only the owner decides who must use two-factor sign-in.')
  check(patch)
  return transact(deps, async (tx) => {
    const current = await settings.findSettings(tx.db)
    const now = tx.clock.now().getTime()
    const changed: SettingKey[] = []
    for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
      if (value === undefined || JSON.stringify(current[key]) === JSON.stringify(value)) continue
      await settings.upsertSetting(tx.db, key, value as never, now)
      changed.push(key)
    }
    if (changed.length === 0) return changed
    await recordAudit(tx, actor, {
      action: 'settings.update',
      subjectType: 'settings',
      details: { keys: changed },
    })
    tx.events.emit({ type: 'settings.changed', keys: changed })
    return changed
  })
}

/** Set (or, with `null`, remove) one ad slot's content. */
export async function setAdSlot(
  deps: Kernel,
  actor: Actor,
  slot: string,
  content: AdSlot | null,
): Promise<void> {
  requirePermission(actor, 'adSlots.manage')
  if (!/^[a-z0-9-]{1,50}$/.test(slot))
    throw validationError('slot', 'slot must be a short lowercase name')
  await transact(deps, async (tx) => {
    const { adSlots } = await settings.findSettings(tx.db)
    const next = { ...adSlots }
    if (content) next[slot] = content
    else delete next[slot]
    await updateSiteSettings(tx, actor, { adSlots: next })
  })
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

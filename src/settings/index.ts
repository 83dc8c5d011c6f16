/** Site settings and menus. */
export {
  DEFAULT_SETTINGS,
  type AdSlot,
  type SettingKey,
  type SiteSettings,
  type SocialProfiles,
} from './settings.js'
/** Read all settings (stored values over defaults). */
export { findSettings, upsertSetting } from './settings.repository.js'
/**
 * Validate and save the site settings form (emits settings.changed for what changed).
 * @example await updateSiteSettings({ db, clock, events }, { title: 'The Gazette', timeZone: 'Europe/Paris' })
 */
export { SOCIAL_NETWORKS, updateSiteSettings, type SettingsPatch } from './site-settings.service.js'
/** Read or replace a menu by location ('primary', 'footer'). */
export {
  findMenuItems,
  reorderMenuItems,
  replaceMenu,
  type MenuItem,
  type NewMenuItem,
} from './menu.repository.js'
/**
 * The site's signing secret, made at first use and stored in the settings table.
 * @example const secret = await findOrCreateSiteSecret(db, Date.now())
 */
export { findOrCreateSiteSecret } from './site-secret.repository.js'
/**
 * HMAC-signed tokens for emailed links and form stamps, with a purpose and optional expiry.
 * @example const token = signToken(secret, 'newsletter-confirm', 'ann@example.com', Date.now() + 3 * 86_400_000)
 */
export { signToken, verifyToken, type VerifiedToken } from './signed-token.js'

/** Site settings, menus and the site's signing secret. */
export {
  DEFAULT_SETTINGS,
  type AdSlot,
  type SettingKey,
  type SiteSettings,
  type SocialProfiles,
} from './settings.js'
/**
 * Read all settings (stored values over defaults); change them as an administrator (emits
 * settings.changed for what changed).
 * @example await updateSiteSettings(deps, userActor(admin), { title: 'The Gazette', timeZone: 'Europe/Paris' })
 */
export {
  findSettings,
  setAdSlot,
  SOCIAL_NETWORKS,
  updateSiteSettings,
  type SettingsPatch,
} from './site-settings.service.js'
/** Read, replace or reorder a menu by location ('primary', 'footer'). */
export {
  findMenuItems,
  importMenu,
  reorderMenu,
  replaceMenu,
  type MenuImportOutcome,
} from './menu.service.js'
export type { MenuItem, NewMenuItem, NewMenuTreeItem } from './menu.repository.js'
/**
 * The site's signing secret, made at first use and stored in the settings table.
 * @example const secret = await siteSecret(deps)
 */
export { siteSecret } from './site-secret.service.js'
/**
 * HMAC-signed tokens for emailed links and form stamps, with a purpose and optional expiry.
 * @example const token = signToken(secret, 'newsletter-confirm', 'ann@example.com', Date.now() + 3 * 86_400_000)
 */
export { signToken, verifyToken, type VerifiedToken } from './signed-token.js'

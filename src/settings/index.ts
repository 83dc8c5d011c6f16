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
/** Read or replace a menu by location ('primary', 'footer'). */
export { findMenuItems, replaceMenu, type MenuItem, type NewMenuItem } from './menu.repository.js'

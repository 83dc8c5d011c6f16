/** Site settings: typed, with defaults for every key, stored as JSON values by key. */
export interface AdSlot {
  /** Raw HTML from an administrator (trusted: only admins may set it). */
  html?: string
  imageUrl?: string
  linkUrl?: string
  alt?: string
}

export interface SocialProfiles {
  facebook?: string
  x?: string
  instagram?: string
  pinterest?: string
  youtube?: string
  linkedin?: string
}

export interface SiteSettings {
  title: string
  tagline: string
  description: string
  logoUrl: string
  faviconUrl: string
  locale: string
  /** How reader pages write dates: 'long' (17 November 2026), 'medium' (17 Nov 2026), 'short' (17/11/2026). */
  dateFormat: 'long' | 'medium' | 'short'
  timeZone: string
  contactEmail: string
  social: SocialProfiles
  adSlots: Record<string, AdSlot>
  commentPolicy: 'hold-all' | 'hold-first' | 'publish'
  commentDepth: number
  /** Comments close this many days after publication (0 = never). */
  commentsCloseAfterDays: number
  /** Comments with more links than this wait for moderation. */
  commentMaxLinks: number
  /** Comments and contact messages containing any of these words go to spam. */
  blockedWords: string[]
  /** Forms sent sooner than this after the page was rendered are refused (bots fill instantly). */
  formMinSeconds: number
  /** Digest schedule: every day, every Monday, or none. */
  newsletterDigest: 'daily' | 'weekly' | 'off'
  /** Hour (0–23, in the site's time zone) the digest goes out. */
  newsletterHour: number
  /** Newsletter mails sent per minute at most. */
  newsletterPerMinute: number
  postsPerPage: number
  newsletterBlurb: string
  footerNewsletterBlurb: string
  /** What feeds carry for each story: the whole body, or only its excerpt. */
  feedContent: 'full' | 'excerpt'
  /** Owner's choice: editors, admins and the owner must sign in with a second factor. */
  requireTwoFactor: boolean
}

export const DEFAULT_SETTINGS: SiteSettings = {
  title: 'Broadsheet',
  tagline: 'News you can trust',
  description: 'Independent news, analysis and features.',
  logoUrl: '',
  faviconUrl: '',
  locale: 'en-GB',
  dateFormat: 'long',
  timeZone: 'Europe/London',
  contactEmail: '',
  social: {},
  adSlots: {},
  commentPolicy: 'hold-first',
  commentDepth: 4,
  commentsCloseAfterDays: 0,
  commentMaxLinks: 2,
  blockedWords: [],
  formMinSeconds: 3,
  newsletterDigest: 'daily',
  newsletterHour: 7,
  newsletterPerMinute: 300,
  postsPerPage: 10,
  newsletterBlurb: 'Get the latest news, analysis and features in your inbox.',
  footerNewsletterBlurb: 'The day’s most important stories, every morning.',
  feedContent: 'full',
  requireTwoFactor: false,
}

export type SettingKey = keyof SiteSettings

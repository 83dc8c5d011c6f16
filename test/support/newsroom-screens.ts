/**
 * Every newsroom screen an owner reaches from the sidebar, for checks that must cover them all
 * (the CSP browser test, the audit's Lighthouse runs). A story's editor is added by each check.
 */
export const NEWSROOM_SCREENS = [
  '/admin/dashboard',
  '/admin/articles',
  '/admin/articles/new',
  '/admin/comments',
  '/admin/contact',
  '/admin/media',
  '/admin/newsletter',
  '/admin/outbox',
  '/admin/sessions',
  '/admin/site',
  '/admin/sections',
  '/admin/subscribers',
  '/admin/users',
  '/admin/settings',
  '/admin/integrations',
  '/admin/wire',
  '/admin/profile',
  '/admin/menus',
  '/admin/tags',
  '/admin/import',
  '/admin/audit',
  '/admin/account/two-factor',
]

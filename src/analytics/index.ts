/** Privacy-friendly view counting: per-article hourly aggregates, no cookies, no IP, no personal data. */
export { recordViews } from './record-views.js'
/** Buffer views in memory and flush them as hourly aggregates. */
export { ViewBuffer } from './view-buffer.js'
/** One view per reader and story per day (hashed IP + User-Agent + day), bursts refused. */
export { ViewGate, VIEW_GATE_RULES, type ViewGateRules, type ViewVerdict } from './view-gate.js'
/** Recognise crawlers and scripts so they don't count as readers. */
export { isBot } from './bots.js'
/**
 * Views per day (site time zone) and the most-read stories, for the newsroom dashboard.
 * @example await viewStats({ db, clock }, { days: 30, timeZone: 'Europe/London' })
 */
export { viewStats, type ViewStats } from './view-stats.service.js'
/**
 * Housekeeping: hourly counts past two weeks fold into daily rollups, kept for good.
 * @example await rollUpPageViews(services, systemActor('clean-up'))
 */
export { HOURLY_VIEW_RETENTION_MS, listDailyViews, rollUpPageViews } from './roll-up-views.js'

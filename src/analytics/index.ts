/** Privacy-friendly view counting: per-article hourly aggregates, no personal data. */
export { addViews } from './page-view.repository.js'

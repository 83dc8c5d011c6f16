/** User agents of crawlers, previewers, monitors and scripts: their requests are not reader views. */
const BOT =
  /bot|crawl|spider|slurp|preview|fetch|monitor|scan|curl|wget|python|java\/|go-http|node-fetch|axios|headless|lighthouse|facebookexternalhit|embedly|whatsapp|telegram|discord|pingdom|uptime|feed|rss/i

/** True when the user agent is missing or looks automated. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || userAgent.length < 10 || BOT.test(userAgent)
}

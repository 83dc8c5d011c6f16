/**
 * Shared Intl.DateTimeFormat instances. Building a formatter costs tens of microseconds (it
 * loads locale data); formatting with one is cheap. A page formats dozens of dates, so each
 * distinct (locale, options) pair is built once per process. The memo only grows with the
 * handful of locale/time-zone/option combinations the site uses.
 */
const formatters = new Map<string, Intl.DateTimeFormat>()

export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options)
    if (formatters.size < 200) formatters.set(key, formatter)
  }
  return formatter
}

/**
 * What every newsroom page knows about the site without each route passing it down: its name,
 * public address, and its locale and time zone for dates and numbers. `sendPage` provides it.
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { siteFormats, type SiteFormats } from '../locale-format.js'

export interface Chrome {
  /** The request's path, so the navigation can mark where you are. */
  path: string
  siteTitle: string
  publicUrl: string
  formats: SiteFormats
  /** Numbers shown beside navigation entries, by href (items waiting on the wire desk). */
  navCounts?: Readonly<Record<string, number>>
}

const FALLBACK: Chrome = {
  path: '',
  siteTitle: 'Broadsheet',
  publicUrl: '/',
  formats: siteFormats({ locale: 'en-GB', timeZone: 'UTC' }),
}

export const ChromeContext = createContext<Chrome>(FALLBACK)

export function useChrome(): Chrome {
  return useContext(ChromeContext)
}

/** A date (and time) in the site's locale and zone, machine-readable in `datetime`. */
export function When({ date, time = true }: { date: Date; time?: boolean }) {
  const { formats } = useChrome()
  return (
    <time datetime={date.toISOString()}>{time ? formats.dateTime(date) : formats.date(date)}</time>
  )
}

/** A whole number with the locale's grouping (2,302 views, never 2301.65). */
export function Count({ value }: { value: number }) {
  return <>{useChrome().formats.count(value)}</>
}

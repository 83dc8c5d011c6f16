/**
 * Preact contexts that carry the site view and the (possibly overridden) components to every
 * template, so components don't pass settings down by hand and a theme can swap any of them.
 */
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { ThemeComponents } from './components/registry.js'
import type { SiteView } from './site-view.js'

export const SiteContext = createContext<SiteView | null>(null)
export const ComponentsContext = createContext<ThemeComponents | null>(null)

export function useSite(): SiteView {
  const site = useContext(SiteContext)
  if (!site) throw new Error('useSite() outside a rendered page')
  return site
}

export function useComponents(): ThemeComponents {
  const components = useContext(ComponentsContext)
  if (!components) throw new Error('useComponents() outside a rendered page')
  return components
}

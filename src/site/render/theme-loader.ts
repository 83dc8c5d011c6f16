/**
 * Theme overrides from `THEME_DIR` (config.themeDir), loaded once at start-up:
 *
 * - `THEME_DIR/components/<name>.js` replaces a built-in component (`footer.js`,
 *   `article-card.js`, … see theme/components/registry.ts; file names are kebab-case).
 * - `THEME_DIR/templates/<name>.js` adds or replaces a page template (`post.js`,
 *   `post-<slug>.js`, `section-<slug>.js`, `error-404.js`, `error-4xx.js`, …).
 * - `THEME_DIR/theme.css` is appended to the site's stylesheet.
 *
 * Each `.js` file is an ES module exporting `override(api)`, which returns a Preact function
 * component. `api` carries `h` and `Fragment` (so the file needs no imports), `builtIn` (the
 * component or template it replaces, to wrap it) and the `useSite` / `useComponents` hooks.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Fragment, h, type FunctionComponent } from 'preact'
import { AppError } from '../../errors.js'
import {
  BUILT_IN_COMPONENTS,
  type ComponentName,
  type ThemeComponents,
} from '../theme/components/registry.js'
import { BUILT_IN_TEMPLATES } from '../theme/pages/templates.js'
import { useComponents, useSite } from '../theme/theme-context.js'

export interface Theme {
  components: ThemeComponents
  templates: ReadonlyMap<string, FunctionComponent<any>>
  /** Extra CSS from `THEME_DIR/theme.css`, appended after ours. */
  css: string
}

export interface OverrideApi {
  h: typeof h
  Fragment: typeof Fragment
  builtIn: FunctionComponent<any> | undefined
  useSite: typeof useSite
  useComponents: typeof useComponents
}

/** The built-in theme with any overrides found in `themeDir`. */
export async function loadTheme(themeDir?: string): Promise<Theme> {
  const components: Record<string, FunctionComponent<any>> = { ...BUILT_IN_COMPONENTS }
  const templates = new Map<string, FunctionComponent<any>>(Object.entries(BUILT_IN_TEMPLATES))
  if (!themeDir) return { components: components as ThemeComponents, templates, css: '' }
  if (!fs.existsSync(themeDir))
    throw new AppError('CONFIG_INVALID', `THEME_DIR ${themeDir} does not exist`)

  for (const [name, file] of moduleFiles(path.join(themeDir, 'components'))) {
    const key = camelCase(name)
    if (!(key in BUILT_IN_COMPONENTS)) {
      const known = Object.keys(BUILT_IN_COMPONENTS).map(kebabCase).join(', ')
      throw new AppError(
        'CONFIG_INVALID',
        `theme component ${file}: unknown name (one of ${known})`,
      )
    }
    components[key] = await loadOverride(file, BUILT_IN_COMPONENTS[key as ComponentName])
  }
  for (const [name, file] of moduleFiles(path.join(themeDir, 'templates'))) {
    const base = templates.get(name) ?? templates.get(name.split('-')[0] ?? '')
    templates.set(name, await loadOverride(file, base))
  }
  const cssFile = path.join(themeDir, 'theme.css')
  const css = fs.existsSync(cssFile) ? fs.readFileSync(cssFile, 'utf8') : ''
  return { components: components as ThemeComponents, templates, css }
}

function moduleFiles(dir: string): [string, string][] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((f) => /^[a-z0-9-]+\.(js|mjs)$/.test(f))
    .sort()
    .map((f) => [f.replace(/\.(js|mjs)$/, ''), path.join(dir, f)])
}

async function loadOverride(
  file: string,
  builtIn: FunctionComponent<any> | undefined,
): Promise<FunctionComponent<any>> {
  const mod = (await import(pathToFileURL(file).href)) as { override?: unknown }
  if (typeof mod.override !== 'function')
    throw new AppError('CONFIG_INVALID', `theme file ${file} must export a function "override"`)
  const api: OverrideApi = { h, Fragment, builtIn, useSite, useComponents }
  const component = (mod.override as (api: OverrideApi) => unknown)(api)
  if (typeof component !== 'function')
    throw new AppError('CONFIG_INVALID', `override() in ${file} must return a component function`)
  return component as FunctionComponent<any>
}

function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

function kebabCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}

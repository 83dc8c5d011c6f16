// Bundle the newsroom's browser scripts (admin-client/) into dist/admin-assets/ with esbuild.
// Runs inside `npm run build`, so `npm install` (prepare) and `npm start` (prestart) make it.
import { existsSync } from 'node:fs'
import { build } from 'esbuild'

const entries = [
  'editor',
  'media-library',
  'dashboard',
  'menus',
  'shell',
  'import-progress',
].filter((name) => existsSync(`admin-client/${name}.ts`))

await build({
  entryPoints: entries.map((name) => `admin-client/${name}.ts`),
  outdir: 'dist/admin-assets',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
})

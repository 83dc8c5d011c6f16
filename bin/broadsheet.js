#!/usr/bin/env node
// The CLI is TypeScript compiled to dist/ by `npm install` (prepare) and `npm start` (prestart).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli', 'main.js')
if (!existsSync(entry)) {
  console.error(
    'broadsheet: not built yet: run "npm install" (or "npm run build") in the project folder',
  )
  process.exit(1)
}
await import(entry)

import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { systemActor } from '../../../src/auth/index.js'
import { exportGhost, exportWordPress, runImport } from '../../../src/importers/index.js'
import type { Services } from '../../../src/services.js'
import { findMenuItems, replaceMenu } from '../../../src/settings/index.js'
import { testServices } from '../../support/kernel.js'
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../support/test-database.js'

const WXR = path.resolve('test/fixtures/importers/wordpress/ledger-1.2.xml')
const GHOST = path.resolve('test/fixtures/importers/ghost/tide-5.x-envelope.json')
const ACTOR = systemActor('wordpress-import')

async function menu(services: Services, location: string) {
  const items = await findMenuItems(services, location)
  const label = new Map(items.map((i) => [i.id, i.label]))
  return items.map((i) => ({
    label: i.label,
    url: i.url,
    parent: i.parentId === null ? null : label.get(i.parentId),
  }))
}

async function exportTo(services: Services, file: string, format: 'wordpress' | 'ghost') {
  const out = fs.createWriteStream(file)
  await (format === 'wordpress' ? exportWordPress : exportGhost)(services, out)
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  )
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: menus come across`, () => {
    let t: TestDatabase
    let services: Services

    beforeEach(async () => {
      t = await createTestDatabase(dialect)
      services = testServices({ db: t.db, dialect, dataDir: t.dataDir })
    })
    afterEach(() => t.destroy())

    it('imports a WordPress nav menu with its tree, once', async () => {
      const report = await runImport(services, ACTOR, 'wordpress', WXR)

      expect(report.counts.menus).toEqual({ imported: 1, updated: 0, skipped: 0, failed: 0 })
      expect(report.ignored.menus).toBeUndefined()
      expect(await menu(services, 'primary')).toEqual([
        { label: 'Old site', url: 'https://archive.example.org/ledger/', parent: null },
        { label: 'About the Ledger', url: '/about/', parent: null },
        { label: 'Council', url: '/council/', parent: 'About the Ledger' },
      ])
      const again = await runImport(services, ACTOR, 'wordpress', WXR)
      expect(again.counts.menus).toEqual({ imported: 0, updated: 0, skipped: 1, failed: 0 })
      expect(await findMenuItems(services, 'primary')).toHaveLength(3)
    })

    it('keeps a menu the newsroom made, and says so', async () => {
      await replaceMenu(services, ACTOR, {
        location: 'primary',
        name: 'Ours',
        items: [{ label: 'Home', url: '/' }],
      })
      const report = await runImport(services, ACTOR, 'wordpress', WXR)

      expect(report.counts.menus).toEqual({ imported: 0, updated: 0, skipped: 1, failed: 0 })
      expect(report.warnings.some((w) => /primary menu made here was kept/.test(w.message))).toBe(
        true,
      )
      expect(await menu(services, 'primary')).toEqual([{ label: 'Home', url: '/', parent: null }])
    })

    it('imports Ghost navigation as the primary menu', async () => {
      const report = await runImport(services, systemActor('ghost-import'), 'ghost', GHOST)

      expect(report.counts.menus.imported).toBe(1)
      expect(await menu(services, 'primary')).toEqual([
        { label: 'Home', url: '/', parent: null },
        { label: 'Weather', url: '/tag/weather/', parent: null },
      ])
      expect(await findMenuItems(services, 'footer')).toEqual([])
    })

    it('exports menus to WXR and Ghost JSON, and they come back', async () => {
      await runImport(services, ACTOR, 'wordpress', WXR)
      await replaceMenu(services, ACTOR, {
        location: 'footer',
        name: 'Footer',
        items: [{ label: 'Contact', url: '/contact/' }],
      })
      const wxr = path.join(t.dataDir, 'menus.xml')
      const json = path.join(t.dataDir, 'menus.json')
      await exportTo(services, wxr, 'wordpress')
      await exportTo(services, json, 'ghost')
      const primary = await menu(services, 'primary')
      const footer = await menu(services, 'footer')

      const b = await createTestDatabase(dialect)
      try {
        const other = testServices({ db: b.db, dialect, dataDir: b.dataDir })
        const report = await runImport(other, ACTOR, 'wordpress', wxr)
        expect(report.counts.menus.imported).toBe(2)
        expect(await menu(other, 'primary')).toEqual(primary)
        expect(await menu(other, 'footer')).toEqual(footer)
      } finally {
        await b.destroy()
      }
      const c = await createTestDatabase(dialect)
      try {
        const other = testServices({ db: c.db, dialect, dataDir: c.dataDir })
        await runImport(other, systemActor('ghost-import'), 'ghost', json)
        // Ghost menus are flat: the sub-item follows its parent.
        expect(await menu(other, 'primary')).toEqual(primary.map((i) => ({ ...i, parent: null })))
        expect(await menu(other, 'footer')).toEqual(footer)
      } finally {
        await c.destroy()
      }
    })
  })
}

/**
 * The front door holds in lint: an entry point that reaches past the use cases fails `npm run
 * lint`, as does a domain index.ts that exports a repository.
 */
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

// The probes are not files of the project, so lint them without type information: the rules
// under test read imports and syntax only.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [tseslint.configs.disableTypeChecked],
})

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`)
}

describe('lint: the domain front door', () => {
  it('refuses an entry point importing the Database type, even type-only', async () => {
    const found = await problems(
      'src/admin/lint-probe.ts',
      "import type { Database } from '../db/database.js'\nexport type Probe = Database\n",
    )
    expect(found.join('\n')).toMatch(/never repositories or the Database type/)
  })

  it('refuses an entry point importing a repository', async () => {
    const found = await problems(
      'src/site/lint-probe.ts',
      "import { findSettings } from '../settings/settings.repository.js'\nexport const probe = findSettings\n",
    )
    expect(found.join('\n')).toMatch(/never repositories or the Database type/)
  })

  it('refuses an entry point that touches the database, the audit log or events itself', async () => {
    const found = await problems(
      'src/cli/lint-probe.ts',
      [
        "import type { Kernel } from '../kernel.js'",
        'export function probe(deps: Kernel): unknown {',
        "  deps.events.emit({ type: 'settings.changed', keys: [] })",
        '  return deps.db',
        '}',
        '',
      ].join('\n'),
    )
    expect(found.join('\n')).toMatch(/never reach for the database handle/)
    expect(found.join('\n')).toMatch(/announce their own events/)
  })

  it('refuses a domain index.ts exporting a repository, and accepts its types', async () => {
    const refused = await problems(
      'src/settings/index.ts',
      "export { findSettings } from './settings.repository.js'\n",
    )
    expect(refused.join('\n')).toMatch(/wrap the repository read/)
    const types = await problems(
      'src/settings/index.ts',
      "export type { MenuItem } from './menu.repository.js'\n",
    )
    expect(types.join('\n')).not.toMatch(/wrap the repository read/)
  })
})

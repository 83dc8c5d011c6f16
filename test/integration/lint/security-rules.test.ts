/**
 * The security lint rules (issue 17) fire: code from strings, `javascript:` URLs, raw SQL and
 * HTML string sinks fail `npm run lint` in the server and in the newsroom's browser scripts.
 */
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

// Probes are not project files: lint them without type information (these rules read syntax).
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [tseslint.configs.disableTypeChecked],
})

async function rules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('lint: security rules', () => {
  const cases: [string, string, string][] = [
    ['eval', 'export const run = (s: string): unknown => eval(s)\n', 'no-eval'],
    ['new Function', "export const make = (s: string) => new Function('x', s)\n", 'no-new-func'],
    ['a javascript: URL', "export const href = 'javascript:alert(1)'\n", 'no-script-url'],
    [
      'sql.raw',
      "import { sql } from 'kysely'\nexport const where = (s: string) => sql.raw(s)\n",
      'no-restricted-properties',
    ],
  ]
  for (const [what, code, rule] of cases) {
    it(`refuses ${what} in the server`, async () => {
      expect(await rules('src/content/lint-probe.ts', code)).toContain(rule)
    })
  }

  for (const sink of [
    'el.innerHTML = s',
    'el.outerHTML = s',
    "el.insertAdjacentHTML('beforeend', s)",
    'document.write(s)',
  ]) {
    it(`refuses the HTML sink ${sink.split(/[ =(]/)[0]} in a newsroom script`, async () => {
      const code = `export function put(el: HTMLElement, s: string): void {\n  ${sink}\n}\n`
      expect(await rules('admin-client/lint-probe.ts', code)).toContain('no-restricted-properties')
    })
  }

  it('accepts building nodes and parameterised SQL', async () => {
    const code = [
      "import { sql } from 'kysely'",
      'export const where = (s: string) => sql`title = ${s}`',
      'export function put(el: HTMLElement, s: string): void {',
      '  el.textContent = s',
      '}',
      '',
    ].join('\n')
    expect(await rules('src/content/lint-probe.ts', code)).toEqual([])
  })
})

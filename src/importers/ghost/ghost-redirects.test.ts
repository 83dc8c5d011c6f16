import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseGhostRedirects } from './ghost-redirects.js'

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/importers/ghost/${name}`, import.meta.url), 'utf8')

describe('parseGhostRedirects', () => {
  it('reads redirects.yaml: 301s permanent, 302s not, patterns skipped', () => {
    expect(parseGhostRedirects(fixture('redirects.yaml'), 'redirects.yaml')).toEqual([
      { kind: 'redirect', from: '/old-ferry-story/', to: '/storm-closes-ferry/', permanent: true },
      { kind: 'redirect', from: '/2019/tides/', to: '/tag/weather/', permanent: true },
      {
        kind: 'skipped',
        what: 'redirect',
        sourceId: '^/temp/(.*)$',
        reason: 'a pattern, not a path',
      },
    ])
  })

  it('reads redirects.json', () => {
    expect(parseGhostRedirects(fixture('redirects.json'), 'redirects.json')).toEqual([
      { kind: 'redirect', from: '/gone/', to: '/', permanent: false },
      { kind: 'redirect', from: '/moved/', to: 'https://elsewhere.example.org/', permanent: true },
    ])
  })

  it('refuses anything else in one line', () => {
    expect(() => parseGhostRedirects('hello: world', 'r.yaml')).toThrow(
      'r.yaml is not a Ghost redirects file: expected a JSON list or 301:/302: YAML',
    )
    expect(() => parseGhostRedirects('[oops', 'r.json')).toThrow(/not a Ghost redirects file/)
  })
})

import { describe, expect, it } from 'vitest'
import { resolveTemplate, templateCandidates } from './templates.js'

describe('templateCandidates', () => {
  it('tries the slug-specific post template before the generic one', () => {
    expect(templateCandidates({ kind: 'post', slug: 'budget-vote' })).toEqual([
      'post-budget-vote',
      'post',
    ])
  })

  it('falls back from the exact error status to its class, then to error', () => {
    expect(templateCandidates({ kind: 'error', status: 404 })).toEqual([
      'error-404',
      'error-4xx',
      'error',
    ])
    expect(templateCandidates({ kind: 'error', status: 503 })).toEqual([
      'error-503',
      'error-5xx',
      'error',
    ])
  })

  it('has a single candidate for pages without a slug', () => {
    expect(templateCandidates({ kind: 'home' })).toEqual(['home'])
  })
})

describe('resolveTemplate', () => {
  const available = (names: string[]) => (name: string) => names.includes(name)

  it('picks the most specific template that exists', () => {
    const candidates = templateCandidates({ kind: 'error', status: 404 })
    expect(resolveTemplate(candidates, available(['error', 'error-4xx']))).toBe('error-4xx')
    expect(resolveTemplate(candidates, available(['error', 'error-404']))).toBe('error-404')
    expect(resolveTemplate(candidates, available(['error']))).toBe('error')
  })

  it('answers undefined when nothing matches', () => {
    expect(resolveTemplate(['post-x', 'post'], available(['page']))).toBeUndefined()
  })
})

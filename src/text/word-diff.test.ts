import { describe, expect, it } from 'vitest'
import { diffWords, tokenize } from './word-diff.js'

describe('diffWords', () => {
  it('keeps identical texts as one unchanged run', () => {
    expect(diffWords('The vote passed', 'The vote passed')).toEqual([
      { kind: 'same', text: 'The vote passed' },
    ])
  })

  it('marks a replaced word as removed then added', () => {
    expect(diffWords('The council voted yes today', 'The council voted no today')).toEqual([
      { kind: 'same', text: 'The council voted ' },
      { kind: 'removed', text: 'yes' },
      { kind: 'added', text: 'no' },
      { kind: 'same', text: ' today' },
    ])
  })

  it('finds insertions and deletions in the middle of a text', () => {
    const parts = diffWords('a b c d e', 'a c d x e')
    const removed = parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())
    const added = parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())
    expect(removed).toEqual(['b'])
    expect(added).toEqual(['x'])
  })

  it('rebuilds both texts from its parts', () => {
    const before = 'Ferries resume on Monday after the storm.'
    const after = 'Ferries will resume on Tuesday, after the long storm.'
    const parts = diffWords(before, after)
    const old = parts.filter((p) => p.kind !== 'added').map((p) => p.text)
    const next = parts.filter((p) => p.kind !== 'removed').map((p) => p.text)
    expect(old.join('')).toBe(before)
    expect(next.join('')).toBe(after)
  })

  it('handles empty texts', () => {
    expect(diffWords('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }])
    expect(diffWords('old', '')).toEqual([{ kind: 'removed', text: 'old' }])
    expect(tokenize('')).toEqual([])
  })
})

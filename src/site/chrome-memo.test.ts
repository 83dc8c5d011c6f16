import { describe, expect, it } from 'vitest'
import { fixedClock } from '../clock.js'
import { ChromeMemo } from './chrome-memo.js'

describe('ChromeMemo', () => {
  it('loads once until cleared or expired', async () => {
    const clock = fixedClock(new Date('2026-11-27T10:00:00Z'))
    const memo = new ChromeMemo(clock, 60_000)
    let loads = 0
    const load = async () => ++loads
    expect(await memo.get('menu', load)).toBe(1)
    expect(await memo.get('menu', load)).toBe(1)
    memo.clear()
    expect(await memo.get('menu', load)).toBe(2)
    clock.advance(59_999)
    expect(await memo.get('menu', load)).toBe(2)
    clock.advance(1)
    expect(await memo.get('menu', load)).toBe(3)
  })

  it('does not keep a failed load', async () => {
    const memo = new ChromeMemo(fixedClock(new Date()), 60_000)
    await expect(memo.get('menu', () => Promise.reject(new Error('db down')))).rejects.toThrow()
    expect(await memo.get('menu', async () => 'ok')).toBe('ok')
  })
})

import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../clock.js'
import { PostJsonMemo } from './post-json-memo.js'

describe('PostJsonMemo', () => {
  it('keeps a post until cleared or expired', () => {
    const clock = fixedClock(new Date('2026-12-07T10:00:00Z'))
    const memo = new PostJsonMemo(clock, 60_000, 10)
    memo.set('1|html', Buffer.from('{"id":"1"}'), memo.mark())
    expect(memo.get('1|html')?.toString()).toBe('{"id":"1"}')
    expect(memo.get('1|plaintext')).toBeUndefined()
    clock.advance(59_999)
    expect(memo.get('1|html')?.toString()).toBe('{"id":"1"}')
    clock.advance(1)
    expect(memo.get('1|html')).toBeUndefined()
    memo.set('2|html', Buffer.from('{"id":"2"}'), memo.mark())
    memo.clear()
    expect(memo.get('2|html')).toBeUndefined()
  })

  it('keeps nothing loaded before a purge that came while it loaded', () => {
    const memo = new PostJsonMemo(fixedClock(new Date()), 60_000, 10)
    const mark = memo.mark()
    memo.clear()
    memo.set('1|html', Buffer.from('{"title":"before the edit"}'), mark)
    expect(memo.get('1|html')).toBeUndefined()
    memo.set('1|html', Buffer.from('{"title":"after"}'), memo.mark())
    expect(memo.get('1|html')?.toString()).toBe('{"title":"after"}')
  })

  it('holds at most maxEntries, dropping the oldest', () => {
    const memo = new PostJsonMemo(fixedClock(new Date()), 60_000, 3)
    for (const id of [1, 2, 3, 4, 5]) memo.set(String(id), Buffer.from(`{"id":${id}}`), memo.mark())
    expect(memo.size).toBe(3)
    expect(memo.get('1')).toBeUndefined()
    expect(memo.get('2')).toBeUndefined()
    expect(memo.get('5')?.toString()).toBe('{"id":5}')
  })
})

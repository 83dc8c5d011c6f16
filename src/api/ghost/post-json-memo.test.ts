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

  it("forgets only a story's own posts on its purge, and everything on any other", () => {
    const memo = new PostJsonMemo(fixedClock(new Date()), 60_000, 10)
    const fill = () => {
      for (const key of ['1|html', '1|plaintext', '2|html', '12|html'])
        memo.set(key, Buffer.from(key), memo.mark())
    }
    fill()
    // An edit of story 1 (tags as cache/tags-for-event.ts makes them).
    memo.purge(['article:1', 'section:world', 'tag:economy', 'author:3', 'home', 'feed', 'api'])
    expect(memo.get('1|html')).toBeUndefined()
    expect(memo.get('1|plaintext')).toBeUndefined()
    expect(memo.get('2|html')?.toString()).toBe('2|html')
    expect(memo.get('12|html')?.toString()).toBe('12|html')
    // A tag renamed, an author's profile, a setting, a purge of everything: any post may show it.
    for (const tags of [['menu', 'tag:economy'], ['author:3'], ['settings'], []]) {
      fill()
      memo.purge(tags)
      expect(memo.size, tags.join(' ')).toBe(0)
    }
  })

  it("keeps nothing loaded before a story's purge that came while it loaded", () => {
    const memo = new PostJsonMemo(fixedClock(new Date()), 60_000, 10)
    const mark = memo.mark()
    memo.purge(['article:1', 'home'])
    memo.set('1|html', Buffer.from('{"title":"before the edit"}'), mark)
    expect(memo.get('1|html')).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { isGloballyUniqueId, normalizeLink } from './item-link.js'

describe('normalizeLink', () => {
  it('lower-cases scheme and host and drops the default port and fragment', () => {
    expect(normalizeLink('HTTPS://News.Example:443/Story/One#comments')).toBe(
      'https://news.example/Story/One',
    )
  })

  it('strips tracking parameters and keeps the others, sorted', () => {
    expect(
      normalizeLink(
        'https://news.example/a?utm_source=rss&page=2&fbclid=x&gclid=y&UTM_Medium=m&id=9',
      ),
    ).toBe('https://news.example/a?id=9&page=2')
  })

  it('makes a trailing slash irrelevant, but keeps the root', () => {
    expect(normalizeLink('https://news.example/story/')).toBe(
      normalizeLink('https://news.example/story'),
    )
    expect(normalizeLink('https://news.example/')).toBe('https://news.example/')
  })

  it('resolves a relative link against a base', () => {
    expect(normalizeLink('../b/', 'https://news.example/a/c')).toBe('https://news.example/b')
  })

  it('gives undefined for non-http links and garbage', () => {
    expect(normalizeLink('mailto:desk@news.example')).toBeUndefined()
    expect(normalizeLink('javascript:alert(1)')).toBeUndefined()
    expect(normalizeLink('not a url')).toBeUndefined()
    expect(normalizeLink(undefined)).toBeUndefined()
  })
})

describe('isGloballyUniqueId', () => {
  it('knows URLs and tag/urn URIs from feed-local ids', () => {
    expect(isGloballyUniqueId('https://news.example/?p=123')).toBe(true)
    expect(isGloballyUniqueId('tag:news.example,2026:story-1')).toBe(true)
    expect(isGloballyUniqueId('urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a')).toBe(true)
    expect(isGloballyUniqueId('1234')).toBe(false)
    expect(isGloballyUniqueId('post-100')).toBe(false)
    expect(isGloballyUniqueId('http://localhost/1')).toBe(false)
  })
})

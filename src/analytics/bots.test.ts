import { describe, expect, it } from 'vitest'
import { isBot } from './bots.js'

describe('isBot', () => {
  it('lets browsers through', () => {
    expect(
      isBot(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
      ),
    ).toBe(false)
    expect(
      isBot(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
      ),
    ).toBe(false)
  })

  it('stops crawlers, scripts, previews and empty agents', () => {
    for (const agent of [
      'Googlebot/2.1',
      'curl/8.5.0',
      'python-requests/2.32',
      'facebookexternalhit/1.1',
      'Mozilla/5.0 HeadlessChrome/156',
      undefined,
      '',
    ]) {
      expect(isBot(agent), String(agent)).toBe(true)
    }
  })
})

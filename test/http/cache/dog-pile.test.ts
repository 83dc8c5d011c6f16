import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildCacheTestApp, type CacheTestApp } from './cache-test-app.js'

const N = 20
let t: CacheTestApp
beforeEach(async () => {
  t = await buildCacheTestApp()
})
afterEach(async () => {
  await t.app.close()
})

/** Hold renders until `open()` is called. */
function holdRenders(): () => void {
  let open = () => {}
  t.gate.wait = new Promise<void>((resolve) => {
    open = () => {
      t.gate.wait = null
      resolve()
    }
  })
  return open
}

const burst = () =>
  Promise.all(Array.from({ length: N }, () => t.app.inject({ method: 'GET', url: '/story/' })))

describe('page cache: dog-pile protection', () => {
  it('lets concurrent misses of a cold page wait for one render', async () => {
    const open = holdRenders()
    const pending = burst()
    setTimeout(open, 20)
    const responses = await pending

    expect(t.renders.get('/story/')).toBe(1)
    expect(responses.every((r) => r.statusCode === 200 && r.body.includes('First headline'))).toBe(
      true,
    )
    expect(responses.filter((r) => r.headers['x-cache'] === 'MISS')).toHaveLength(1)
  })

  it('after a purge, refills with one render and serves the stale copy meanwhile', async () => {
    await t.app.inject({ method: 'GET', url: '/story/' })
    t.headline.value = 'Second headline'
    t.app.purgeCacheTags(['article:42'])

    const open = holdRenders()
    const pending = burst()
    setTimeout(open, 20)
    const responses = await pending

    expect(t.renders.get('/story/')).toBe(2) // the first fill, then exactly one refill
    const refill = responses.filter((r) => r.headers['x-cache'] === 'MISS')
    const stale = responses.filter((r) => r.headers['x-cache'] === 'STALE')
    expect(refill).toHaveLength(1)
    expect(refill[0]?.body).toContain('Second headline')
    expect(stale).toHaveLength(N - 1)
    expect(stale[0]?.body).toContain('First headline')
    // Nobody downstream may keep the stale copy.
    expect(stale[0]?.headers['cache-control']).toBe(
      'public, max-age=0, s-maxage=0, must-revalidate',
    )
    const after = await t.app.inject({ method: 'GET', url: '/story/' })
    expect(after.headers['x-cache']).toBe('HIT')
    expect(after.body).toContain('Second headline')
  })

  it('shows the new version to the next reader after a purge (no stale copy without a render)', async () => {
    await t.app.inject({ method: 'GET', url: '/story/' })
    t.headline.value = 'Second headline'
    t.app.purgeCacheTags(['home'])
    const next = await t.app.inject({ method: 'GET', url: '/story/' })
    expect(next.body).toContain('Second headline')
  })

  it('does not store a render that was overtaken by a purge of its tags', async () => {
    const open = holdRenders()
    const pending = t.app.inject({ method: 'GET', url: '/story/' }) // renders "First headline"
    await new Promise((resolve) => setTimeout(resolve, 10))
    t.headline.value = 'Second headline'
    t.app.purgeCacheTags(['article:42'])
    open()
    expect((await pending).body).toContain('First headline')

    const next = await t.app.inject({ method: 'GET', url: '/story/' })
    expect(next.body).toContain('Second headline')
  })
})

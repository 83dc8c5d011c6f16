import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { articlePath, createArticle, stepArticle } from '../../../src/content/index.js'
import { diskStorage, uploadImage } from '../../../src/media/index.js'
import { axeViolations, browserUnavailable, launchBrowser } from '../../support/browser.js'
import { nuCheck, nuUnavailable } from '../../support/nu-checker.js'
import { buildSeededSite, type SeededSite } from '../../support/site-app.js'
import { SYSTEM, testKernel } from '../../support/kernel.js'

const skipReason = browserUnavailable()
const nuSkip = skipReason === undefined ? nuUnavailable('Nu check of a story body') : undefined
const VIDEO = 'https://www.youtube.com/watch?v=aBcDeFgHiJk&t=1m5s'
const POST = 'https://x.com/harbourton/status/1850000000000000001'

describe.skipIf(skipReason !== undefined)('a story body in Chromium', () => {
  let site: SeededSite
  let browser: Awaited<ReturnType<typeof launchBrowser>>
  let page: Page
  let storyPath: string
  const requests: string[] = []

  beforeAll(async () => {
    site = await buildSeededSite()
    const deps = testKernel(site.db, site.clock)
    const photo = await sharp({
      create: { width: 1400, height: 933, channels: 3, background: { r: 40, g: 90, b: 140 } },
    })
      .jpeg()
      .toBuffer()
    const media = await uploadImage(
      { ...deps, storage: diskStorage(path.join(site.dataDir, 'media')) },
      SYSTEM,
      { filename: 'quay.jpg', bytes: photo },
    )
    const draft = await createArticle(deps, SYSTEM, {
      title: 'Harbour festival returns with tall ships and a night market',
      bodyHtml: [
        '<p>The festival opens on Friday.</p>',
        `<figure class="image"><img src="${media.url}" alt="Ships moored at the quay" width="1400" height="933" data-media-id="${media.id}" loading="lazy" /><figcaption>The quay at dawn <cite>Photo: Ana Reis</cite></figcaption></figure>`,
        `<figure class="embed" data-embed="youtube" data-url="${VIDEO.replace(/&/g, '&amp;')}"><a href="${VIDEO.replace(/&/g, '&amp;')}">Watch on YouTube: ${VIDEO.replace(/&/g, '&amp;')}</a></figure>`,
        `<figure class="embed" data-embed="x" data-url="${POST}"><a href="${POST}">View the post on X: ${POST}</a></figure>`,
        '<p>Stalls stay open until midnight.</p>',
      ].join(''),
    })
    const story = await stepArticle(deps, SYSTEM, draft.id, 'publish')
    storyPath = articlePath(story, 'Europe/London')
    await site.app.listen({ port: 0, host: '127.0.0.1' })
    const baseURL = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`
    browser = await launchBrowser(baseURL)
    page = await browser.context.newPage()
    page.on('request', (request) => requests.push(request.url()))
    // Stand in for the provider's player, so the test sees the request without the internet.
    await page.route(/^https:\/\/(www\.youtube-nocookie\.com|platform\.twitter\.com)\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title>' }),
    )
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  const toProviders = () =>
    requests.filter((url) => /youtube|twitter|x\.com|instagram/.test(new URL(url).hostname))

  it('shows embeds as link cards and contacts no provider until asked', async () => {
    await page.goto(storyPath)
    const video = page.locator('figure.embed[data-embed="youtube"]')
    await expect(video.locator('a').getAttribute('href')).resolves.toBe(VIDEO)
    await expect(video.getByRole('button').textContent()).resolves.toBe('Load the video')
    await expect(video.locator('iframe').count()).resolves.toBe(0)
    await expect(page.locator('iframe').count()).resolves.toBe(0)
    expect(toProviders()).toEqual([])
    expect(await axeViolations(page)).toEqual([])
  })

  it("loads the privacy-enhanced player, at the link's start time, on click", async () => {
    const video = page.locator('figure.embed[data-embed="youtube"]')
    await video.getByRole('button', { name: 'Load the video' }).click()
    const frame = video.locator('iframe')
    await expect(frame.getAttribute('src')).resolves.toBe(
      'https://www.youtube-nocookie.com/embed/aBcDeFgHiJk?autoplay=1&rel=0&start=65',
    )
    await expect(frame.getAttribute('title')).resolves.toBe('YouTube video')
    await expect
      .poll(() => toProviders().some((url) => url.includes('youtube-nocookie.com/embed/')))
      .toBe(true)
    expect(toProviders().every((url) => url.startsWith('https://www.youtube-nocookie.com/'))).toBe(
      true,
    )
    // The other embed is still a card.
    await expect(page.locator('figure.embed[data-embed="x"] iframe').count()).resolves.toBe(0)
  })

  it('loads a post from X without tracking once asked', async () => {
    const post = page.locator('figure.embed[data-embed="x"]')
    await post.getByRole('button', { name: 'Show the post' }).click()
    await expect(post.locator('iframe').getAttribute('src')).resolves.toBe(
      'https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1850000000000000001',
    )
  })

  it('serves body images from the library as responsive pictures', async () => {
    const img = page.locator('.article-body figure.image img')
    const srcset = (await img.getAttribute('srcset')) ?? ''
    expect(srcset.split(', ').map((s) => s.split(' ')[1])).toEqual([
      '320w',
      '640w',
      '768w',
      '1024w',
      '1400w',
    ])
    await expect(img.getAttribute('sizes')).resolves.toContain('720px')
    await expect(img.getAttribute('loading')).resolves.toBe('lazy')
    await expect(
      page.locator('.article-body figure.image picture source[type="image/avif"]').count(),
    ).resolves.toBe(1)
    // The browser picked a rendition that exists and decoded it.
    await img.scrollIntoViewIfNeeded()
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
      .toBeGreaterThan(0)
    const chosen = await img.evaluate((el: HTMLImageElement) => el.currentSrc)
    expect(chosen).toMatch(/\/media\/.+\.(avif|webp|jpe?g)$/)
    await expect(page.locator('.article-body figcaption cite').textContent()).resolves.toBe(
      'Photo: Ana Reis',
    )
  })

  it.skipIf(nuSkip !== undefined)('serves the story as valid HTML (Nu checker)', async () => {
    const response = await site.app.inject({ url: storyPath, headers: { accept: 'text/html' } })
    expect(response.body).toContain('<picture><source type="image/avif"')
    const messages = nuCheck({ story: response.body })
    expect(messages.map((m) => `${m.type}: ${m.message}`)).toEqual([])
  })
})

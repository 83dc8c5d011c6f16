/**
 * @module feature-image
 * A post's `feature_image` as Ghost clients send it: a URL. One of our media library's URLs
 * (relative, or absolute under PUBLIC_URL) picks that item; any other http(s) URL is fetched
 * through the guarded outbound client (the address guards, size limit and timeout the wire
 * uses) and stored in the library like an upload, with its variants. Ghost keeps a remote URL
 * as given; Broadsheet serves every story image itself, so the post answers with the
 * library's URL.
 */
import type { Actor } from '../../auth/index.js'
import { findMediaByUrl, MAX_UPLOAD_BYTES, uploadImage } from '../../media/index.js'
import type { Services } from '../../services.js'
import { GhostError } from './ghost-errors.js'

const FETCH_TIMEOUT_MS = 10_000

/** The media id for `url`; null removes the image. */
export async function featureImageId(
  services: Services,
  actor: Actor,
  options: { url: string | null; alt: string; publicUrl: string },
): Promise<number | null> {
  if (!options.url?.trim()) return null
  const site = new URL(`${options.publicUrl.replace(/\/$/, '')}/`)
  let target: URL
  try {
    target = new URL(options.url.trim(), site)
  } catch {
    throw invalid('feature_image must be a URL.')
  }
  if (target.origin === site.origin && target.pathname.startsWith('/media/')) {
    const media = await findMediaByUrl(services, target.pathname)
    if (!media) throw invalid('feature_image names no image in the media library.')
    return media.id
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw invalid('feature_image must be an http(s) URL.')
  let bytes: Buffer
  try {
    const response = await services.wireClient.request(target.href, {
      accept: 'image/avif, image/webp, image/png, image/jpeg, image/gif;q=0.8',
      maxBytes: MAX_UPLOAD_BYTES,
      timeoutMs: FETCH_TIMEOUT_MS,
    })
    bytes = response.body
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it could not be fetched'
    throw invalid(`feature_image could not be fetched: ${reason}`)
  }
  const filename = target.pathname.split('/').pop() || 'feature-image'
  const media = await uploadImage(services, actor, { filename, bytes, alt: options.alt })
  return media.id
}

function invalid(message: string): GhostError {
  return new GhostError('ValidationError', message, { property: 'feature_image' })
}

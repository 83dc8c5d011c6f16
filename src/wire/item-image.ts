/**
 * An item's image into the media library: fetched through the guarded client (the same address
 * guards as the feed), checked and turned into variants by `uploadImage`. A failure of any kind
 * leaves the image remote, never the story undone.
 */
import type { Actor } from '../auth/index.js'
import { MAX_UPLOAD_BYTES, uploadImage } from '../media/index.js'
import type { WireDeps } from './wire-deps.js'

/** Stay well under the job's time: an image that does not come quickly stays remote. */
const IMAGE_TIMEOUT_MS = 10_000

/** The media id of the downloaded image, or undefined (no storage, it failed, or `signal` fired). */
export async function downloadImage(
  deps: WireDeps,
  actor: Actor,
  image: { url: string; alt?: string | undefined },
  credit: string,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const storage = deps.storage
  if (!storage) return undefined
  try {
    const response = await deps.wireClient.request(image.url, {
      accept: 'image/avif, image/webp, image/png, image/jpeg, image/gif;q=0.8',
      maxBytes: MAX_UPLOAD_BYTES,
      timeoutMs: IMAGE_TIMEOUT_MS,
      signal,
    })
    const filename = new URL(response.url).pathname.split('/').pop() || 'wire-image'
    const media = await uploadImage({ ...deps, storage }, actor, {
      filename,
      bytes: response.body,
      alt: image.alt ?? '',
      credit,
    })
    return media.id
  } catch {
    // Not an image, too large, refused by the address guard, a timeout: the story keeps the
    // source's image URL instead.
    return undefined
  }
}

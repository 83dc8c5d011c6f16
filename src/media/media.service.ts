/**
 * The media library: uploads become an original (EXIF stripped, orientation applied) plus
 * responsive variants in the original format, WebP and AVIF, and fixed-ratio crops for
 * structured data and social cards.
 */
import { randomBytes } from 'node:crypto'
import type Sharp from 'sharp'
import type { OutputInfo, ResizeOptions } from 'sharp'
import { actingUserId, recordAudit, requirePermission, type Actor } from '../auth/index.js'
import type { ListSearch } from '../db/list-search.js'
import { AppError, validationError } from '../errors.js'
import { transact, type Kernel } from '../kernel.js'
import { recordImportKeys, type ImportOrigin } from '../provenance/index.js'
import { slugify } from '../text/slug.js'
import { detectImageFormat, MIME_TYPES, type ImageFormat } from './image-type.js'
import {
  findMediaById,
  findMediaIdByPath,
  insertMedia,
  insertVariants,
  listMedia,
  listMediaUsage,
  listVariants,
  updateMediaText,
  type MediaItem,
  type MediaVariant,
  type NewMedia,
} from './media.repository.js'
import type { MediaStorage } from './storage.js'

/**
 * sharp (libvips) adds about 20 MB to a process: load it on the first image processed, not at
 * start-up, since most processes only serve pages.
 */
let sharpModule: Promise<typeof Sharp> | undefined
function loadSharp(): Promise<typeof Sharp> {
  sharpModule ??= import('sharp').then((m) => m.default)
  return sharpModule
}

export interface MediaDeps extends Kernel {
  storage: MediaStorage
}

/** What reads need: the database and where files are. */
export type MediaReader = Pick<MediaDeps, 'db' | 'storage'>

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
const MAX_PIXELS = 60_000_000
/** Animated GIFs: at most this many frames, and this many pixels over all frames together. */
export const MAX_FRAMES = 300
const MAX_ANIMATION_PIXELS = 200_000_000
/**
 * Widths of responsive renditions; none is wider than the original. 768 (WordPress's
 * medium_large) is what a full-width card on a phone asks for: 380 CSS px at 1.75–2× density.
 */
export const VARIANT_WIDTHS = [320, 640, 768, 1024, 1600]
/** Crops for NewsArticle images (Google asks for 16:9, 4:3 and 1:1) and social cards. */
export const CROPS: { kind: string; width: number; height: number }[] = [
  { kind: 'crop-16x9', width: 1200, height: 675 },
  { kind: 'crop-4x3', width: 1200, height: 900 },
  { kind: 'crop-1x1', width: 1200, height: 1200 },
  { kind: 'social', width: 1200, height: 630 },
]

export interface UploadInput {
  filename: string
  bytes: Buffer
  alt?: string
  caption?: string
  credit?: string
  /** Where it came from (an import): recorded with the item, in its transaction. */
  origin?: ImportOrigin
}

export interface MediaWithVariants extends MediaItem {
  variants: MediaVariant[]
}

/**
 * Store an uploaded image after checking what it really is; refuses anything that won't decode.
 * The decoding and resizing happen before the transaction, which only records the result.
 */
/**
 * What to tell the person whose image sharp refused, in their terms: its size when it is too big
 * to decode (a decompression bomb claims a huge size in a small file), else that it is damaged.
 * The library's own words stay in the error's cause, for the log.
 */
async function undecodable(bytes: Buffer, format: string, error: unknown): Promise<string> {
  if (/pixel limit/i.test(describe(error))) {
    const sharp = await loadSharp()
    const meta = await sharp(bytes, { limitInputPixels: false })
      .metadata()
      .catch(() => undefined)
    const size = meta?.width && meta.height ? ` (${meta.width} × ${meta.height} pixels)` : ''
    return `the image is too large to process${size}: at most ${MAX_PIXELS / 1_000_000} megapixels`
  }
  return `the file could not be read as a ${format.toUpperCase()} image: it is damaged, cut short or not an image`
}

export async function uploadImage(
  deps: MediaDeps,
  actor: Actor,
  input: UploadInput,
): Promise<MediaWithVariants> {
  requirePermission(actor, 'media.upload')
  if (input.bytes.length === 0) throw validationError('file', 'the file is empty')
  if (input.bytes.length > MAX_UPLOAD_BYTES) {
    throw validationError('file', `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`)
  }
  const format = detectImageFormat(input.bytes)
  if (!format)
    throw validationError('file', 'only JPEG, PNG, GIF, WebP and AVIF images can be uploaded')
  let original: { data: Buffer; info: OutputInfo }
  try {
    // rotate() applies the EXIF orientation; sharp drops metadata (EXIF, GPS) unless asked to keep it.
    const sharp = await loadSharp()
    if (format === 'gif') await checkAnimation(sharp, input.bytes)
    original = await sharp(input.bytes, {
      limitInputPixels: MAX_PIXELS,
      animated: format === 'gif',
    })
      .rotate()
      .toFormat(format)
      .toBuffer({ resolveWithObject: true })
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('VALIDATION_FAILED', await undecodable(input.bytes, format, error), {
      property: 'file',
      cause: error,
    })
  }
  const now = deps.clock.now()
  const base = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${slugify(input.filename.replace(/\.[a-z0-9]+$/i, ''), 50) || 'image'}-${randomBytes(3).toString('hex')}`
  const originalPath = `${base}.${extension(format)}`
  // Every key this upload writes, so a failure part-way (a full disk) leaves no orphan files.
  const attempted: string[] = []
  const storage: MediaStorage = {
    ...deps.storage,
    put: (key, bytes) => {
      attempted.push(key)
      return deps.storage.put(key, bytes)
    },
  }
  try {
    await storage.put(originalPath, original.data)
    const variants =
      format === 'gif'
        ? []
        : await renderVariants(storage, original.data, base, {
            formats: [format, 'webp', 'avif'],
            widths: VARIANT_WIDTHS.filter((w) => w < original.info.width),
            position: 'attention',
          })
    return await recordUpload(deps, actor, input, {
      original,
      originalPath,
      mimeType: MIME_TYPES[format],
      variants,
      base,
    })
  } catch (error) {
    await Promise.allSettled(attempted.map((key) => deps.storage.delete(key)))
    if (isStorageFull(error))
      throw new AppError(
        'STORAGE_FULL',
        'The server has no room left for this image, so nothing was saved. Please tell the site’s administrator.',
        { property: 'file', cause: error },
      )
    throw error
  }
}

function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL'
}

function recordUpload(
  deps: MediaDeps,
  actor: Actor,
  input: UploadInput,
  stored: {
    original: { data: Buffer; info: OutputInfo }
    originalPath: string
    mimeType: string
    variants: Awaited<ReturnType<typeof renderVariants>>
    base: string
  },
) {
  const { original, originalPath, mimeType, variants, base } = stored
  return record(deps, actor, {
    media: {
      path: originalPath,
      mimeType,
      width: original.info.width,
      height: original.info.height,
      bytes: original.data.length,
      alt: input.alt?.trim(),
      caption: input.caption?.trim(),
      credit: input.credit?.trim(),
      uploadedBy: actingUserId(actor),
    },
    variants,
    base,
    origin: input.origin,
  })
}

/**
 * Refuse animation bombs before decoding them: too many frames, or frames that add up to more
 * pixels than a decoder should hold (the header says both, so nothing is decoded yet).
 */
async function checkAnimation(sharp: typeof Sharp, bytes: Buffer): Promise<void> {
  const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: true }).metadata()
  const frames = meta.pages ?? 1
  const frameHeight = meta.pageHeight ?? meta.height ?? 0
  if (frames > MAX_FRAMES)
    throw validationError('file', `animations may have at most ${MAX_FRAMES} frames`)
  if ((meta.width ?? 0) * frameHeight * frames > MAX_ANIMATION_PIXELS)
    throw validationError('file', 'the animation is too large to process')
}

/** Insert the item and its variants, and log the upload, in one transaction. */
function record(
  deps: MediaDeps,
  actor: Actor,
  input: {
    media: NewMedia
    variants: Omit<MediaVariant, 'url'>[]
    base: string
    at?: number
    origin?: ImportOrigin | undefined
  },
): Promise<MediaWithVariants> {
  return transact(deps, async (tx) => {
    const id = await insertMedia(tx.db, input.media, input.at ?? tx.clock.now().getTime())
    await insertVariants(tx.db, id, input.variants, (v) => variantPath(input.base, v))
    if (input.origin)
      await recordImportKeys(tx, input.origin.source, 'media', [[input.origin.id, id]])
    await recordAudit(tx, actor, { action: 'media.upload', subjectType: 'media', subjectId: id })
    return mustFind(tx, id)
  })
}

/**
 * Add a file that is already in storage to the library, with its responsive variants and crops
 * rendered from `bytes`: the demo's generated SVG illustrations, an importer's copied uploads. A
 * vector original (SVG) renders to rasters: JPEG, WebP and AVIF unless `formats` says otherwise.
 * @example await addStoredMedia(deps, systemActor('demo'), { media: { path: 'demo/a.svg', … }, bytes: svg })
 */
export async function addStoredMedia(
  deps: MediaDeps,
  actor: Actor,
  input: { media: NewMedia; bytes: Buffer; formats?: ImageFormat[]; createdAt?: Date },
): Promise<MediaWithVariants> {
  requirePermission(actor, 'media.upload')
  const format = detectImageFormat(input.bytes)
  const vector = format === undefined
  const sharp = await loadSharp()
  const width = input.media.width ?? (await sharp(input.bytes).metadata()).width ?? 0
  const base = input.media.path.replace(/\.[a-z0-9]+$/i, '')
  const variants = await renderVariants(deps.storage, input.bytes, base, {
    formats: input.formats ?? [format && format !== 'gif' ? format : 'jpeg', 'webp', 'avif'],
    widths: VARIANT_WIDTHS.filter((w) => w < width),
    // Finding the interesting part costs time; generated art is the same everywhere.
    position: vector ? 'centre' : 'attention',
  })
  return record(deps, actor, {
    media: input.media,
    variants,
    base,
    ...(input.createdAt ? { at: input.createdAt.getTime() } : {}),
  })
}

/** The resizes to `widths` and the fixed crops, in each of `formats`. */
async function renderVariants(
  storage: MediaStorage,
  source: Buffer,
  base: string,
  options: { formats: ImageFormat[]; widths: number[]; position: string },
): Promise<Omit<MediaVariant, 'url'>[]> {
  const formats = [...new Set(options.formats)]
  const jobs: { kind: string; resize: ResizeOptions }[] = [
    ...options.widths.map((w) => ({
      kind: `w${w}`,
      resize: { width: w },
    })),
    ...CROPS.map((c) => ({
      kind: c.kind,
      resize: {
        width: c.width,
        height: c.height,
        fit: 'cover' as const,
        position: options.position,
      },
    })),
  ]
  const sharp = await loadSharp()
  const out: Omit<MediaVariant, 'url'>[] = []
  // One job's formats at a time: a large original decodes once per format, not 20 times at once.
  for (const job of jobs) {
    const rendered = await Promise.all(
      formats.map(async (target) => {
        const { data, info } = await sharp(source)
          .resize({ ...job.resize, withoutEnlargement: false })
          .toFormat(target, target === 'avif' ? { quality: 50, effort: 2 } : { quality: 78 })
          .toBuffer({ resolveWithObject: true })
        const variant = {
          kind: job.kind,
          format: target,
          width: info.width,
          height: info.height,
          bytes: data.length,
        }
        await storage.put(variantPath(base, variant), data)
        return variant
      }),
    )
    out.push(...rendered)
  }
  return out
}

function variantPath(base: string, v: { kind: string; format: string }): string {
  return `${base}-${v.kind}.${extension(v.format as ImageFormat)}`
}

function extension(format: ImageFormat): string {
  return format === 'jpeg' ? 'jpg' : format
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 120) : 'unknown error'
}

async function mustFind(deps: MediaReader, id: number): Promise<MediaWithVariants> {
  const item = await findMedia(deps, id)
  if (!item) throw new AppError('NOT_FOUND', `media ${id} does not exist`)
  return item
}

/** One media item with its variants. */
export async function findMedia(
  deps: MediaReader,
  id: number,
): Promise<MediaWithVariants | undefined> {
  const item = await findMediaById(deps.db, id)
  if (!item) return undefined
  return { ...item, variants: (await listVariants(deps.db, [id])).get(id) ?? [] }
}

/**
 * The media item a library URL (`/media/…`, the original's or a variant's) points at.
 * @example await findMediaByUrl(deps, '/media/2026/11/harbour-640.webp') // → { id: 12, … }
 */
export async function findMediaByUrl(
  deps: MediaReader,
  url: string,
): Promise<MediaWithVariants | undefined> {
  if (!url.startsWith('/media/')) return undefined
  const id = await findMediaIdByPath(deps.db, decodeURIComponent(url.slice('/media/'.length)))
  return id === undefined ? undefined : findMedia(deps, id)
}

/** Variants of several media items at once (for srcset on list pages). */
export function findVariants(
  deps: Pick<MediaDeps, 'db'>,
  mediaIds: number[],
): Promise<Map<number, MediaVariant[]>> {
  return listVariants(deps.db, mediaIds)
}

/** The library, newest first, filtered by text and type. */
export async function searchMedia(
  deps: MediaReader & { listSearch: ListSearch },
  options: { search?: string; type?: string; page?: number; perPage?: number },
): Promise<{ items: MediaItem[]; total: number; searchedNewest?: number }> {
  const perPage = Math.min(options.perPage ?? 40, 100)
  const page = Math.max(1, options.page ?? 1)
  return listMedia(deps.db, deps.listSearch, {
    search: options.search?.trim() || undefined,
    mimePrefix: options.type,
    offset: (page - 1) * perPage,
    limit: perPage,
  })
}

/** Edit alt text, caption and credit. */
export async function updateMediaDetails(
  deps: MediaDeps,
  actor: Actor,
  id: number,
  text: { alt?: string; caption?: string; credit?: string },
): Promise<MediaWithVariants> {
  requirePermission(actor, 'media.upload')
  for (const [key, value] of Object.entries(text)) {
    if (value !== undefined && value.length > 1000)
      throw validationError(key, `${key} must be at most 1000 characters`)
  }
  return transact(deps, async (tx) => {
    await mustFind(tx, id)
    await updateMediaText(tx.db, id, {
      ...(text.alt !== undefined ? { alt: text.alt.trim() } : {}),
      ...(text.caption !== undefined ? { caption: text.caption.trim() } : {}),
      ...(text.credit !== undefined ? { credit: text.credit.trim() } : {}),
    })
    await recordAudit(tx, actor, { action: 'media.update', subjectType: 'media', subjectId: id })
    return mustFind(tx, id)
  })
}

/** Where a media item is used. */
export function findMediaUsage(
  deps: Pick<MediaDeps, 'db'>,
  id: number,
): Promise<{ id: number; title: string; status: string }[]> {
  return listMediaUsage(deps.db, id)
}

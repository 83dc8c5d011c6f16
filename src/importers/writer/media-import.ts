/**
 * Pictures for an import: from a copy of the old uploads folder, downloaded through the guarded
 * client, or left at their old address. Each picture that reaches the library goes through
 * `uploadImage` (checked by its bytes, variants rendered) with its origin, so a second run
 * finds it instead of uploading it again.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Actor } from '../../auth/index.js'
import { findMedia, uploadImage, type MediaDeps } from '../../media/index.js'
import type { HttpClient } from '../../net/index.js'
import { findImportTargets, hasImportTargets } from '../../provenance/index.js'
import { originalUploadUrl, type BodyMediaLookup, type LibraryImage } from '../body-media.js'
import type { ImportMedia } from '../import-model.js'
import { warn, type ImportReport } from './import-report.js'

/** Where pictures come from. */
export type MediaMode =
  { kind: 'none' } | { kind: 'dir'; dir: string } | { kind: 'fetch'; client: HttpClient }

/** The pictures an import has put in the library (or knows it could not), by old id and URL. */
export class ImportMediaLibrary implements BodyMediaLookup {
  private readonly ids = new Map<string, LibraryImage>()
  private readonly urls = new Map<string, LibraryImage>()
  private readonly parents = new Map<string, LibraryImage[]>()
  private readonly missed = new Set<string>()
  /** Old-site pictures the bodies still point at (media left remote). */
  remote = 0

  constructor(
    private readonly deps: MediaDeps,
    private readonly actor: Actor,
    private readonly source: string,
    private readonly mode: MediaMode,
    private readonly report: ImportReport,
    private readonly dryRun: boolean,
  ) {}

  bySourceId(sourceId: string): LibraryImage | undefined {
    return this.ids.get(sourceId)
  }

  byParent(parentSourceId: string): LibraryImage[] {
    return this.parents.get(parentSourceId) ?? []
  }

  byUrl(url: string): LibraryImage | undefined {
    return this.urls.get(originalUploadUrl(url))
  }

  /**
   * Whether a picture may have an import key already. Pictures left remote write none, so a run
   * that leaves them remote and finds none for its source at the start needs no lookup per picture.
   */
  private async mayBeKnown(): Promise<boolean> {
    if (this.mode.kind !== 'none') return true
    this.anyKnown ??= await hasImportTargets(this.deps, this.source, 'media')
    return this.anyKnown
  }
  private anyKnown: boolean | undefined

  /** A WordPress attachment: into the library unless media stay remote. */
  async addAttachment(media: ImportMedia): Promise<void> {
    if (!/^image\//.test(media.mimeType) && media.mimeType !== '') {
      this.report.ignored['non-image attachments (left at their old address)'] =
        (this.report.ignored['non-image attachments (left at their old address)'] ?? 0) + 1
      return
    }
    const image = await this.bring(media.sourceId, media.url, media.uploadPath, media)
    if (!image) return
    this.ids.set(media.sourceId, image)
    if (media.parentSourceId)
      this.parents.set(media.parentSourceId, [...this.byParent(media.parentSourceId), image])
  }

  /** A picture known only by its URL (Ghost bodies and featured images). */
  async addUrl(url: string, details: { alt?: string; caption?: string } = {}): Promise<void> {
    if (!url || this.byUrl(url) || this.missed.has(originalUploadUrl(url))) return
    await this.bring(url, url, uploadPathOf(url), { title: '', alt: '', caption: '', ...details })
  }

  private async bring(
    key: string,
    url: string,
    uploadPath: string,
    meta: { title: string; alt: string; caption: string },
  ): Promise<LibraryImage | undefined> {
    const counts = this.report.counts.media
    const known =
      this.dryRun || !(await this.mayBeKnown())
        ? undefined
        : (await findImportTargets(this.deps, this.source, 'media', [key])).get(key)
    if (known !== undefined) {
      const item = await findMedia(this.deps, known)
      if (item) {
        counts.skipped++
        return this.remember(url, {
          src: item.url,
          alt: item.alt,
          caption: item.caption,
          mediaId: item.id,
          width: item.width,
          height: item.height,
        })
      }
    }
    if (this.mode.kind === 'none') {
      this.remote++
      return undefined
    }
    let bytes: Buffer
    try {
      bytes = await this.read(url, uploadPath)
    } catch (error) {
      counts.failed++
      this.missed.add(originalUploadUrl(url))
      warn(this.report, {
        item: `picture ${url}`,
        message: `not imported: ${(error as Error).message}`,
      })
      return undefined
    }
    if (this.dryRun) {
      counts.imported++
      return undefined
    }
    try {
      const item = await uploadImage(this.deps, this.actor, {
        filename: path.basename(uploadPath || new URL(url).pathname) || 'image',
        bytes,
        alt: meta.alt.slice(0, 500),
        caption: meta.caption.slice(0, 1000),
        origin: { source: this.source, id: key },
      })
      counts.imported++
      return this.remember(url, {
        src: item.url,
        alt: item.alt,
        caption: item.caption,
        mediaId: item.id,
        width: item.width,
        height: item.height,
      })
    } catch (error) {
      counts.failed++
      this.missed.add(originalUploadUrl(url))
      warn(this.report, {
        item: `picture ${url}`,
        message: `not imported: ${(error as Error).message}`,
      })
      return undefined
    }
  }

  private remember(url: string, image: LibraryImage): LibraryImage {
    this.urls.set(originalUploadUrl(url), image)
    return image
  }

  private async read(url: string, uploadPath: string): Promise<Buffer> {
    if (this.mode.kind === 'dir') {
      const relative = uploadPath || uploadPathOf(url)
      const file = path.resolve(this.mode.dir, relative)
      if (!relative || !file.startsWith(path.resolve(this.mode.dir) + path.sep))
        throw new Error(`no file for it under the media folder`)
      try {
        return await readFile(file)
      } catch {
        throw new Error(`${relative} is not in the media folder`)
      }
    }
    if (this.mode.kind === 'fetch') {
      const response = await this.mode.client.request(url, { accept: 'image/*' })
      return response.body
    }
    throw new Error('media are not being imported')
  }
}

/** The path of an upload under its uploads folder, from its URL (WordPress and Ghost layouts). */
export function uploadPathOf(url: string): string {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x.invalid').pathname)
  } catch {
    return ''
  }
  const match = /\/(?:wp-content\/uploads|content\/images)\/(.+)$/.exec(pathname)
  return match?.[1] ?? ''
}

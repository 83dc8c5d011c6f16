/** The media library: uploads checked by their bytes, responsive variants, storage behind an interface. */
export {
  addStoredMedia,
  CROPS,
  findMedia,
  findMediaByUrl,
  findMediaUsage,
  findVariants,
  MAX_FRAMES,
  MAX_UPLOAD_BYTES,
  searchMedia,
  updateMediaDetails,
  uploadImage,
  VARIANT_WIDTHS,
  type MediaDeps,
  type MediaReader,
  type MediaWithVariants,
  type UploadInput,
} from './media.service.js'
export type { MediaItem, MediaVariant, NewMedia } from './media.repository.js'
/**
 * Library records for backups: listed with their variants' storage paths, restored as rows that
 * point at files already in storage.
 * @example const ids = await restoreMedia(deps, systemActor('json-import'), records)
 */
export {
  listMediaForExport,
  restoreMedia,
  type RestoredMedia,
  type StoredMediaRecord,
} from './media-restore.js'
export { contentTypeFor, diskStorage, type MediaStorage, type StoredMedia } from './storage.js'
export { s3Storage, type S3StorageOptions } from './s3-storage.js'
export { migrateMedia, type MediaMigration } from './migrate-media.js'
export { detectImageFormat, type ImageFormat } from './image-type.js'

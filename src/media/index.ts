/** The media library: uploads checked by their bytes, responsive variants, storage behind an interface. */
export {
  CROPS,
  findMedia,
  findMediaUsage,
  findVariants,
  MAX_UPLOAD_BYTES,
  renderVariantsFromOriginal,
  searchMedia,
  updateMediaDetails,
  uploadImage,
  VARIANT_WIDTHS,
  type MediaDeps,
  type MediaWithVariants,
  type UploadInput,
} from './media.service.js'
/** Record a media file that is already stored (the demo seed's generated art). */
export {
  insertMedia,
  type MediaItem,
  type MediaVariant,
  type NewMedia,
} from './media.repository.js'
export { diskStorage, type MediaStorage } from './storage.js'
export { detectImageFormat, type ImageFormat } from './image-type.js'

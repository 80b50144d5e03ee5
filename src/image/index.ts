// authgear-avatar-editor/image: checking, cropping and encoding images in the
// browser. No React: usable from any UI.
export { cropImage, DEFAULT_MAX_BYTES, MAX_OUTPUT_SIZE } from './crop.js'
export { AvatarImageError, isAvatarImageError } from './errors.js'
export type { AnyAvatarImageError, AvatarImageErrorCode, AvatarImageErrorDetails } from './errors.js'
export { defaultCropSizeAtZoom1, getRotatedBoundingBox, maxZoomFor, minZoomForRotation } from './geometry.js'
export type { Size } from './geometry.js'
export { inspectImage } from './inspect.js'
export { createPreviewUrl } from './preview.js'
export type { PreviewUrl } from './preview.js'
export { defaultImageRules } from './rules.js'
export { detectImageType } from './sniff.js'
export type {
  CropArea,
  CropOptions,
  CropResult,
  DetectedImageType,
  ExifOrientation,
  ImageInfo,
  ImageRules,
  ImageType,
  OutputImageType,
} from './types.js'
export { terminateImageWorker } from './worker-client.js'

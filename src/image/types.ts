/** Image formats this layer can read the size of and that browsers decode. */
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif' | 'image/avif' | 'image/bmp'

/**
 * Every format the sniffer recognises. The extra ones are never decoded; they
 * are named so that an error can tell the user what the file really is.
 */
export type DetectedImageType =
  | ImageType
  | 'image/heic'
  | 'image/heif'
  | 'image/svg+xml'
  | 'image/tiff'
  | 'image/x-icon'
  | 'image/jxl'
  | 'application/pdf'

/** Formats `cropImage` can produce. */
export type OutputImageType = 'image/jpeg' | 'image/png' | 'image/webp'

/** EXIF orientation, 1 (upright) to 8. */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8

/** What the header of an image says, read without decoding it. */
export interface ImageInfo {
  /** The type sniffed from the magic bytes; the file name and `blob.type` are ignored. */
  type: ImageType
  /** Width as displayed, after the EXIF orientation (stored height for orientations 5-8). */
  width: number
  /** Height as displayed, after the EXIF orientation (stored width for orientations 5-8). */
  height: number
  /** The orientation the browser applies when it decodes the image; 1 when there is none. */
  orientation: ExifOrientation
  /** Whether the image may have transparent pixels (an alpha channel or a transparent colour). */
  hasAlpha: boolean
  /** Size of the file in bytes. */
  bytes: number
  /** True for animated GIF, APNG, animated WebP and AVIF sequences; only the first frame is used. */
  animated?: boolean
}

/** Limits `inspectImage` enforces before anything is decoded. */
export interface ImageRules {
  /**
   * Types accepted. HEIC/HEIF and SVG are always refused with their own codes.
   * @default ['image/jpeg', 'image/png', 'image/webp', 'image/gif']
   */
  acceptedTypes: readonly ImageType[]
  /**
   * Largest file accepted, in bytes.
   * @default 52_428_800 (50 MiB)
   */
  maxBytes: number
  /**
   * Largest `width * height` accepted; refuses decompression bombs before any decode.
   * @default 50_000_000
   */
  maxPixels: number
  /**
   * Smallest accepted width and height, in displayed pixels.
   * @default 128
   */
  minSide: number
}

/** A rectangle in displayed source pixels, as react-easy-crop's `croppedAreaPixels`. */
export interface CropArea {
  x: number
  y: number
  width: number
  height: number
}

/** Options of `cropImage`. */
export interface CropOptions {
  /**
   * Rotation in degrees, any angle, as react-easy-crop's `rotation`: `area` is then
   * in the bounding box of the rotated image.
   * @default 0
   */
  rotation?: number
  /**
   * Side of the square output, in pixels (at most 4096, so the canvas stays within
   * iOS's 16,777,216-pixel limit). Lowered to the crop's own pixels unless `allowUpscale`.
   * @default 1024
   */
  size?: number
  /**
   * Allow an output larger than the source pixels inside the crop.
   * @default false
   */
  allowUpscale?: boolean
  /**
   * Output type. When the crop has transparent pixels and this type cannot keep
   * them (JPEG), `alphaType` is used instead so they never turn black.
   * @default 'image/jpeg'
   */
  type?: OutputImageType
  /**
   * Output type used instead of JPEG for crops with transparent pixels.
   * @default 'image/png'
   */
  alphaType?: 'image/png' | 'image/webp'
  /**
   * A CSS colour painted under the image; the output then never has transparency
   * and stays in `type`.
   * @default undefined (transparent)
   */
  background?: string
  /**
   * First encoder quality for JPEG and WebP, 0 to 1.
   * @default 0.9
   */
  quality?: number
  /**
   * Lowest quality the budget may step down to before the size is stepped down.
   * @default 0.5
   */
  minQuality?: number
  /**
   * Largest output in bytes: quality steps down first, then size, else `cannot-fit`.
   * The default leaves room for the multipart overhead under Authgear's 10 MiB limit.
   * @default 10_420_224 (10 MiB - 64 KiB)
   */
  maxBytes?: number
  /**
   * Smallest side the size stepping may reach before giving up with `cannot-fit`.
   * @default 128
   */
  minSize?: number
  /**
   * Rules checked on the header before decoding.
   * @default defaultImageRules
   */
  rules?: Partial<ImageRules>
  /**
   * Decode and encode in a Web Worker when the browser can. `false` runs on the
   * main thread (e.g. under a Content-Security-Policy without `worker-src blob:`).
   * @default true
   */
  worker?: boolean
  /**
   * Let the JPEG decoder itself decode a large JPEG at 3/8 or 1/2 scale when
   * the crop still has at least `size` pixels across (WebCodecs
   * `ImageDecoder`): 1.3 to 2x faster and a fraction of the memory. Its
   * resampling differs from a full decode's by less than the JPEG encoder's
   * own loss at quality 0.9, not less than a lossless output shows: so by
   * default it is used for lossy output at `quality` 0.9 or below whose crop
   * lies wholly on the image, and never for PNG.
   * @default true for such output, false otherwise
   */
  fastDecode?: boolean
  /** Aborts the work; the promise rejects with an `AvatarImageError` of code `aborted`. */
  signal?: AbortSignal
}

/** The encoded square crop. */
export interface CropResult {
  blob: Blob
  /** The type actually produced (a browser without a WebP encoder gives PNG). */
  type: OutputImageType
  width: number
  height: number
  /** `blob.size`. */
  bytes: number
  /** Encoder quality used; `undefined` for PNG. */
  quality: number | undefined
  /**
   * The scale the source was decoded at: 1, or 0.375 or 0.5 where a large
   * JPEG was decoded smaller by the JPEG decoder itself (see `fastDecode`).
   * Diagnostic.
   */
  decodeScale: number
}

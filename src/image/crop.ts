import { throwIfAborted } from './errors.js'
import { isAreaCoveredByImage } from './geometry.js'
import { inspectImage } from './inspect.js'
import type { RenderJob } from './render.js'
import type { CropArea, CropOptions, CropResult, ImageInfo, OutputImageType } from './types.js'
import { cropWorker, WorkerUnavailableError } from './worker-client.js'

/** Largest side whose square stays within iOS's 16,777,216-pixel canvas limit. */
export const MAX_OUTPUT_SIZE = 4096

/** Authgear's 10 MiB upload limit minus room for the multipart envelope. */
export const DEFAULT_MAX_BYTES = 10_485_760 - 64 * 1024

const OUTPUT_TYPES: readonly OutputImageType[] = ['image/jpeg', 'image/png', 'image/webp']

/**
 * Crops, rotates and scales an image to an N x N square and encodes it, in a
 * Web Worker when the browser has one (else on the main thread). The file is
 * checked from its header first (`inspectImage`) and decoded once: a large
 * JPEG at 3/8 or 1/2 scale by the JPEG decoder itself when the crop keeps at
 * least `size` pixels across and the output is lossy (see `fastDecode`),
 * anything else in full. Only the crop is drawn, with 'high' smoothing; no
 * canvas exceeds 16,777,216 pixels. The output carries no EXIF or GPS metadata
 * and is upright: the EXIF orientation is applied once.
 *
 * @param blob - The original file.
 * @param area - The crop in displayed source pixels: react-easy-crop's
 *   `croppedAreaPixels` for the same `rotation` (with `aspect={1}`; a
 *   non-square area is stretched to the square). Parts outside the image are
 *   transparent.
 * @throws AvatarImageError: the codes of `inspectImage`, plus `decode-failed`,
 *   `cannot-fit` and `aborted`. A `TypeError` or `RangeError` for invalid options.
 */
export async function cropImage(blob: Blob, area: CropArea, options: CropOptions = {}): Promise<CropResult> {
  const { signal } = options
  throwIfAborted(signal)
  validateArea(area)
  const info = await inspectImage(blob, options.rules)
  throwIfAborted(signal)
  const job = resolveJob(info, area, options)

  if (options.worker !== false && cropWorker.usable) {
    try {
      return await cropWorker.run({ blob, info, job }, signal)
    } catch (error) {
      if (!(error instanceof WorkerUnavailableError)) throw error
    }
  }
  // Loaded only when needed: most pages never leave the worker.
  const { cropOnMainThread } = await import('./crop-main-thread.js')
  return cropOnMainThread(blob, info, job, signal)
}

function resolveJob(info: ImageInfo, area: CropArea, options: CropOptions): RenderJob {
  const rotation = options.rotation ?? 0
  if (!Number.isFinite(rotation)) throw new TypeError(`rotation must be a finite number of degrees, got ${rotation}`)
  const requested = options.size ?? 1024
  if (!Number.isInteger(requested) || requested < 1 || requested > MAX_OUTPUT_SIZE) {
    throw new RangeError(`size must be an integer from 1 to ${MAX_OUTPUT_SIZE}, got ${requested}`)
  }
  const type = options.type ?? 'image/jpeg'
  if (!OUTPUT_TYPES.includes(type)) throw new TypeError(`type must be one of ${OUTPUT_TYPES.join(', ')}, got ${type}`)
  const alphaType = options.alphaType ?? 'image/png'
  if (alphaType !== 'image/png' && alphaType !== 'image/webp') throw new TypeError(`alphaType must be image/png or image/webp, got ${alphaType}`)
  const quality = options.quality ?? 0.9
  const minQuality = Math.min(options.minQuality ?? 0.5, quality)
  if (!(quality > 0 && quality <= 1) || !(minQuality > 0)) throw new RangeError(`quality and minQuality must be in (0, 1], got ${quality} and ${minQuality}`)
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (!(maxBytes > 0)) throw new RangeError(`maxBytes must be positive, got ${maxBytes}`)
  // Never invent pixels: the output is at most as large as the crop's own.
  const cropPixels = Math.max(1, Math.floor(Math.min(area.width, area.height) + 1e-6))
  const size = options.allowUpscale ? requested : Math.min(requested, cropPixels)
  const minSize = Math.min(options.minSize ?? 128, size)
  // Where the scaled decode's resampling hides under the encoder's loss, and no transparency can switch the output to PNG.
  const fastDecodeByDefault = type !== 'image/png' && quality <= 0.9 && isAreaCoveredByImage(info, rotation, area)
  return {
    area: { x: area.x, y: area.y, width: area.width, height: area.height },
    rotation,
    size,
    type,
    alphaType,
    background: options.background,
    quality,
    minQuality,
    maxBytes,
    minSize,
    mayHaveAlpha: info.hasAlpha,
    fastDecode: options.fastDecode ?? fastDecodeByDefault,
  }
}

function validateArea(area: CropArea): void {
  const values = [area?.x, area?.y, area?.width, area?.height]
  if (!values.every((value) => typeof value === 'number' && Number.isFinite(value)) || !(area.width > 0 && area.height > 0)) {
    throw new TypeError(`area must have finite x, y and positive width and height, got ${JSON.stringify(area)}`)
  }
}

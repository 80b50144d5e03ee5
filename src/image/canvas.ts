// Decoders and canvases for both threads. Each feature is looked up when
// called, so the same code runs in a worker and on the main thread.
import { AvatarImageError } from './errors.js'
import type { Context2D, Decoded, RenderJob, Surface } from './render.js'
import { decodeScaledJpeg } from './scaled-decode.js'
import type { ImageInfo, ImageType, OutputImageType } from './types.js'

/** A decoded image and how to free it. */
export interface OwnedDecoded extends Decoded {
  release(): void
}

/** A canvas and how to free it. */
export interface OwnedSurface extends Surface {
  release(): void
}

/**
 * The one decode of a crop, in either thread: a JPEG at reduced scale where
 * that applies, else the whole image (`<img>` where `createImageBitmap` is missing).
 */
export async function decodeForCrop(blob: Blob, info: ImageInfo, job: RenderJob): Promise<OwnedDecoded> {
  const scaled = await decodeScaledJpeg(blob, info, job)
  if (scaled) return scaled
  return typeof createImageBitmap === 'function' ? decodeWithBitmap(blob, info.type) : decodeWithImageElement(blob, info.type)
}

/**
 * Decodes the whole image once, EXIF orientation applied. No crop rectangle
 * and no resize options: with a crop rectangle Chromium ignores
 * `resizeQuality` and mirrors off-centre crops of EXIF 6 and 8 photos.
 */
export async function decodeWithBitmap(blob: Blob, detectedType: ImageType): Promise<OwnedDecoded> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(blob)
  } catch (cause) {
    throw new AvatarImageError('decode-failed', { detectedType }, `The browser could not decode this ${detectedType}: ${String(cause)}`, { cause })
  }
  return { source: bitmap, size: { width: bitmap.width, height: bitmap.height }, release: () => bitmap.close() }
}

/** For browsers without `createImageBitmap(blob)`: an `<img>` from an object URL. */
export async function decodeWithImageElement(blob: Blob, detectedType: ImageType): Promise<OwnedDecoded> {
  const url = URL.createObjectURL(blob)
  const image = new Image()
  const release = () => {
    image.src = ''
    URL.revokeObjectURL(url)
  }
  try {
    image.src = url
    await image.decode()
  } catch (cause) {
    release()
    throw new AvatarImageError('decode-failed', { detectedType }, `The browser could not decode this ${detectedType}`, { cause })
  }
  return { source: image, size: { width: image.naturalWidth, height: image.naturalHeight }, release }
}

/** One OffscreenCanvas, resized per attempt and zeroed on release. */
export function offscreenSurface(): OwnedSurface {
  const canvas = new OffscreenCanvas(1, 1)
  return {
    context: (width, height) => resize(canvas, width, height),
    encode: (type, quality) => canvas.convertToBlob({ type, quality }),
    release: () => {
      canvas.width = 0
      canvas.height = 0
    },
  }
}

/** A `<canvas>` for browsers without OffscreenCanvas. */
export function elementSurface(): OwnedSurface {
  const canvas = document.createElement('canvas')
  return {
    context: (width, height) => resize(canvas, width, height),
    encode: (type: OutputImageType, quality: number | undefined) =>
      new Promise<Blob>((resolve, reject) => {
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`canvas.toBlob gave no ${type}`))), type, quality)
      }),
    release: () => {
      canvas.width = 0
      canvas.height = 0
    },
  }
}

function resize(canvas: OffscreenCanvas | HTMLCanvasElement, width: number, height: number): Context2D {
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d') as Context2D | null
  if (!context) throw new Error('no 2D canvas context')
  return context
}

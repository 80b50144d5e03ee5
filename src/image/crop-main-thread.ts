// The fallback for pages where the crop worker cannot run (no Worker, no
// OffscreenCanvas in workers, a CSP without blob: workers): the worker's
// decoders and renderer on the main thread. Imported on demand by crop.ts.
import { decodeForCrop, elementSurface, offscreenSurface } from './canvas.js'
import { AvatarImageError, isAvatarImageError, throwIfAborted } from './errors.js'
import { renderCrop, type RenderJob } from './render.js'
import type { CropResult, ImageInfo } from './types.js'

/** The fallback: the same renderer with the main thread's decoder and canvas. */
export async function cropOnMainThread(blob: Blob, info: ImageInfo, job: RenderJob, signal: AbortSignal | undefined): Promise<CropResult> {
  const decoded = await decodeForCrop(blob, info, job)
  const hasOffscreen = typeof OffscreenCanvas !== 'undefined' && typeof OffscreenCanvas.prototype.convertToBlob === 'function'
  const surface = hasOffscreen ? offscreenSurface() : elementSurface()
  try {
    return await renderCrop(decoded, job, surface, () => throwIfAborted(signal))
  } catch (error) {
    if (isAvatarImageError(error)) throw error
    // A canvas the browser refused (memory) or an encoder that gave nothing: this image cannot be processed here.
    throw new AvatarImageError('decode-failed', { detectedType: info.type }, `Could not draw or encode the image: ${String(error)}`, { cause: error })
  } finally {
    decoded.release()
    surface.release()
  }
}

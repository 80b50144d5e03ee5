// Drawing and encoding shared by the worker and the main-thread fallback.
// Nothing here touches the DOM or worker globals: the caller supplies the canvas.
import { AvatarImageError } from './errors.js'
import { cropTransform, isAreaCoveredByImage, type Size } from './geometry.js'
import type { CropArea, CropResult, OutputImageType } from './types.js'

/** Everything the renderer needs, already validated and resolved to numbers. */
export interface RenderJob {
  area: CropArea
  rotation: number
  /** Side of the first attempt, already capped to the crop's pixels unless upscaling. */
  size: number
  type: OutputImageType
  alphaType: 'image/png' | 'image/webp'
  background: string | undefined
  quality: number
  minQuality: number
  maxBytes: number
  minSize: number
  /** From the header: whether the source may have transparent pixels at all. */
  mayHaveAlpha: boolean
  /** Whether a JPEG may be decoded at a reduced scale (`CropOptions.fastDecode`, resolved). */
  fastDecode: boolean
}

/** The 2D context both OffscreenCanvas and HTMLCanvasElement give. */
export type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D

/** One reusable square canvas, owned by the caller. */
export interface Surface {
  /** Resizes (and so clears) the canvas and returns its context. */
  context(width: number, height: number): Context2D
  encode(type: OutputImageType, quality: number | undefined): Promise<Blob>
}

/** A decoded image: an ImageBitmap, or an `<img>` on the fallback path. */
export interface Decoded {
  source: CanvasImageSource
  /** Displayed size of the whole image (EXIF orientation applied), in source pixels. */
  size: Size
  /** Where `source` lies in the displayed image when it holds only part of it; the whole image when absent. */
  region?: CropArea
  /** The scale `source` was decoded at (1, or 3/8 or 1/2 for a DCT-scaled JPEG). */
  scale?: number
}

/** How much the size shrinks per step once quality alone cannot meet the budget. */
const SIZE_STEP = 0.75
const QUALITY_STEP = 0.1

/**
 * Draws the crop and encodes it within `job.maxBytes`: quality steps down
 * first, then the size, until it fits; else `cannot-fit`.
 * `checkAborted` is called before each encode.
 */
export async function renderCrop(decoded: Decoded, job: RenderJob, surface: Surface, checkAborted: () => void): Promise<CropResult> {
  const mayHaveAlpha = job.background === undefined && (job.mayHaveAlpha || !isAreaCoveredByImage(decoded.size, job.rotation, job.area))
  let type = job.type
  let smallest = { bytes: Infinity, size: job.size }
  let alphaChecked = false

  for (const size of sizeSteps(job.size, job.minSize)) {
    checkAborted()
    const context = surface.context(size, size)
    drawCrop(context, decoded, job, size)
    // Reading pixels costs a few ms: only when JPEG could turn transparency black.
    if (!alphaChecked && type === 'image/jpeg' && mayHaveAlpha) {
      if (hasTransparentPixels(context, size)) type = job.alphaType
    }
    alphaChecked = true
    for (const quality of type === 'image/png' ? [undefined] : qualitySteps(job.quality, job.minQuality)) {
      checkAborted()
      const blob = await surface.encode(type, quality)
      // A browser without the encoder (WebP in old Safari) silently gives PNG.
      const produced = (blob.type || type) as OutputImageType
      if (blob.size <= job.maxBytes) {
        const usedQuality = produced === 'image/png' ? undefined : quality
        return { blob, type: produced, width: size, height: size, bytes: blob.size, quality: usedQuality, decodeScale: decoded.scale ?? 1 }
      }
      if (blob.size < smallest.bytes) smallest = { bytes: blob.size, size }
      if (produced === 'image/png') break // quality changes nothing
    }
  }
  throw new AvatarImageError('cannot-fit', { maxBytes: job.maxBytes, smallestBytes: smallest.bytes, smallestSize: smallest.size, type })
}

/** Draws the rotated crop with the best resampling the canvas offers. */
export function drawCrop(context: Context2D, decoded: Decoded, job: Pick<RenderJob, 'area' | 'rotation' | 'background'>, size: number): void {
  if (job.background !== undefined) {
    context.fillStyle = job.background
    context.fillRect(0, 0, size, size)
  }
  context.imageSmoothingEnabled = true
  context.imageSmoothingQuality = 'high'
  context.setTransform(...cropTransform(decoded.size, job.rotation, job.area, size, size))
  const { x, y, width, height } = decoded.region ?? { x: 0, y: 0, ...decoded.size }
  context.drawImage(decoded.source, x, y, width, height)
  context.setTransform(1, 0, 0, 1, 0, 0)
}

/** Whether any drawn pixel is less than fully opaque. */
export function hasTransparentPixels(context: Context2D, size: number): boolean {
  const { data } = context.getImageData(0, 0, size, size)
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] !== 255) return true
  }
  return false
}

/** `quality`, then down by 0.1 to `minQuality`. */
export function qualitySteps(quality: number, minQuality: number): number[] {
  const steps = [quality]
  for (let q = quality - QUALITY_STEP; q >= minQuality - 1e-9; q -= QUALITY_STEP) steps.push(Math.round(q * 100) / 100)
  return steps
}

/** `size`, then three quarters at a time down to `minSize`. */
export function sizeSteps(size: number, minSize: number): number[] {
  const steps = [size]
  let next = size
  while (next > minSize) {
    next = Math.max(minSize, Math.round(next * SIZE_STEP))
    steps.push(next)
  }
  return steps
}

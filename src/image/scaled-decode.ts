// A JPEG decoded at 3/8 or 4/8 of its size: libjpeg's DCT scaling, reached
// through WebCodecs' ImageDecoder (`desiredWidth`/`desiredHeight`). Measured in
// Chromium 156 (npm run bench): 24 MP to a 1024² JPEG at q 0.9 in 0.9x the
// time of a bare full decode and 0.4x its memory, with the output's PSNR
// against a Lanczos reference as good or better. The resampling alone
// (lossless output) is 0.4-3 dB below a full decode's, hidden by the JPEG
// encoder's loss: hence lossy output only by default (`fastDecode`). 1/4 and
// below lose more; 5/8 to 7/8 are slower than a full decode. `createImageBitmap`
// with resize options decodes in full and then resizes: slower, not faster.
//
// Two Chromium traps shape the rest: drawing a VideoFrame ignores
// `imageSmoothingQuality` (aliased downscale), and `createImageBitmap` of a
// rotated VideoFrame can come out squashed (orientation 8). So the frame is
// only ever drawn 1:1, and only the part the crop needs, into a small canvas;
// the 'high' downscale is then drawn from that canvas's bitmap.
import { areaBoundsInImage } from './geometry.js'
import { displayedToStoredRect, swapsSides, type Rect } from './orientation.js'
import type { OwnedDecoded } from './canvas.js'
import type { RenderJob } from './render.js'
import type { ExifOrientation, ImageInfo } from './types.js'

/** iOS Safari's canvas limit, which no canvas of ours exceeds. */
export const MAX_CANVAS_PIXELS = 16_777_216

/** The DCT scales that are faster than a full decode and hold up under a lossy output, smallest first. */
const NUMERATORS = [3, 4] as const

/**
 * The scale (in eighths) to decode at so that the crop still has at least
 * `job.size` pixels across, or `undefined` when only a full decode will do.
 */
export function scaleNumeratorFor(info: Pick<ImageInfo, 'type'>, job: Pick<RenderJob, 'area' | 'size' | 'fastDecode'>): number | undefined {
  if (!job.fastDecode || info.type !== 'image/jpeg') return undefined
  const side = Math.min(job.area.width, job.area.height)
  return NUMERATORS.find((numerator) => (side * numerator) / 8 >= job.size)
}

/**
 * Decodes a JPEG at a reduced scale and keeps only the region the crop needs
 * (at full scale when the decoder ignores the size asked for), or resolves
 * `undefined` whenever anything is not as expected (no ImageDecoder, a size
 * that is neither, an orientation that differs from the header's, a region
 * over the canvas limit, a decode error): the caller then decodes with
 * `createImageBitmap`, which also reports real decode errors.
 */
export async function decodeScaledJpeg(blob: Blob, info: ImageInfo, job: RenderJob): Promise<OwnedDecoded | undefined> {
  const numerator = scaleNumeratorFor(info, job)
  if (numerator === undefined || typeof ImageDecoder !== 'function' || typeof VideoFrame !== 'function' || typeof OffscreenCanvas !== 'function') {
    return undefined
  }
  // Frames without rotation and flip leave a browser's EXIF handling unknown: upright photos only, decided before decoding.
  const framesCarryOrientation = 'rotation' in VideoFrame.prototype && 'flip' in VideoFrame.prototype
  if (!framesCarryOrientation && info.orientation !== 1) return undefined
  const stored = swapsSides(info.orientation) ? { width: info.height, height: info.width } : { width: info.width, height: info.height }
  const scaled = { width: Math.ceil((stored.width * numerator) / 8), height: Math.ceil((stored.height * numerator) / 8) }
  let decoder: ImageDecoder | undefined
  try {
    decoder = new ImageDecoder({ data: blob.stream(), type: 'image/jpeg', desiredWidth: scaled.width, desiredHeight: scaled.height })
    const { image: frame } = await decoder.decode()
    try {
      // A decoder that ignores the size asked for gives the full image: still decoded once, so use it.
      const scale = sameSize(frame, scaled) ? numerator / 8 : sameSize(frame, stored) ? 1 : undefined
      if (scale === undefined || (framesCarryOrientation && frameOrientation(frame) !== info.orientation)) return undefined
      const region = neededRegion(info, job, scale)
      if (region.width < 1 || region.height < 1 || region.width * region.height > MAX_CANVAS_PIXELS) return undefined
      const bitmap = copyRegion(frame, displayedToStoredRect(region, info.orientation, { width: frame.codedWidth, height: frame.codedHeight }), region)
      if (!bitmap) return undefined
      return {
        source: bitmap,
        size: { width: info.width, height: info.height },
        region: { x: region.x / scale, y: region.y / scale, width: region.width / scale, height: region.height / scale },
        scale,
        release: () => bitmap.close(),
      }
    } finally {
      frame.close()
    }
  } catch {
    return undefined
  } finally {
    decoder?.close()
  }
}

/**
 * The whole-pixel region of the scaled, displayed image that the crop reads:
 * the crop's footprint plus room for the resampling filter, whose reach grows
 * with the downscale ratio.
 */
function neededRegion(info: ImageInfo, job: RenderJob, scale: number): Rect {
  const bounds = areaBoundsInImage(info, job.rotation, job.area)
  const ratio = (Math.min(job.area.width, job.area.height) * scale) / job.size
  const margin = Math.ceil(2 * ratio) + 2
  const width = Math.ceil(info.width * scale)
  const height = Math.ceil(info.height * scale)
  const x = Math.max(0, Math.floor(bounds.x * scale) - margin)
  const y = Math.max(0, Math.floor(bounds.y * scale) - margin)
  return {
    x,
    y,
    width: Math.min(width, Math.ceil((bounds.x + bounds.width) * scale) + margin) - x,
    height: Math.min(height, Math.ceil((bounds.y + bounds.height) * scale) + margin) - y,
  }
}

/** Draws the frame's `stored` rectangle 1:1, upright, into a bitmap of `displayed`'s size. */
function copyRegion(frame: VideoFrame, stored: Rect, displayed: Rect): ImageBitmap | undefined {
  const part = new VideoFrame(frame, { visibleRect: stored })
  const canvas = new OffscreenCanvas(displayed.width, displayed.height)
  try {
    if (part.displayWidth !== displayed.width || part.displayHeight !== displayed.height) return undefined
    const context = canvas.getContext('2d')
    if (!context) return undefined
    context.drawImage(part, 0, 0)
    return canvas.transferToImageBitmap()
  } finally {
    part.close()
    canvas.width = 0
    canvas.height = 0
  }
}

function sameSize(frame: VideoFrame, size: { width: number; height: number }): boolean {
  return frame.codedWidth === size.width && frame.codedHeight === size.height
}

/** The EXIF orientation a frame's `rotation` and `flip` stand for (Chromium sets both from the EXIF). */
function frameOrientation(frame: VideoFrame): ExifOrientation | undefined {
  const { rotation, flip } = frame as VideoFrame & { rotation?: number; flip?: boolean }
  if (typeof rotation !== 'number' || typeof flip !== 'boolean') return undefined
  const byRotation: Record<number, [ExifOrientation, ExifOrientation]> = { 0: [1, 2], 90: [6, 5], 180: [3, 4], 270: [8, 7] }
  return byRotation[rotation]?.[flip ? 1 : 0]
}

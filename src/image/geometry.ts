import type { CropArea } from './types.js'

/** Width and height of a box. */
export interface Size {
  width: number
  height: number
}

/** `degrees` in [0, 360). */
function normalizeDegrees(degrees: number): number {
  return ((degrees % 360) + 360) % 360
}

/**
 * |cos| and |sin| of `degrees`, exact for multiples of 90 so that a rotated
 * box's size does not pick up floating-point dust (1e-13) at 90 and 270.
 */
function absCosSin(degrees: number): [number, number] {
  const d = normalizeDegrees(degrees)
  if (d % 180 === 0) return [1, 0]
  if (d % 180 === 90) return [0, 1]
  const radians = (d * Math.PI) / 180
  return [Math.abs(Math.cos(radians)), Math.abs(Math.sin(radians))]
}

/**
 * Size of the axis-aligned box around a `width` x `height` rectangle rotated by
 * `rotation` degrees: the space react-easy-crop's `croppedAreaPixels` live in.
 */
export function getRotatedBoundingBox(width: number, height: number, rotation: number): Size {
  const [cos, sin] = absCosSin(rotation)
  return { width: width * cos + height * sin, height: width * sin + height * cos }
}

/**
 * The crop's side in source pixels at zoom 1 for react-easy-crop's default
 * layout (`objectFit: 'contain'`, square aspect, image not limited by the
 * container): the short side of the rotated image's bounding box.
 */
export function defaultCropSizeAtZoom1(width: number, height: number, rotation = 0): number {
  const box = getRotatedBoundingBox(width, height, rotation)
  return Math.min(box.width, box.height)
}

/**
 * The highest zoom at which a square crop still holds at least `outputSize`
 * source pixels across, so the output is never upscaled by zooming in.
 * Never below 1: an image smaller than `outputSize` can still be cropped at zoom 1.
 *
 * @param info - The image's displayed size (`ImageInfo`).
 * @param cropAreaSizeInPx - The crop's side in source pixels at zoom 1, which is
 *   `croppedAreaPixels.width * zoom` from any react-easy-crop callback.
 *   `undefined` assumes the default layout (see `defaultCropSizeAtZoom1`).
 * @param outputSize - Side of the output square, e.g. `cropImage`'s `size`.
 * @param rotation - Degrees, used only when `cropAreaSizeInPx` is undefined.
 */
export function maxZoomFor(info: Size, cropAreaSizeInPx: number | undefined, outputSize: number, rotation = 0): number {
  const atZoom1 = cropAreaSizeInPx ?? defaultCropSizeAtZoom1(info.width, info.height, rotation)
  if (!(outputSize > 0) || !(atZoom1 > 0)) return 1
  return Math.max(1, atZoom1 / outputSize)
}

/**
 * The zoom below which a centred square crop of a `width` x `height` image
 * rotated by `rotation` degrees would show empty (transparent) corners.
 * 1 at multiples of 90 degrees; 2 for a square image at 45 degrees.
 *
 * @param cropAreaSizeInPx - The crop's side in source pixels at zoom 1
 *   (`croppedAreaPixels.width * zoom`); `undefined` assumes the default layout.
 */
export function minZoomForRotation(width: number, height: number, rotation: number, cropAreaSizeInPx?: number): number {
  const [cos, sin] = absCosSin(rotation)
  const atZoom1 = cropAreaSizeInPx ?? defaultCropSizeAtZoom1(width, height, rotation)
  // The largest axis-aligned square centred in the rotated rectangle: its own
  // bounding box in the rectangle's frame, side * (cos + sin), must fit the short side.
  const largestSquare = Math.min(width, height) / (cos + sin)
  return Math.max(1, atZoom1 / largestSquare)
}

/** A point in the bounding-box space mapped back into the unrotated image. */
function toImageSpace(x: number, y: number, image: Size, box: Size, radians: number): [number, number] {
  const dx = x - box.width / 2
  const dy = y - box.height / 2
  const cos = Math.cos(-radians)
  const sin = Math.sin(-radians)
  return [dx * cos - dy * sin + image.width / 2, dx * sin + dy * cos + image.height / 2]
}

/** The four corners of `area` (in the rotated bounding box) mapped back into the unrotated image. */
function areaCornersInImage(image: Size, rotation: number, area: CropArea): [number, number][] {
  const box = getRotatedBoundingBox(image.width, image.height, rotation)
  const radians = (normalizeDegrees(rotation) * Math.PI) / 180
  return [
    toImageSpace(area.x, area.y, image, box, radians),
    toImageSpace(area.x + area.width, area.y, image, box, radians),
    toImageSpace(area.x, area.y + area.height, image, box, radians),
    toImageSpace(area.x + area.width, area.y + area.height, image, box, radians),
  ]
}

/**
 * Whether `area` (in the rotated bounding box) lies wholly on the image, so a
 * crop of it cannot have transparent pixels unless the image itself has some.
 */
export function isAreaCoveredByImage(image: Size, rotation: number, area: CropArea, tolerance = 1e-6): boolean {
  // Image and area are both convex: the corners inside means all of it is.
  return areaCornersInImage(image, rotation, area).every(
    ([ix, iy]) => ix >= -tolerance && iy >= -tolerance && ix <= image.width + tolerance && iy <= image.height + tolerance,
  )
}

/**
 * The part of the unrotated image that `area` (in the rotated bounding box)
 * covers: the axis-aligned box around its four corners mapped back into the
 * image, clipped to the image. Empty (zero width or height) when the area lies
 * wholly off the image.
 */
export function areaBoundsInImage(image: Size, rotation: number, area: CropArea): CropArea {
  const corners = areaCornersInImage(image, rotation, area)
  const xs = corners.map(([x]) => Math.min(Math.max(x, 0), image.width))
  const ys = corners.map(([, y]) => Math.min(Math.max(y, 0), image.height))
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }
}

/**
 * The canvas transform (a, b, c, d, e, f) that draws the whole image so that
 * `area` of its rotated bounding box fills an `outputWidth` x `outputHeight`
 * canvas: the same geometry as react-easy-crop's `getCroppedImg` recipe,
 * without its full-size intermediate canvas.
 */
export function cropTransform(image: Size, rotation: number, area: CropArea, outputWidth: number, outputHeight: number): [number, number, number, number, number, number] {
  const box = getRotatedBoundingBox(image.width, image.height, rotation)
  const d = normalizeDegrees(rotation)
  // Exact values at quarter turns keep the pixels aligned with the grid.
  const quarter = d % 90 === 0 ? d / 90 : undefined
  const radians = (d * Math.PI) / 180
  const cos = quarter === undefined ? Math.cos(radians) : ([1, 0, -1, 0] as const)[quarter] ?? 1
  const sin = quarter === undefined ? Math.sin(radians) : ([0, 1, 0, -1] as const)[quarter] ?? 0
  const sx = outputWidth / area.width
  const sy = outputHeight / area.height
  // scale(sx, sy) . translate(-area) . translate(box / 2) . rotate . translate(-image / 2)
  const tx = box.width / 2 - area.x
  const ty = box.height / 2 - area.y
  const hx = -image.width / 2
  const hy = -image.height / 2
  return [
    sx * cos,
    sy * sin,
    -sx * sin,
    sy * cos,
    sx * (cos * hx - sin * hy + tx),
    sy * (sin * hx + cos * hy + ty),
  ]
}

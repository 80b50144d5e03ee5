/*
 * Geometry of the square crop, free of React so it can be tested with tables.
 *
 * Conventions are react-easy-crop's: `crop` is the photo's offset from the
 * centre of the crop square in rendered (on-screen) pixels, `zoom` 1 fits the
 * crop square to the photo's short side, `rotation` is in degrees clockwise,
 * and the crop area handed to `cropImage` is in source pixels of the rotated
 * photo's bounding box.
 */

import { getRotatedBoundingBox } from '../image/index.js'

/** A point or offset, in pixels. */
export interface Point {
  x: number
  y: number
}

/** A width and height, in pixels. */
export interface Size {
  width: number
  height: number
}

/** A rectangle in source pixels of the rotated photo's bounding box. */
export interface CropRect {
  x: number
  y: number
  width: number
  height: number
}

/** The fine rotation slider's range, either side of a quarter turn. */
export const FINE_ROTATION_LIMIT = 45

/** Keeps `value` within `[min, max]` (`min` wins if they cross). */
export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max))
}

const radians = (degrees: number) => (degrees * Math.PI) / 180

/** `|cos θ| + |sin θ|`, rounded so quarter turns give exactly 1. */
function rotationSpread(rotation: number): number {
  const spread = Math.abs(Math.cos(radians(rotation))) + Math.abs(Math.sin(radians(rotation)))
  return Math.round(spread * 1e9) / 1e9
}

/**
 * The smallest zoom at which the rotated photo still covers the whole crop
 * square, so no empty corner can appear: 1 at quarter turns, √2 at 45°.
 * With the crop square on the photo's short side this does not depend on the
 * photo's shape.
 */
export function coverZoomForRotation(rotation: number): number {
  return rotationSpread(rotation)
}

/** Side of the crop square on screen: the rendered photo's short side. */
export function cropSideFor(rendered: Size): number {
  return Math.min(rendered.width, rendered.height)
}

/**
 * The nearest offset at which the crop square lies wholly inside the rotated,
 * zoomed photo. react-easy-crop's own limit uses the rotated bounding box and
 * lets empty corners in; this one works in the photo's own frame, where the
 * crop square's extent is `side · (|cos θ| + |sin θ|)`.
 */
export function clampCropPosition(crop: Point, rendered: Size, zoom: number, rotation: number): Point {
  const side = cropSideFor(rendered)
  const halfExtent = (side * rotationSpread(rotation)) / 2
  const limitX = Math.max(0, (rendered.width * zoom) / 2 - halfExtent)
  const limitY = Math.max(0, (rendered.height * zoom) / 2 - halfExtent)
  const cos = Math.cos(radians(rotation))
  const sin = Math.sin(radians(rotation))
  // The crop centre seen from the photo centre is -crop; turn it into the photo's frame.
  const u = -(crop.x * cos + crop.y * sin)
  const v = -(-crop.x * sin + crop.y * cos)
  const cu = clamp(u, -limitX, limitX)
  const cv = clamp(v, -limitY, limitY)
  if (cu === u && cv === v) return crop
  return { x: -(cu * cos - cv * sin), y: -(cu * sin + cv * cos) }
}

/** What {@link computeCropRect} needs. */
export interface CropRectInput {
  crop: Point
  zoom: number
  rotation: number
  /** The photo's displayed size in source pixels (after EXIF). */
  natural: Size
  /** The photo's size on screen at zoom 1; `null` before the cropper has measured it. */
  rendered: Size | null
}

/**
 * The source-pixel square that the crop frame shows, in the rotated photo's
 * bounding box (what `cropImage` takes). Whole pixels, kept inside the box.
 */
export function computeCropRect({ crop, zoom, rotation, natural, rendered }: CropRectInput): CropRect {
  const box = getRotatedBoundingBox(natural.width, natural.height, rotation)
  const side = Math.min(natural.width, natural.height) / zoom
  const sourcePerScreen = rendered && rendered.width > 0 ? natural.width / rendered.width : 0
  const centreX = box.width / 2 - (crop.x * sourcePerScreen) / zoom
  const centreY = box.height / 2 - (crop.y * sourcePerScreen) / zoom
  const size = Math.max(1, Math.min(Math.round(side), Math.floor(box.width), Math.floor(box.height)))
  return {
    x: clamp(Math.round(centreX - size / 2), 0, Math.floor(box.width) - size),
    y: clamp(Math.round(centreY - size / 2), 0, Math.floor(box.height) - size),
    width: size,
    height: size,
  }
}

/** A rotation as a quarter turn (0, 90, 180 or 270) plus a fine angle within ±45°. */
export interface RotationParts {
  quarter: number
  fine: number
}

/** `degrees` as one of 0, 90, 180, 270. */
export function normalizeQuarter(degrees: number): number {
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360
}

/**
 * Splits `rotation` into a quarter turn and a fine angle. `quarterHint` (the
 * quarter last chosen) wins whenever it can express the rotation, so a fine
 * angle of exactly ±45° does not flip to the neighbouring quarter.
 */
export function splitRotation(rotation: number, quarterHint: number): RotationParts {
  for (const quarter of [quarterHint, quarterHint - 360, quarterHint + 360]) {
    const fine = rotation - quarter
    if (Math.abs(fine) <= FINE_ROTATION_LIMIT) return { quarter: normalizeQuarter(quarterHint), fine }
  }
  const quarter = Math.round(rotation / 90) * 90
  return { quarter: normalizeQuarter(quarter), fine: rotation - quarter }
}

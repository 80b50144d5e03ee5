import { uint16, uint32 } from './byte-reader.js'
import type { ExifOrientation } from './types.js'

/**
 * Each EXIF orientation as the 2x2 matrix taking a stored direction to a
 * displayed one (y down): a tiny dihedral group, enough to compose AVIF's
 * `irot` and `imir` and to know when width and height swap.
 */
const MATRICES: Record<ExifOrientation, readonly [number, number, number, number]> = {
  1: [1, 0, 0, 1],
  2: [-1, 0, 0, 1],
  3: [-1, 0, 0, -1],
  4: [1, 0, 0, -1],
  5: [0, 1, 1, 0],
  6: [0, -1, 1, 0],
  7: [0, -1, -1, 0],
  8: [0, 1, -1, 0],
}

/**
 * The stored-pixel rectangle that shows as `displayed` once `orientation` is
 * applied; `stored` is the stored image's size.
 */
export function displayedToStoredRect(displayed: Rect, orientation: ExifOrientation, stored: { width: number; height: number }): Rect {
  // The matrices are orthogonal: the inverse is the transpose. Work from the centres.
  const [a, b, c, d] = MATRICES[orientation]
  const displayedWidth = swapsSides(orientation) ? stored.height : stored.width
  const displayedHeight = swapsSides(orientation) ? stored.width : stored.height
  const toStored = (x: number, y: number): [number, number] => {
    const dx = x - displayedWidth / 2
    const dy = y - displayedHeight / 2
    return [a * dx + c * dy + stored.width / 2, b * dx + d * dy + stored.height / 2]
  }
  const [x1, y1] = toStored(displayed.x, displayed.y)
  const [x2, y2] = toStored(displayed.x + displayed.width, displayed.y + displayed.height)
  return { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) }
}

/** An axis-aligned rectangle. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** True for orientations 5-8, where displayed width is stored height. */
export function swapsSides(orientation: ExifOrientation): boolean {
  return orientation >= 5
}

/** The orientation of applying `first`, then `second`. */
export function composeOrientations(first: ExifOrientation, second: ExifOrientation): ExifOrientation {
  const [a, b, c, d] = MATRICES[second]
  const [e, f, g, h] = MATRICES[first]
  const product = [a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h]
  const match = (Object.entries(MATRICES) as [string, readonly number[]][]).find(([, m]) => m.every((v, i) => v === product[i]))
  return Number(match?.[0] ?? 1) as ExifOrientation
}

/** `value` when it is a valid orientation, else 1 (as browsers do). */
export function toOrientation(value: number | undefined): ExifOrientation {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 8 ? (value as ExifOrientation) : 1
}

/**
 * The Orientation tag (0x0112) of IFD0 in a TIFF-structured EXIF block
 * (starting at the `II`/`MM` byte order mark); 1 when absent or malformed.
 */
export function readExifOrientation(tiff: Uint8Array): ExifOrientation {
  const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0)
  if (order !== 'II' && order !== 'MM') return 1
  const le = order === 'II'
  if (uint16(tiff, 2, le) !== 42) return 1
  const ifd = uint32(tiff, 4, le)
  if (ifd === undefined) return 1
  const count = uint16(tiff, ifd, le) ?? 0
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    const tag = uint16(tiff, entry, le)
    if (tag === undefined) return 1
    if (tag === 0x0112) {
      const type = uint16(tiff, entry + 2, le)
      // SHORT is the spec; some writers use LONG.
      const value = type === 4 ? uint32(tiff, entry + 8, le) : uint16(tiff, entry + 8, le)
      return toOrientation(value)
    }
  }
  return 1
}

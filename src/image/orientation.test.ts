import { describe, expect, it } from 'vitest'
import { composeOrientations, displayedToStoredRect, readExifOrientation, swapsSides, toOrientation } from './orientation.js'
import { concat, exifTiff, u16be, u32be } from './test-utils/bytes.js'
import type { ExifOrientation } from './types.js'

describe('readExifOrientation', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('reads orientation %i from big- and little-endian EXIF', (o) => {
    expect(readExifOrientation(exifTiff(o))).toBe(o)
    expect(readExifOrientation(exifTiff(o, true))).toBe(o)
  })

  it('treats out-of-range values as upright, as browsers do', () => {
    expect(readExifOrientation(exifTiff(0))).toBe(1)
    expect(readExifOrientation(exifTiff(9))).toBe(1)
  })

  it('returns 1 for EXIF without the tag, a bad byte order or a truncated IFD', () => {
    const withoutTag = concat('MM', u16be(42), u32be(8), u16be(1), u16be(0x010f), u16be(2), u32be(4), u32be(0), u32be(0))
    expect(readExifOrientation(withoutTag)).toBe(1)
    expect(readExifOrientation(concat('XX', exifTiff(6).subarray(2)))).toBe(1)
    expect(readExifOrientation(exifTiff(6).subarray(0, 12))).toBe(1)
  })
})

describe('orientation algebra', () => {
  it('swaps sides for 5 to 8 only', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((o) => swapsSides(o as ExifOrientation))).toEqual([false, false, false, false, true, true, true, true])
  })

  it.each([
    [6, 6, 3, 'two quarter turns clockwise make a half turn'],
    [6, 8, 1, 'a quarter turn each way cancels out'],
    [2, 2, 1, 'mirroring twice cancels out'],
    [6, 2, 5, 'a clockwise turn then a mirror is a transpose'],
    [8, 2, 7, 'a counter-clockwise turn then a mirror is a transverse'],
    [3, 4, 2, 'a half turn then a vertical flip is a horizontal mirror'],
  ] as [ExifOrientation, ExifOrientation, ExifOrientation, string][])('%i then %i is %i (%s)', (first, second, expected) => {
    expect(composeOrientations(first, second)).toBe(expected)
  })

  it('maps invalid numbers to 1', () => {
    expect([undefined, 0, 9, 2.5, Number.NaN].map(toOrientation)).toEqual([1, 1, 1, 1, 1])
  })
})

describe('displayedToStoredRect', () => {
  // The displayed picture is 480x320; where do the stored pixels of its top-left quadrant lie?
  it.each([
    [1, { x: 0, y: 0, width: 240, height: 160 }],
    [2, { x: 240, y: 0, width: 240, height: 160 }],
    [3, { x: 240, y: 160, width: 240, height: 160 }],
    [4, { x: 0, y: 160, width: 240, height: 160 }],
    [5, { x: 0, y: 0, width: 160, height: 240 }],
    [6, { x: 0, y: 240, width: 160, height: 240 }],
    [7, { x: 160, y: 240, width: 160, height: 240 }],
    [8, { x: 160, y: 0, width: 160, height: 240 }],
  ] as const)('maps the displayed top-left quadrant of orientation %i to its stored pixels', (orientation, expected) => {
    const stored = swapsSides(orientation) ? { width: 320, height: 480 } : { width: 480, height: 320 }
    expect(displayedToStoredRect({ x: 0, y: 0, width: 240, height: 160 }, orientation, stored)).toEqual(expected)
  })

  it('keeps an off-centre rectangle off-centre (not mirrored through the centre)', () => {
    // Orientation 6: the displayed (x, y) is stored (y, storedHeight - x).
    expect(displayedToStoredRect({ x: 10, y: 20, width: 30, height: 40 }, 6, { width: 320, height: 480 })).toEqual({ x: 20, y: 440, width: 40, height: 30 })
  })
})

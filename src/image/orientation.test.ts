import { describe, expect, it } from 'vitest'
import { composeOrientations, readExifOrientation, swapsSides, toOrientation } from './orientation.js'
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

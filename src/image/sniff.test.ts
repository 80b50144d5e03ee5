import { describe, expect, it } from 'vitest'
import { detectImageType } from './sniff.js'
import { avif, bmp, box, concat, gif, jpeg, latin1, png, webpLossy } from './test-utils/bytes.js'

describe('detectImageType', () => {
  it.each([
    ['JPEG', jpeg({ width: 10, height: 10 }), 'image/jpeg'],
    ['PNG', png({ width: 10, height: 10 }), 'image/png'],
    ['WebP', webpLossy(10, 10), 'image/webp'],
    ['GIF89a', gif({ width: 10, height: 10, frames: [] }), 'image/gif'],
    ['GIF87a', latin1('GIF87a\x0a\x00\x0a\x00\x00\x00\x00;'), 'image/gif'],
    ['AVIF', avif({ width: 10, height: 10 }), 'image/avif'],
    ['an AVIF sequence', avif({ width: 10, height: 10, brand: 'avis' }), 'image/avif'],
    ['BMP', bmp(10, 10), 'image/bmp'],
    ['an iPhone HEIC', box('ftyp', latin1('heic'), [0, 0, 0, 0], latin1('mif1heic')), 'image/heic'],
    ['HEIC with an hevc brand', box('ftyp', latin1('mif1'), [0, 0, 0, 0], latin1('mif1hevc')), 'image/heic'],
    ['a generic HEIF', box('ftyp', latin1('mif1'), [0, 0, 0, 0], latin1('mif1miaf')), 'image/heif'],
    ['AVIF listed beside mif1', box('ftyp', latin1('mif1'), [0, 0, 0, 0], latin1('mif1avif')), 'image/avif'],
    ['little-endian TIFF', latin1('II*\0\x08\0\0\0'), 'image/tiff'],
    ['big-endian TIFF', latin1('MM\0*\0\0\0\x08'), 'image/tiff'],
    ['PDF', latin1('%PDF-1.7\n'), 'application/pdf'],
    ['JPEG XL codestream', concat([0xff, 0x0a], new Uint8Array(10)), 'image/jxl'],
    ['SVG', latin1('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/svg+xml'],
    ['SVG after an XML declaration, BOM and comment', concat([0xef, 0xbb, 0xbf], '  <?xml version="1.0"?>\n<!-- x -->\n<svg>'), 'image/svg+xml'],
    ['ICO', concat([0, 0, 1, 0, 1, 0], new Uint8Array(20)), 'image/x-icon'],
  ] as const)('names %s by its magic bytes', (_, bytes, type) => {
    expect(detectImageType(bytes)).toBe(type)
  })

  it.each([
    ['plain text', latin1('This is a text file with a .png name.\n')],
    ['HTML', latin1('<!doctype html><html><body><svg></svg></body></html>')],
    ['nothing', new Uint8Array(0)],
    ['a truncated JPEG signature', Uint8Array.from([0xff, 0xd8])],
    ['an unknown ISO-BMFF brand (MP4 video)', box('ftyp', latin1('isom'), [0, 0, 0, 0], latin1('isomiso2mp41'))],
  ])('returns undefined for %s', (_, bytes) => {
    expect(detectImageType(bytes)).toBeUndefined()
  })
})

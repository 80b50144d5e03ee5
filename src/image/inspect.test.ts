// Header parsing from hand-built bytes (jsdom has Blob, which is all inspectImage needs).
import { describe, expect, it } from 'vitest'
import { ByteReader } from './byte-reader.js'
import { AvatarImageError } from './errors.js'
import { readJpegHeader } from './header-jpeg.js'
import { inspectImage } from './inspect.js'
import { defaultImageRules } from './rules.js'
import { avif, blobOf, bmp, box, concat, exifTiff, gif, jpeg, jpegSegment, latin1, png, pngChunk, u32be, webpExtended, webpLossless, webpLossy } from './test-utils/bytes.js'
import { rejection } from './test-utils/rejection.js'

const anyType = { acceptedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/bmp'] } as const


describe('inspectImage: JPEG', () => {
  it('reads the size from the frame header', async () => {
    const info = await inspectImage(blobOf(jpeg({ width: 6000, height: 4000 })))
    expect(info).toEqual({ type: 'image/jpeg', width: 6000, height: 4000, orientation: 1, hasAlpha: false, bytes: expect.any(Number) })
  })

  it.each([1, 2, 3, 4])('keeps width and height for EXIF orientation %i', async (orientation) => {
    const info = await inspectImage(blobOf(jpeg({ width: 600, height: 400, orientation })))
    expect([info.width, info.height, info.orientation]).toEqual([600, 400, orientation])
  })

  it.each([5, 6, 7, 8])('swaps width and height for EXIF orientation %i', async (orientation) => {
    const info = await inspectImage(blobOf(jpeg({ width: 600, height: 400, orientation })))
    expect([info.width, info.height, info.orientation]).toEqual([400, 600, orientation])
  })

  it.each([0xc1, 0xc2, 0xc3, 0xc9, 0xcb])('reads the size from a SOF%s frame (extended, progressive, lossless, arithmetic)', async (sof) => {
    const info = await inspectImage(blobOf(jpeg({ width: 300, height: 200, sof })))
    expect([info.width, info.height]).toEqual([300, 200])
  })

  it('finds a frame header that follows 256 KB of metadata, in a few bounded reads', async () => {
    const bytes = jpeg({ width: 800, height: 600, orientation: 6, padding: [65_000, 65_000, 65_000, 65_000] })
    const reader = new ByteReader(blobOf(bytes))
    const header = await readJpegHeader(reader)
    expect(header).toMatchObject({ width: 800, height: 600, orientation: 6 })
    // One 64 KB window per hop over a 65 KB segment; never the whole file at once.
    expect(reader.readCount).toBeLessThanOrEqual(6)
  })

  it('skips fill bytes between segments', async () => {
    const plain = jpeg({ width: 320, height: 240 })
    const withFill = concat(plain.subarray(0, 2), [0xff, 0xff, 0xff], plain.subarray(2))
    expect((await inspectImage(blobOf(withFill))).width).toBe(320)
  })

  it('uses the EXIF orientation, not an XMP APP1 before it', async () => {
    const xmp = jpegSegment(0xe1, latin1('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>'))
    const exif = jpegSegment(0xe1, concat('Exif\0\0', exifTiff(8)))
    const base = jpeg({ width: 500, height: 300 })
    const info = await inspectImage(blobOf(concat(base.subarray(0, 2), xmp, exif, base.subarray(2))))
    expect([info.orientation, info.width, info.height]).toEqual([8, 300, 500])
  })

  it.each([
    ['a file cut before the frame header', jpeg({ width: 300, height: 300, orientation: 6 }).subarray(0, 30), 'ends before'],
    ['scan data before any frame header', concat([0xff, 0xd8], jpegSegment(0xda, [0]), [0xff, 0xd9]), 'image data before'],
    ['a zero height (DNL)', jpeg({ width: 300, height: 0 }), 'invalid dimensions'],
    ['garbage where a marker belongs', concat([0xff, 0xd8], jpegSegment(0xe0, [0, 0]), [0x00, 0x01, 0x02, 0x03]), 'no marker'],
  ])('reports %s as corrupt', async (_, bytes, reason) => {
    const error = await rejection(inspectImage(blobOf(bytes)))
    expect(error.code).toBe('corrupt')
    expect(error.details).toMatchObject({ detectedType: 'image/jpeg', reason: expect.stringContaining(reason) })
  })
})

describe('inspectImage: PNG', () => {
  it('reads the size of an opaque RGB PNG', async () => {
    const info = await inspectImage(blobOf(png({ width: 640, height: 480, colourType: 2 })))
    expect(info).toMatchObject({ type: 'image/png', width: 640, height: 480, hasAlpha: false, orientation: 1 })
    expect(info.animated).toBeUndefined()
  })

  it.each([
    ['RGBA', 6, []],
    ['grey with alpha', 4, []],
    ['palette with tRNS', 3, [pngChunk('tRNS', [0])]],
  ] as const)('flags %s as possibly transparent', async (_, colourType, chunks) => {
    const info = await inspectImage(blobOf(png({ width: 200, height: 200, colourType, chunks: [...chunks] })))
    expect(info.hasAlpha).toBe(true)
  })

  it('flags an APNG with more than one frame as animated', async () => {
    const info = await inspectImage(blobOf(png({ width: 200, height: 200, chunks: [pngChunk('acTL', [...u32be(3), ...u32be(0)])] })))
    expect(info.animated).toBe(true)
  })

  it('applies an eXIf orientation, as Chromium does', async () => {
    const info = await inspectImage(blobOf(png({ width: 300, height: 200, chunks: [pngChunk('eXIf', exifTiff(6))] })))
    expect([info.orientation, info.width, info.height]).toEqual([6, 200, 300])
  })

  it('reports a PNG without IHDR as corrupt', async () => {
    const bytes = concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], pngChunk('IDAT', [0]))
    expect((await rejection(inspectImage(blobOf(bytes)))).code).toBe('corrupt')
  })
})

describe('inspectImage: GIF, WebP, AVIF, BMP', () => {
  it('reads a still GIF as opaque and not animated', async () => {
    const info = await inspectImage(blobOf(gif({ width: 300, height: 200, frames: [{ width: 300, height: 200 }] })))
    expect(info).toMatchObject({ type: 'image/gif', width: 300, height: 200, hasAlpha: false })
    expect(info.animated).toBeUndefined()
  })

  it('flags a GIF with two frames, or a loop extension, as animated', async () => {
    const twoFrames = gif({ width: 300, height: 300, frames: [{ width: 300, height: 300 }, { width: 300, height: 300 }] })
    const looping = gif({ width: 300, height: 300, loop: true, frames: [{ width: 300, height: 300 }] })
    expect((await inspectImage(blobOf(twoFrames))).animated).toBe(true)
    expect((await inspectImage(blobOf(looping))).animated).toBe(true)
  })

  it('flags a GIF with a transparent colour or a first frame smaller than the screen as possibly transparent', async () => {
    const transparent = gif({ width: 300, height: 300, frames: [{ width: 300, height: 300, transparent: true }] })
    const inset = gif({ width: 300, height: 300, frames: [{ x: 10, y: 10, width: 200, height: 200 }] })
    expect((await inspectImage(blobOf(transparent))).hasAlpha).toBe(true)
    expect((await inspectImage(blobOf(inset))).hasAlpha).toBe(true)
  })

  it.each([
    ['lossy (VP8)', webpLossy(1000, 750), { width: 1000, height: 750, hasAlpha: false }],
    ['lossless (VP8L) with alpha', webpLossless(1000, 750, true), { width: 1000, height: 750, hasAlpha: true }],
    ['lossless (VP8L) without alpha', webpLossless(16383, 200, false), { width: 16383, height: 200, hasAlpha: false }],
    ['extended (VP8X) with the alpha flag', webpExtended(5000, 300, { alphaFlag: true }), { width: 5000, height: 300, hasAlpha: true }],
    ['extended (VP8X) with an ALPH chunk but no flag', webpExtended(500, 300, { alphChunk: true }), { width: 500, height: 300, hasAlpha: true }],
    ['animated (VP8X)', webpExtended(500, 300, { animated: true }), { width: 500, height: 300, hasAlpha: false, animated: true }],
  ])('reads WebP %s', async (_, bytes, expected) => {
    expect(await inspectImage(blobOf(bytes))).toMatchObject({ type: 'image/webp', ...expected })
  })

  it.each([
    ['plain', [], false, [4000, 3000, 1]],
    ['rotated a quarter turn counter-clockwise (irot 1)', ['irot1'], false, [3000, 4000, 8]],
    ['rotated a half turn (irot 2)', ['irot2'], false, [4000, 3000, 3]],
    ['rotated three quarter turns (irot 3)', ['irot3'], false, [3000, 4000, 6]],
    ['mirrored left-right (imir 0)', ['imir0'], false, [4000, 3000, 2]],
    ['rotated then mirrored top-bottom', ['irot1', 'imir1'], false, [3000, 4000, 5]],
    ['with an alpha plane', [], true, [4000, 3000, 1]],
  ] as const)('reads AVIF %s from the primary item', async (_, transforms, alpha, [width, height, orientation]) => {
    const info = await inspectImage(blobOf(avif({ width: 4000, height: 3000, transforms: [...transforms], alpha })), anyType)
    expect(info).toMatchObject({ type: 'image/avif', width, height, orientation, hasAlpha: alpha })
  })

  it('flags an AVIF image sequence as animated', async () => {
    expect((await inspectImage(blobOf(avif({ width: 400, height: 400, brand: 'avis' })), anyType)).animated).toBe(true)
  })

  it('reports an AVIF without a meta box as corrupt', async () => {
    const bytes = concat(box('ftyp', latin1('avif'), [0, 0, 0, 0], latin1('mif1avif')), box('mdat', [0]))
    expect((await rejection(inspectImage(blobOf(bytes), anyType))).code).toBe('corrupt')
  })

  it('reads bottom-up and top-down BMPs', async () => {
    expect(await inspectImage(blobOf(bmp(640, 480)), anyType)).toMatchObject({ type: 'image/bmp', width: 640, height: 480, hasAlpha: false })
    expect(await inspectImage(blobOf(bmp(640, -480, 32)), anyType)).toMatchObject({ width: 640, height: 480, hasAlpha: true })
  })
})

describe('inspectImage: rules', () => {
  it('refuses an empty file', async () => {
    const error = await rejection(inspectImage(new Blob([])))
    expect([error.code, error.details]).toEqual(['empty', { bytes: 0 }])
  })

  it('refuses types outside acceptedTypes, naming what was found', async () => {
    const error = await rejection(inspectImage(blobOf(avif({ width: 400, height: 400 }))))
    expect(error.code).toBe('unsupported-type')
    expect(error.details).toEqual({ detectedType: 'image/avif', acceptedTypes: defaultImageRules.acceptedTypes })
  })

  it('refuses unknown bytes with an undefined detectedType', async () => {
    const error = await rejection(inspectImage(new Blob(['hello'], { type: 'image/png' })))
    expect([error.code, error.details]).toEqual(['unsupported-type', { detectedType: undefined, acceptedTypes: defaultImageRules.acceptedTypes }])
  })

  it('refuses HEIC and SVG with their own codes even when listed as accepted', async () => {
    const heic = await rejection(inspectImage(blobOf(box('ftyp', latin1('heic'), [0, 0, 0, 0], latin1('mif1heic')))))
    const svg = await rejection(inspectImage(new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'])))
    expect([heic.code, heic.details]).toEqual(['heic-unsupported', { detectedType: 'image/heic' }])
    expect([svg.code, svg.details]).toEqual(['svg-not-allowed', { detectedType: 'image/svg+xml' }])
  })

  it('refuses a file over maxBytes before reading its header', async () => {
    const bytes = jpeg({ width: 1000, height: 1000 })
    const error = await rejection(inspectImage(blobOf(bytes), { maxBytes: bytes.length - 1 }))
    expect([error.code, error.details]).toEqual(['file-too-large', { bytes: bytes.length, maxBytes: bytes.length - 1 }])
  })

  it('accepts a file of exactly maxBytes', async () => {
    const bytes = jpeg({ width: 1000, height: 1000 })
    await expect(inspectImage(blobOf(bytes), { maxBytes: bytes.length })).resolves.toMatchObject({ bytes: bytes.length })
  })

  it('refuses more pixels than maxPixels, with the numbers', async () => {
    const error = await rejection(inspectImage(blobOf(png({ width: 30_000, height: 30_000 }))))
    expect([error.code, error.details]).toEqual(['too-many-pixels', { width: 30_000, height: 30_000, pixels: 900_000_000, maxPixels: 50_000_000 }])
  })

  it('accepts exactly maxPixels and refuses one more', async () => {
    await expect(inspectImage(blobOf(png({ width: 1000, height: 1000 })), { maxPixels: 1_000_000 })).resolves.toMatchObject({ width: 1000 })
    await expect(inspectImage(blobOf(png({ width: 1001, height: 1000 })), { maxPixels: 1_000_000 })).rejects.toMatchObject({ code: 'too-many-pixels' })
  })

  it('refuses a side under minSide, measured after orientation', async () => {
    const error = await rejection(inspectImage(blobOf(jpeg({ width: 127, height: 4000, orientation: 6 }))))
    expect([error.code, error.details]).toEqual(['too-small', { width: 4000, height: 127, minSide: 128 }])
    await expect(inspectImage(blobOf(png({ width: 128, height: 128 })))).resolves.toMatchObject({ width: 128 })
  })

  it('ignores undefined rule values instead of disabling the limit', async () => {
    const error = await rejection(inspectImage(blobOf(png({ width: 64, height: 64 })), { minSide: undefined }))
    expect(error.code).toBe('too-small')
  })

  it('is an Error with name AvatarImageError and a developer message', async () => {
    const error = await rejection(inspectImage(new Blob([])))
    expect(error).toBeInstanceOf(Error)
    expect(error).toBeInstanceOf(AvatarImageError)
    expect(error.name).toBe('AvatarImageError')
    expect(error.message).toContain('empty')
  })
})

// cropImage in real Chromium, asserted on decoded pixels.
import { describe, expect, it, vi } from 'vitest'
import { alphaPicture, corpusExifMarker, orientationPicture } from '../../test/corpus/spec.ts'
import { cropImage, MAX_OUTPUT_SIZE } from './crop.js'
import { getRotatedBoundingBox, isAreaCoveredByImage, minZoomForRotation } from './geometry.js'
import { drawCrop } from './render.js'
import { inspectImage } from './inspect.js'
import { bytesOf, colourDistance, containsText, decodePixels, hasExifSegment, loadCorpus, type Pixels } from './test-utils/corpus.js'
import type { CropArea, ImageRules } from './types.js'
import { rejection } from './test-utils/rejection.js'

const { topLeft, topRight, bottomLeft, bottomRight } = orientationPicture.quadrants
/** JPEG at quality 90 moves flat colours by a few levels; quadrants differ by well over 100. */
const TOLERANCE = 24

function expectColour(pixels: Pixels, x: number, y: number, colour: readonly number[]) {
  const actual = pixels.at(x, y)
  expect(colourDistance(actual, colour), `pixel (${x}, ${y}) is ${actual.join(',')}, expected ${colour.join(',')}`).toBeLessThanOrEqual(TOLERANCE)
}

/** Mean absolute difference of the colour channels of two images of the same size, over every 3rd pixel each way. */
function meanDifference(a: Pixels, b: Pixels): number {
  expect([a.width, a.height]).toEqual([b.width, b.height])
  let total = 0
  let count = 0
  for (let y = 0; y < a.height; y += 3) {
    for (let x = 0; x < a.width; x += 3) {
      const [p, q] = [a.at(x, y), b.at(x, y)]
      for (let channel = 0; channel < 3; channel++) total += Math.abs((p[channel] ?? 0) - (q[channel] ?? 0))
      count += 3
    }
  }
  return total / count
}

/** The crop as the full-decode path draws it: the whole file decoded by createImageBitmap, one 'high' draw, lossless. */
async function fullDecodeCrop(blob: Blob, area: CropArea, size: number, rotation = 0): Promise<Pixels> {
  const bitmap = await createImageBitmap(blob)
  const canvas = new OffscreenCanvas(size, size)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  drawCrop(context, { source: bitmap, size: { width: bitmap.width, height: bitmap.height } }, { area, rotation, background: undefined }, size)
  bitmap.close()
  return decodePixels(await canvas.convertToBlob({ type: 'image/png' }))
}

/** The centred square of the displayed 480x320 quadrant picture. */
const centreSquare: CropArea = { x: 80, y: 0, width: 320, height: 320 }

describe('cropImage: orientation', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('turns an EXIF orientation %i photo upright, exactly once', async (orientation) => {
    const blob = await loadCorpus(`orientation-${orientation}.jpg`)
    const result = await cropImage(blob, centreSquare)
    const pixels = await decodePixels(result.blob)
    expect([pixels.width, pixels.height]).toEqual([320, 320])
    expectColour(pixels, 80, 80, topLeft)
    expectColour(pixels, 240, 80, topRight)
    expectColour(pixels, 80, 240, bottomLeft)
    expectColour(pixels, 240, 240, bottomRight)
  })

  it.each([6, 8])('takes the off-centre region asked for from an orientation %i photo (not its mirror)', async (orientation) => {
    const blob = await loadCorpus(`orientation-${orientation}.jpg`)
    const inTopLeft = await decodePixels((await cropImage(blob, { x: 20, y: 20, width: 120, height: 120 })).blob)
    const inBottomRight = await decodePixels((await cropImage(blob, { x: 340, y: 180, width: 120, height: 120 })).blob)
    for (const [x, y] of [[5, 5], [60, 60], [114, 5], [5, 114], [114, 114]] as const) {
      expectColour(inTopLeft, x, y, topLeft)
      expectColour(inBottomRight, x, y, bottomRight)
    }
  })

  it('applies a PNG eXIf orientation once, and leaves WebP EXIF alone as Chromium does', async () => {
    const png = await decodePixels((await cropImage(await loadCorpus('orientation-6.png'), centreSquare)).blob)
    expectColour(png, 80, 80, topLeft)
    expectColour(png, 240, 240, bottomRight)
    // The WebP shows its stored pixels: the upright picture turned a quarter counter-clockwise.
    const webp = await decodePixels((await cropImage(await loadCorpus('orientation-6.webp'), { x: 0, y: 80, width: 320, height: 320 })).blob)
    expectColour(webp, 80, 80, topRight)
    expectColour(webp, 240, 80, bottomRight)
    expectColour(webp, 80, 240, topLeft)
  })
})

describe('cropImage: rotation', () => {
  it('rotates a crop 90 degrees clockwise, as react-easy-crop shows it', async () => {
    const blob = await loadCorpus('orientation-1.jpg')
    // The rotated picture is 320x480; take its middle square.
    const result = await cropImage(blob, { x: 0, y: 80, width: 320, height: 320 }, { rotation: 90 })
    const pixels = await decodePixels(result.blob)
    expect([pixels.width, pixels.height]).toEqual([320, 320])
    expectColour(pixels, 80, 80, bottomLeft)
    expectColour(pixels, 240, 80, topLeft)
    expectColour(pixels, 80, 240, bottomRight)
    expectColour(pixels, 240, 240, topRight)
  })

  it('rotates an EXIF 6 photo on top of its orientation (-90 undoes a quarter turn)', async () => {
    const blob = await loadCorpus('orientation-6.jpg')
    const pixels = await decodePixels((await cropImage(blob, { x: 0, y: 80, width: 320, height: 320 }, { rotation: -90 })).blob)
    expectColour(pixels, 80, 80, topRight)
    expectColour(pixels, 240, 240, bottomLeft)
  })

  it('keeps the empty corners of a 45-degree crop transparent (PNG), never black', async () => {
    const blob = await loadCorpus('photo-1mp.jpg')
    const box = getRotatedBoundingBox(1224, 816, 45)
    const result = await cropImage(blob, { x: 0, y: 0, width: box.width, height: box.width }, { rotation: 45, size: 512 })
    expect(result.type).toBe('image/png')
    const pixels = await decodePixels(result.blob)
    expect(pixels.at(2, 2)[3]).toBe(0)
    expect(pixels.at(256, 256)[3]).toBe(255)
  })

  it('stays JPEG when the zoom from minZoomForRotation keeps the crop on the image', async () => {
    const blob = await loadCorpus('photo-1mp.jpg')
    const box = getRotatedBoundingBox(1224, 816, 20)
    const side = Math.min(box.width, box.height) / minZoomForRotation(1224, 816, 20)
    const area = { x: (box.width - side) / 2, y: (box.height - side) / 2, width: side, height: side }
    const result = await cropImage(blob, area, { rotation: 20, size: 512 })
    expect(result.type).toBe('image/jpeg')
    const pixels = await decodePixels(result.blob)
    for (const [x, y] of [[0, 0], [511, 0], [0, 511], [511, 511]] as const) expect(Math.max(...pixels.at(x, y).slice(0, 3))).toBeGreaterThan(20)
  })
})

describe('cropImage: scaled JPEG decode', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('turns an orientation %i photo upright when the JPEG is decoded at 3/8', async (orientation) => {
    const blob = await loadCorpus(`orientation-${orientation}.jpg`)
    // 320 source pixels across, 120 asked: 3/8 of 320 is exactly 120, so the decoder scales.
    const result = await cropImage(blob, centreSquare, { size: 120 })
    expect(result).toMatchObject({ width: 120, height: 120, type: 'image/jpeg', decodeScale: 0.375 })
    const pixels = await decodePixels(result.blob)
    expectColour(pixels, 30, 30, topLeft)
    expectColour(pixels, 90, 30, topRight)
    expectColour(pixels, 30, 90, bottomLeft)
    expectColour(pixels, 90, 90, bottomRight)
  })

  it.each([2, 5, 6, 7, 8])('takes the off-centre region asked for from a scaled orientation %i photo', async (orientation) => {
    const blob = await loadCorpus(`orientation-${orientation}.jpg`)
    const inTopRight = await cropImage(blob, { x: 340, y: 20, width: 120, height: 120 }, { size: 60 })
    const inBottomLeft = await cropImage(blob, { x: 20, y: 180, width: 120, height: 120 }, { size: 60 })
    expect([inTopRight.decodeScale, inBottomLeft.decodeScale]).toEqual([0.5, 0.5])
    const [topRightPixels, bottomLeftPixels] = await Promise.all([decodePixels(inTopRight.blob), decodePixels(inBottomLeft.blob)])
    for (const [x, y] of [[3, 3], [30, 30], [56, 3], [3, 56], [56, 56]] as const) {
      expectColour(topRightPixels, x, y, topRight)
      expectColour(bottomLeftPixels, x, y, bottomLeft)
    }
  })

  it('rotates a scaled crop like a full decode does, edge to edge (no transparent border, so still JPEG)', async () => {
    const blob = await loadCorpus('photo-12mp.jpg')
    const box = getRotatedBoundingBox(4000, 3000, 17)
    const side = Math.min(box.width, box.height) / minZoomForRotation(4000, 3000, 17) - 200
    const area = { x: (box.width - side) / 2 + 90, y: (box.height - side) / 2 - 90, width: side, height: side }
    expect(isAreaCoveredByImage({ width: 4000, height: 3000 }, 17, area)).toBe(true)
    const scaled = await cropImage(blob, area, { rotation: 17, size: 512, type: 'image/png', fastDecode: true })
    expect(scaled.decodeScale).toBe(0.375)
    const pixels = await decodePixels(scaled.blob)
    for (const [x, y] of [[0, 0], [511, 0], [0, 511], [511, 511], [256, 0], [0, 256]] as const) expect(pixels.at(x, y)[3]).toBe(255)
    expect(meanDifference(pixels, await fullDecodeCrop(blob, area, 512, 17))).toBeLessThan(5)
    expect(await cropImage(blob, area, { rotation: 17, size: 512 })).toMatchObject({ type: 'image/jpeg', decodeScale: 0.375 })
  })

  it('gives the same picture as a full decode, to within resampling noise', async () => {
    const blob = await loadCorpus('photo-24mp.jpg')
    const area = { x: 1000, y: 0, width: 4000, height: 4000 }
    const scaled = await cropImage(blob, area, { size: 1024, type: 'image/png', fastDecode: true })
    expect(scaled.decodeScale).toBe(0.375)
    const pixels = await decodePixels(scaled.blob)
    expect(meanDifference(pixels, await fullDecodeCrop(blob, area, 1024))).toBeLessThan(3)
    // The measure tells crops apart: the same crop one output pixel (4 source pixels) to the right differs by more.
    expect(meanDifference(pixels, await fullDecodeCrop(blob, { ...area, x: area.x + 4 }, 1024))).toBeGreaterThan(4)
  })

  it('decodes in full when the scaled decode would leave fewer pixels than asked, and for other types', async () => {
    const photo = await loadCorpus('photo-1mp.jpg')
    expect((await cropImage(photo, { x: 0, y: 0, width: 816, height: 816 }, { size: 512 })).decodeScale).toBe(1)
    expect((await cropImage(photo, { x: 0, y: 0, width: 816, height: 816 }, { size: 408 })).decodeScale).toBe(0.5)
    expect((await cropImage(photo, { x: 0, y: 0, width: 816, height: 816 }, { size: 306 })).decodeScale).toBe(0.375)
    expect((await cropImage(await loadCorpus('orientation-6.png'), centreSquare, { size: 100 })).decodeScale).toBe(1)
  })

  it('decodes in full by default where its resampling would show: lossless or near-lossless output, or a crop off the image', async () => {
    const photo = await loadCorpus('photo-1mp.jpg')
    const area = { x: 0, y: 0, width: 816, height: 816 }
    expect((await cropImage(photo, area, { size: 300 })).decodeScale).toBe(0.375)
    expect((await cropImage(photo, area, { size: 300, type: 'image/png' })).decodeScale).toBe(1)
    expect((await cropImage(photo, area, { size: 300, quality: 0.95 })).decodeScale).toBe(1)
    expect((await cropImage(photo, area, { size: 300, fastDecode: false })).decodeScale).toBe(1)
    expect((await cropImage(photo, { x: -100, y: 0, width: 816, height: 816 }, { size: 300 })).decodeScale).toBe(1)
    expect((await cropImage(photo, area, { size: 300, type: 'image/webp', quality: 0.8 })).decodeScale).toBe(0.375)
  })

  it.each([
    ['a progressive JPEG', 'progressive.jpg', 600],
    ['a CMYK JPEG', 'cmyk.jpg', 600],
  ])('crops %s through the scaled decode', async (_, name, side) => {
    const blob = await loadCorpus(name)
    const area = { x: 0, y: 0, width: side, height: side }
    const result = await cropImage(blob, area, { size: 200, type: 'image/png', fastDecode: true })
    expect(result).toMatchObject({ width: 200, decodeScale: 0.375 })
    // A CMYK slip (inverted or unconverted inks) moves every colour by far more.
    expect(meanDifference(await decodePixels(result.blob), await fullDecodeCrop(blob, area, 200))).toBeLessThan(5)
  })

  it.each([6, 8])('uses a full-size frame once when the decoder ignores the size asked for (orientation %i): no second decode', async (orientation) => {
    const Original = globalThis.ImageDecoder
    // As a browser that does not implement desiredWidth/desiredHeight would.
    globalThis.ImageDecoder = class extends Original {
      constructor({ desiredWidth: _w, desiredHeight: _h, ...init }: ImageDecoderInit) {
        super(init)
      }
    }
    const bitmaps = vi.spyOn(globalThis, 'createImageBitmap')
    try {
      const blob = await loadCorpus(`orientation-${orientation}.jpg`)
      const result = await cropImage(blob, { x: 340, y: 20, width: 120, height: 120 }, { size: 60, worker: false })
      expect(result).toMatchObject({ width: 60, decodeScale: 1 })
      const pixels = await decodePixels(result.blob)
      for (const [x, y] of [[3, 3], [30, 30], [56, 56]] as const) expectColour(pixels, x, y, topRight)
      // decodePixels above makes one bitmap of the output; the crop itself made none.
      expect(bitmaps).toHaveBeenCalledTimes(1)
    } finally {
      globalThis.ImageDecoder = Original
      bitmaps.mockRestore()
    }
  })

  it('where frames carry no rotation, decodes sideways photos in full without trying the decoder, and upright ones scaled', async () => {
    const descriptors = (['rotation', 'flip'] as const).map((key) => [key, Object.getOwnPropertyDescriptor(VideoFrame.prototype, key)] as const)
    for (const [key] of descriptors) delete (VideoFrame.prototype as unknown as Record<string, unknown>)[key]
    const Original = globalThis.ImageDecoder
    let decoders = 0
    globalThis.ImageDecoder = class extends Original {
      constructor(init: ImageDecoderInit) {
        super(init)
        decoders += 1
      }
    }
    try {
      const sideways = await cropImage(await loadCorpus('orientation-6.jpg'), centreSquare, { size: 120, worker: false })
      expect([sideways.decodeScale, decoders]).toEqual([1, 0])
      expectColour(await decodePixels(sideways.blob), 30, 30, topLeft)
      const upright = await cropImage(await loadCorpus('orientation-1.jpg'), centreSquare, { size: 120, worker: false })
      expect([upright.decodeScale, decoders]).toEqual([0.375, 1])
      expectColour(await decodePixels(upright.blob), 90, 90, bottomRight)
    } finally {
      globalThis.ImageDecoder = Original
      for (const [key, descriptor] of descriptors) if (descriptor) Object.defineProperty(VideoFrame.prototype, key, descriptor)
    }
  })

  it('manages colour like the full decode: a Display P3 photo keeps its colours', async () => {
    const blob = await loadCorpus('display-p3.jpg')
    // The file needs it: its stored values, read without colour management, are far from what it shows.
    const unmanaged = await createImageBitmap(blob, { colorSpaceConversion: 'none' })
    const canvas = new OffscreenCanvas(unmanaged.width, unmanaged.height)
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
    context.drawImage(unmanaged, 0, 0)
    const stored = await decodePixels(await canvas.convertToBlob({ type: 'image/png' }))
    unmanaged.close()
    const result = await cropImage(blob, centreSquare, { size: 120, type: 'image/png', fastDecode: true })
    expect(result.decodeScale).toBe(0.375)
    const pixels = await decodePixels(result.blob)
    const full = await fullDecodeCrop(blob, centreSquare, 120)
    const quadrants = [[30, 30, topLeft, 100, 60], [90, 30, topRight, 380, 60], [30, 90, bottomLeft, 100, 260], [90, 90, bottomRight, 380, 260]] as const
    expect(Math.max(...quadrants.map(([, , colour, sx, sy]) => colourDistance(stored.at(sx, sy), colour)))).toBeGreaterThan(40)
    for (const [x, y, colour] of quadrants) {
      expect(colourDistance(pixels.at(x, y), full.at(x, y))).toBeLessThanOrEqual(4)
      expectColour(pixels, x, y, colour)
    }
  })

  it('reports a JPEG cut in the middle of its image data as decode-failed at a scaled size too', async () => {
    const error = await rejection(cropImage(await loadCorpus('truncated.jpg'), { x: 0, y: 0, width: 800, height: 800 }, { size: 128 }))
    expect([error.code, error.details]).toEqual(['decode-failed', { detectedType: 'image/jpeg' }])
  })
})

/**
 * Records the largest canvas (in pixels) made on this thread while installed:
 * OffscreenCanvas construction and every width or height set on it or on a
 * `<canvas>`. Returns the largest so far and a restore function.
 */
function recordCanvasPixels(): { largest: () => number; restore: () => void } {
  let largest = 0
  const record = (canvas: { width: number; height: number }) => {
    largest = Math.max(largest, canvas.width * canvas.height)
  }
  const Original = globalThis.OffscreenCanvas
  globalThis.OffscreenCanvas = class extends Original {
    constructor(width: number, height: number) {
      super(width, height)
      record(this)
    }
  }
  const restores = [Original.prototype, HTMLCanvasElement.prototype].flatMap((prototype) =>
    (['width', 'height'] as const).map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key) as PropertyDescriptor
      Object.defineProperty(prototype, key, {
        ...descriptor,
        set(this: OffscreenCanvas, value: number) {
          descriptor.set?.call(this, value)
          record(this)
        },
      })
      return () => Object.defineProperty(prototype, key, descriptor)
    }),
  )
  return {
    largest: () => largest,
    restore: () => {
      globalThis.OffscreenCanvas = Original
      for (const restore of restores) restore()
    },
  }
}

describe('cropImage: a 24 MP phone photo', () => {
  it('becomes an upright 1024² JPEG under 1 MB with no metadata and no canvas over the iOS limit, by either decode', async () => {
    const phone = await loadCorpus('phone-24mp-exif6.jpg')
    await expect(inspectImage(phone)).resolves.toMatchObject({ width: 6000, height: 4000, orientation: 6 })
    // The same picture stored upright: what the crop must look like.
    const upright = await loadCorpus('photo-24mp.jpg')
    const area = { x: 1000, y: 0, width: 4000, height: 4000 }
    const expected = await fullDecodeCrop(upright, area, 1024)
    const elsewhere = await fullDecodeCrop(upright, { ...area, x: 0 }, 1024)
    const canvases = recordCanvasPixels()
    try {
      for (const fastDecode of [true, false]) {
        // On the main thread, where the canvases can be watched; the worker runs the same code.
        const result = await cropImage(phone, area, { worker: false, fastDecode })
        expect(result).toMatchObject({ type: 'image/jpeg', width: 1024, height: 1024, decodeScale: fastDecode ? 0.375 : 1 })
        expect(result.bytes).toBeLessThan(1_000_000)
        const bytes = await bytesOf(result.blob)
        expect(hasExifSegment(bytes) || containsText(bytes, corpusExifMarker)).toBe(false)
        const pixels = await decodePixels(result.blob)
        // Upright and the region asked for: close to the upright crop, far from a neighbouring one.
        expect(meanDifference(pixels, expected)).toBeLessThan(6)
        expect(meanDifference(pixels, elsewhere)).toBeGreaterThan(12)
      }
    } finally {
      canvases.restore()
    }
    expect(canvases.largest()).toBeGreaterThan(0)
    expect(canvases.largest()).toBeLessThanOrEqual(16_777_216)
  })
})

describe('cropImage: output', () => {
  it('turns the 24 MP photo into a 1024x1024 JPEG under 1 MB', async () => {
    const blob = await loadCorpus('photo-24mp.jpg')
    const result = await cropImage(blob, { x: 1000, y: 0, width: 4000, height: 4000 })
    expect(result).toMatchObject({ type: 'image/jpeg', width: 1024, height: 1024, quality: 0.9, bytes: result.blob.size, decodeScale: 0.375 })
    expect(result.blob.type).toBe('image/jpeg')
    expect(result.bytes).toBeLessThan(1_000_000)
    const bytes = await bytesOf(result.blob)
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    const pixels = await decodePixels(result.blob)
    expect([pixels.width, pixels.height]).toEqual([1024, 1024])
  })

  it('writes no EXIF or GPS metadata', async () => {
    const input = await bytesOf(await loadCorpus('orientation-6.jpg'))
    // The input does carry both: otherwise this test would prove nothing.
    expect(hasExifSegment(input)).toBe(true)
    expect(containsText(input, corpusExifMarker)).toBe(true)
    const output = await bytesOf((await cropImage(new Blob([input as BlobPart]), centreSquare)).blob)
    expect(hasExifSegment(output)).toBe(false)
    expect(containsText(output, corpusExifMarker)).toBe(false)
    expect(containsText(output, 'Exif')).toBe(false)
  })

  it('never upscales beyond the crop pixels unless allowUpscale', async () => {
    const blob = await loadCorpus('photo-1mp.jpg')
    const area = { x: 100, y: 100, width: 400, height: 400 }
    expect(await cropImage(blob, area)).toMatchObject({ width: 400, height: 400 })
    expect(await cropImage(blob, area, { allowUpscale: true, size: 1000 })).toMatchObject({ width: 1000, height: 1000 })
    expect(await cropImage(blob, area, { size: 256 })).toMatchObject({ width: 256, height: 256 })
  })

  it.each(['image/png', 'image/webp'] as const)('encodes %s when asked', async (type) => {
    const result = await cropImage(await loadCorpus('photo-1mp.jpg'), { x: 0, y: 0, width: 816, height: 816 }, { type, size: 300 })
    expect(result.type).toBe(type)
    expect(result.blob.type).toBe(type)
    expect(result.quality).toBe(type === 'image/png' ? undefined : 0.9)
    expect((await decodePixels(result.blob)).width).toBe(300)
  })

  it.each([
    ['a progressive JPEG', 'progressive.jpg', 600],
    ['a CMYK JPEG', 'cmyk.jpg', 600],
    ['a 16-bit PNG', 'deep-16bit.png', 300],
    ['a lossy WebP', 'photo.webp', 600],
    ['a lossless WebP', 'lossless.webp', 200],
    ['a JPEG with its frame header 200 KB in', 'late-sof.jpg', 400],
    ['an AVIF', 'photo.avif', 480],
    ['a BMP', 'photo.bmp', 150],
  ])('crops %s', async (_, name, side) => {
    const rules: Partial<ImageRules> = { acceptedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/bmp'] }
    const result = await cropImage(await loadCorpus(name), { x: 0, y: 0, width: side, height: side }, { rules })
    expect(result).toMatchObject({ type: 'image/jpeg', width: side, height: side })
    const pixels = await decodePixels(result.blob)
    // Not blank: a decoder failure or a colour-space slip gives flat black or white.
    const samples = [pixels.at(side / 4, side / 4), pixels.at((3 * side) / 4, (3 * side) / 4), pixels.at(side / 2, side / 3)]
    expect(new Set(samples.map((s) => s.join())).size).toBeGreaterThan(1)
  })

  it('takes the first frame of an animated GIF', async () => {
    const pixels = await decodePixels((await cropImage(await loadCorpus('animated.gif'), { x: 0, y: 0, width: 300, height: 300 })).blob)
    expectColour(pixels, 150, 150, [200, 40, 40])
  })
})

describe('cropImage: transparency', () => {
  it('keeps transparent pixels of a PNG by switching to PNG output', async () => {
    const result = await cropImage(await loadCorpus('alpha.png'), { x: 0, y: 0, width: 400, height: 400 })
    expect(result.type).toBe('image/png')
    expect(result.quality).toBeUndefined()
    const pixels = await decodePixels(result.blob)
    expect(pixels.at(5, 395)[3]).toBe(0)
    expect(pixels.at(200, 200)).toEqual([...alphaPicture.disc, 255])
    expect(Math.abs((pixels.at(5, 40)[3]) - alphaPicture.band.alpha)).toBeLessThanOrEqual(2)
  })

  it('uses WebP for transparency when alphaType asks for it', async () => {
    const result = await cropImage(await loadCorpus('alpha.webp'), { x: 0, y: 0, width: 400, height: 400 }, { alphaType: 'image/webp' })
    expect(result.type).toBe('image/webp')
    const pixels = await decodePixels(result.blob)
    expect(pixels.at(5, 395)[3]).toBe(0)
    expect(pixels.at(200, 200)[3]).toBe(255)
  })

  it('stays JPEG for a PNG whose alpha channel is fully opaque', async () => {
    const result = await cropImage(await loadCorpus('opaque-alpha.png'), { x: 0, y: 0, width: 400, height: 400 })
    expect(result.type).toBe('image/jpeg')
  })

  it('stays JPEG for a crop that is wholly opaque even if the image is not', async () => {
    const result = await cropImage(await loadCorpus('alpha.png'), { x: 150, y: 150, width: 100, height: 100 })
    expect(result.type).toBe('image/jpeg')
  })

  it('paints a background under transparency and keeps the requested type', async () => {
    const result = await cropImage(await loadCorpus('alpha.png'), { x: 0, y: 0, width: 400, height: 400 }, { background: '#ffffff' })
    expect(result.type).toBe('image/jpeg')
    const pixels = await decodePixels(result.blob)
    expectColour(pixels, 5, 395, [255, 255, 255])
    expectColour(pixels, 200, 200, alphaPicture.disc)
  })
})

describe('cropImage: byte budget', () => {
  const area = { x: 1000, y: 0, width: 4000, height: 4000 }

  it('steps quality down first, keeping the size, to fit maxBytes', async () => {
    const blob = await loadCorpus('photo-24mp.jpg')
    const atDefault = await cropImage(blob, area)
    const result = await cropImage(blob, area, { maxBytes: atDefault.bytes - 1 })
    expect(result.width).toBe(1024)
    expect(result.quality).toBeLessThan(0.9)
    expect(result.bytes).toBeLessThanOrEqual(atDefault.bytes - 1)
  })

  it('then steps the size down when the lowest quality is still too big', async () => {
    const blob = await loadCorpus('photo-24mp.jpg')
    const atLowest = await cropImage(blob, area, { quality: 0.5 })
    const result = await cropImage(blob, area, { maxBytes: atLowest.bytes - 1 })
    expect(result.width).toBeLessThan(1024)
    expect(result.width).toBe(result.height)
    expect(result.bytes).toBeLessThanOrEqual(atLowest.bytes - 1)
    expect((await decodePixels(result.blob)).width).toBe(result.width)
  })

  it('gives cannot-fit with the numbers when nothing fits', async () => {
    const error = await rejection(cropImage(await loadCorpus('photo-1mp.jpg'), { x: 0, y: 0, width: 816, height: 816 }, { maxBytes: 100 }))
    expect(error.code).toBe('cannot-fit')
    expect(error.details).toMatchObject({ maxBytes: 100, smallestSize: 128, type: 'image/jpeg' })
    expect((error.details as { smallestBytes: number }).smallestBytes).toBeGreaterThan(100)
  })

  it('steps the size of a PNG down, since quality changes nothing for it', async () => {
    const blob = await loadCorpus('photo-1mp.jpg')
    const area = { x: 0, y: 0, width: 816, height: 816 }
    const full = await cropImage(blob, area, { type: 'image/png' })
    const result = await cropImage(blob, area, { type: 'image/png', maxBytes: Math.floor(full.bytes / 2) })
    expect(result.type).toBe('image/png')
    expect(result.width).toBeLessThan(816)
    expect(result.bytes).toBeLessThanOrEqual(Math.floor(full.bytes / 2))
  })
})

describe('cropImage: errors', () => {
  it.each([
    ['empty.png', 'empty'],
    ['text.png', 'unsupported-type'],
    ['script.svg', 'svg-not-allowed'],
    ['heic-header.heic', 'heic-unsupported'],
    ['tiny-64.png', 'too-small'],
    ['truncated-header.jpg', 'corrupt'],
    ['bomb-30000.png', 'too-many-pixels'],
  ])('refuses %s with %s before decoding', async (name, code) => {
    const error = await rejection(cropImage(await loadCorpus(name), { x: 0, y: 0, width: 100, height: 100 }))
    expect(error.code).toBe(code)
  })

  it('reports a JPEG cut in the middle of its image data as decode-failed', async () => {
    const blob = await loadCorpus('truncated.jpg')
    // The header is intact, so the cut shows only when decoding.
    await expect(inspectImage(blob)).resolves.toMatchObject({ width: 1224, height: 816 })
    const error = await rejection(cropImage(blob, { x: 0, y: 0, width: 800, height: 800 }))
    expect([error.code, error.details]).toEqual(['decode-failed', { detectedType: 'image/jpeg' }])
  })

  it('refuses a file over the byte limit of the rules', async () => {
    const error = await rejection(cropImage(await loadCorpus('photo-12mp.jpg'), { x: 0, y: 0, width: 3000, height: 3000 }, { rules: { maxBytes: 1_000_000 } }))
    expect(error.code).toBe('file-too-large')
  })

  it('throws developer errors for impossible options', async () => {
    const blob = await loadCorpus('photo-1mp.jpg')
    await expect(cropImage(blob, { x: 0, y: 0, width: 0, height: 100 })).rejects.toBeInstanceOf(TypeError)
    await expect(cropImage(blob, { x: Number.NaN, y: 0, width: 10, height: 10 })).rejects.toBeInstanceOf(TypeError)
    await expect(cropImage(blob, { x: 0, y: 0, width: 800, height: 800 }, { size: MAX_OUTPUT_SIZE + 1 })).rejects.toBeInstanceOf(RangeError)
    await expect(cropImage(blob, { x: 0, y: 0, width: 800, height: 800 }, { quality: 1.5 })).rejects.toBeInstanceOf(RangeError)
    await expect(cropImage(blob, { x: 0, y: 0, width: 800, height: 800 }, { type: 'image/gif' as 'image/png' })).rejects.toBeInstanceOf(TypeError)
  })
})

describe('cropImage: main-thread fallback', () => {
  it('gives the same pixels with worker: false', async () => {
    const blob = await loadCorpus('photo-1mp.jpg')
    const area = { x: 200, y: 0, width: 816, height: 816 }
    const [inWorker, onMain] = await Promise.all([cropImage(blob, area, { size: 512 }), cropImage(blob, area, { size: 512, worker: false })])
    expect(onMain).toMatchObject({ width: 512, type: 'image/jpeg' })
    const [a, b] = await Promise.all([decodePixels(inWorker.blob), decodePixels(onMain.blob)])
    for (const [x, y] of [[10, 10], [256, 256], [500, 100], [100, 500]] as const) expect(colourDistance(a.at(x, y), b.at(x, y))).toBeLessThanOrEqual(2)
  })

  it('turns EXIF photos upright on the main thread too', async () => {
    const pixels = await decodePixels((await cropImage(await loadCorpus('orientation-8.jpg'), { x: 20, y: 20, width: 120, height: 120 }, { worker: false })).blob)
    expectColour(pixels, 60, 60, topLeft)
  })
})

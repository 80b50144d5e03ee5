import { describe, expect, it } from 'vitest'
import { areaBoundsInImage, cropTransform, defaultCropSizeAtZoom1, getRotatedBoundingBox, isAreaCoveredByImage, maxZoomFor, minZoomForRotation } from './geometry.js'

/** Where the canvas transform sends an image point. */
function apply(m: number[], x: number, y: number): [number, number] {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m
  return [a * x + c * y + e, b * x + d * y + f]
}

const close = (actual: number[], expected: number[]) => actual.forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 6))

describe('getRotatedBoundingBox', () => {
  it.each([
    [600, 400, 0, 600, 400],
    [600, 400, 90, 400, 600],
    [600, 400, 180, 600, 400],
    [600, 400, 270, 400, 600],
    [600, 400, -90, 400, 600],
    [600, 400, 450, 400, 600],
    [100, 100, 45, 141.4213562, 141.4213562],
    [600, 400, 30, 600 * Math.cos(Math.PI / 6) + 400 * 0.5, 600 * 0.5 + 400 * Math.cos(Math.PI / 6)],
  ])('%i x %i rotated %i degrees fits in %f x %f', (width, height, rotation, boxWidth, boxHeight) => {
    const box = getRotatedBoundingBox(width, height, rotation)
    expect(box.width).toBeCloseTo(boxWidth, 6)
    expect(box.height).toBeCloseTo(boxHeight, 6)
  })

  it('is exact at quarter turns (no floating-point dust)', () => {
    expect(getRotatedBoundingBox(6000, 4000, 90)).toEqual({ width: 4000, height: 6000 })
    expect(getRotatedBoundingBox(6000, 4000, 270)).toEqual({ width: 4000, height: 6000 })
  })
})

describe('maxZoomFor', () => {
  it.each([
    ['a 24 MP photo, 1024 output, crop of the short side', { width: 6000, height: 4000 }, undefined, 1024, 0, 4000 / 1024],
    ['the same with the crop size given', { width: 6000, height: 4000 }, 3000, 1000, 0, 3],
    ['an image smaller than the output cannot zoom at all', { width: 800, height: 600 }, undefined, 1024, 0, 1],
    ['an image exactly the output size', { width: 1024, height: 1024 }, undefined, 1024, 0, 1],
    ['a square image rotated 45 degrees (bigger crop at zoom 1)', { width: 1000, height: 1000 }, undefined, 500, 45, Math.SQRT2 * 2],
    ['a zero output size falls back to 1', { width: 1000, height: 1000 }, undefined, 0, 0, 1],
  ] as const)('%s', (_, info, cropPx, output, rotation, expected) => {
    expect(maxZoomFor(info, cropPx, output, rotation)).toBeCloseTo(expected, 6)
  })

  it('keeps at least outputSize source pixels in the crop at the zoom it returns', () => {
    const info = { width: 4032, height: 3024 }
    const zoom = maxZoomFor(info, undefined, 1024)
    // react-easy-crop: croppedAreaPixels.width = crop size at zoom 1 / zoom.
    expect(defaultCropSizeAtZoom1(info.width, info.height) / zoom).toBeGreaterThanOrEqual(1024 - 1e-9)
  })
})

describe('minZoomForRotation', () => {
  it.each([
    ['no rotation', 600, 400, 0, 1],
    ['a quarter turn', 600, 400, 90, 1],
    ['a half turn', 600, 400, 180, 1],
    ['a square at 45 degrees', 500, 500, 45, 2],
    ['a square at -45 degrees', 500, 500, -45, 2],
    ['a square at 30 degrees', 500, 500, 30, 1 + Math.sin(Math.PI / 3)],
  ])('%s needs zoom %f', (_, width, height, rotation, expected) => {
    expect(minZoomForRotation(width, height, rotation)).toBeCloseTo(expected, 6)
  })

  it('leaves no empty corner: the centred crop at that zoom lies on the image', () => {
    for (const [width, height, rotation] of [[600, 400, 10], [400, 600, 33], [6000, 4000, 45], [300, 300, 5], [800, 200, 80]] as const) {
      const zoom = minZoomForRotation(width, height, rotation)
      const box = getRotatedBoundingBox(width, height, rotation)
      const side = defaultCropSizeAtZoom1(width, height, rotation) / zoom
      const area = { x: (box.width - side) / 2, y: (box.height - side) / 2, width: side, height: side }
      expect(isAreaCoveredByImage({ width, height }, rotation, area, 1e-6)).toBe(true)
      // ...and any less zoom would not.
      const bigger = side * 1.01
      const loose = { x: (box.width - bigger) / 2, y: (box.height - bigger) / 2, width: bigger, height: bigger }
      expect(isAreaCoveredByImage({ width, height }, rotation, loose, 1e-6)).toBe(false)
    }
  })

  it('uses a given crop size at zoom 1', () => {
    expect(minZoomForRotation(500, 500, 45, 500)).toBeCloseTo(Math.SQRT2, 6)
  })
})

describe('isAreaCoveredByImage', () => {
  it.each([
    ['the whole image unrotated', 0, { x: 0, y: 0, width: 600, height: 400 }, true],
    ['a crop sticking out on the right', 0, { x: 300, y: 0, width: 400, height: 400 }, false],
    ['a crop inside the image at 90 degrees', 90, { x: 0, y: 100, width: 400, height: 400 }, true],
    ['the bounding box corner at 45 degrees', 45, { x: 0, y: 0, width: 100, height: 100 }, false],
    ['the centre at 45 degrees', 45, { x: 303, y: 303, width: 100, height: 100 }, true],
  ])('%s: %s', (_, rotation, area, expected) => {
    expect(isAreaCoveredByImage({ width: 600, height: 400 }, rotation, area)).toBe(expected)
  })
})

describe('cropTransform', () => {
  it('maps the crop corners to the output corners without rotation', () => {
    const m = cropTransform({ width: 6000, height: 4000 }, 0, { x: 1000, y: 0, width: 4000, height: 4000 }, 1024, 1024)
    close(apply(m, 1000, 0), [0, 0])
    close(apply(m, 5000, 4000), [1024, 1024])
  })

  it('puts the image top-left at the output top-right for a quarter turn clockwise', () => {
    // 600x400 rotated 90: the box is 400x600; the image's top-left corner lands at the box's top-right.
    const m = cropTransform({ width: 600, height: 400 }, 90, { x: 0, y: 0, width: 400, height: 600 }, 400, 600)
    close(apply(m, 0, 0), [400, 0])
    close(apply(m, 600, 400), [0, 600])
    close(apply(m, 0, 400), [0, 0])
  })

  it('keeps the image centre at the box centre for any angle', () => {
    const image = { width: 600, height: 400 }
    const box = getRotatedBoundingBox(600, 400, 37)
    const m = cropTransform(image, 37, { x: 0, y: 0, width: box.width, height: box.height }, box.width, box.height)
    close(apply(m, 300, 200), [box.width / 2, box.height / 2])
  })

  it('scales non-square areas to the output on each axis', () => {
    const m = cropTransform({ width: 1000, height: 1000 }, 0, { x: 0, y: 0, width: 500, height: 250 }, 100, 100)
    close(apply(m, 500, 250), [100, 100])
  })
})

describe('areaBoundsInImage', () => {
  const image = { width: 480, height: 320 }
  const close = (actual: { x: number; y: number; width: number; height: number }, expected: typeof actual) => {
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(actual[key]).toBeCloseTo(expected[key], 9)
  }

  it('is the area itself without rotation, clipped to the image', () => {
    close(areaBoundsInImage(image, 0, { x: 400, y: -20, width: 120, height: 120 }), { x: 400, y: 0, width: 80, height: 100 })
  })

  it('maps a quarter turn back into the unrotated image', () => {
    // The middle square of the 320x480 rotated picture is the middle square of the image.
    close(areaBoundsInImage(image, 90, { x: 0, y: 80, width: 320, height: 320 }), { x: 80, y: 0, width: 320, height: 320 })
  })

  it('grows to the box around a crop turned by a fine angle', () => {
    const box = getRotatedBoundingBox(480, 320, 45)
    const side = 100
    const bounds = areaBoundsInImage(image, 45, { x: (box.width - side) / 2, y: (box.height - side) / 2, width: side, height: side })
    close(bounds, { x: 240 - side / Math.SQRT2, y: 160 - side / Math.SQRT2, width: side * Math.SQRT2, height: side * Math.SQRT2 })
  })
})

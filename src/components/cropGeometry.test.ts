import { describe, expect, test } from 'vitest'
import { clampCropPosition, computeCropRect, coverZoomForRotation, normalizeQuarter, splitRotation } from './cropGeometry.js'
import { deriveState } from './useAvatarEditorState.js'

describe('coverZoomForRotation', () => {
  test.each([
    [0, 1],
    [90, 1],
    [180, 1],
    [-90, 1],
    [45, Math.SQRT2],
    [135, Math.SQRT2],
    [30, Math.cos(Math.PI / 6) + 0.5],
  ])('at %d° the photo covers the frame from zoom %f', (rotation, zoom) => {
    expect(coverZoomForRotation(rotation)).toBeCloseTo(zoom, 9)
  })
})

describe('clampCropPosition', () => {
  const landscape = { width: 400, height: 300 }
  test.each([
    ['inside the limits, unrotated', { x: 20, y: 0 }, 1, 0, { x: 20, y: 0 }],
    ['past the left/right edge, unrotated', { x: 80, y: 0 }, 1, 0, { x: 50, y: 0 }],
    ['no vertical room at zoom 1 on a landscape photo', { x: 0, y: 30 }, 1, 0, { x: 0, y: 0 }],
    ['zoomed in, there is room in both directions', { x: 0, y: 30 }, 2, 0, { x: 0, y: 30 }],
    ['turned a quarter, the long side is vertical', { x: 0, y: 80 }, 1, 90, { x: 0, y: 50 }],
    ['turned a quarter, no horizontal room', { x: 30, y: 0 }, 1, 90, { x: 0, y: 0 }],
  ])('%s', (_title, crop, zoom, rotation, expected) => {
    const clamped = clampCropPosition(crop, landscape, zoom, rotation)
    expect(clamped.x).toBeCloseTo(expected.x, 6)
    expect(clamped.y).toBeCloseTo(expected.y, 6)
  })

  test('at 45° and the covering zoom there is no room at all', () => {
    const square = { width: 300, height: 300 }
    const clamped = clampCropPosition({ x: 40, y: -25 }, square, Math.SQRT2, 45)
    expect(Math.hypot(clamped.x, clamped.y)).toBeLessThan(1e-6)
  })

  test('rotated, the frame corners stay on the photo', () => {
    const square = { width: 300, height: 300 }
    const zoom = 2
    const rotation = 30
    const clamped = clampCropPosition({ x: 500, y: 500 }, square, zoom, rotation)
    // The frame's corners, in the photo's own frame, must lie within its half-size.
    const radians = (rotation * Math.PI) / 180
    const half = 150 * zoom
    for (const [cx, cy] of [[-150, -150], [150, -150], [-150, 150], [150, 150]] as const) {
      const dx = cx - clamped.x
      const dy = cy - clamped.y
      const u = dx * Math.cos(radians) + dy * Math.sin(radians)
      const v = -dx * Math.sin(radians) + dy * Math.cos(radians)
      expect(Math.abs(u)).toBeLessThanOrEqual(half + 1e-6)
      expect(Math.abs(v)).toBeLessThanOrEqual(half + 1e-6)
    }
  })
})

describe('computeCropRect', () => {
  const natural = { width: 4000, height: 3000 }
  const rendered = { width: 400, height: 300 }
  test.each([
    ['centred at zoom 1: the short side', { x: 0, y: 0 }, 1, 0, { x: 500, y: 0, width: 3000, height: 3000 }],
    ['zoom 2 halves the side', { x: 0, y: 0 }, 2, 0, { x: 1250, y: 750, width: 1500, height: 1500 }],
    ['moving the photo right shows more of its left', { x: 50, y: 0 }, 1, 0, { x: 0, y: 0, width: 3000, height: 3000 }],
    ['a quarter turn swaps the box', { x: 0, y: 0 }, 1, 90, { x: 0, y: 500, width: 3000, height: 3000 }],
    ['before the cropper measures, the centre', { x: 50, y: 0 }, 1, 0, null],
  ])('%s', (_title, crop, zoom, rotation, expected) => {
    const rect = computeCropRect({ crop, zoom, rotation, natural, rendered: expected ? rendered : null })
    expect(rect).toEqual(expected ?? { x: 500, y: 0, width: 3000, height: 3000 })
  })
})

describe('splitRotation', () => {
  test.each([
    [0, 0, { quarter: 0, fine: 0 }],
    [90, 90, { quarter: 90, fine: 0 }],
    [135, 90, { quarter: 90, fine: 45 }],
    [45, 90, { quarter: 90, fine: -45 }],
    [45, 0, { quarter: 0, fine: 45 }],
    [-10, 0, { quarter: 0, fine: -10 }],
    [350, 0, { quarter: 0, fine: -10 }],
    [200, 0, { quarter: 180, fine: 20 }],
  ])('%d° with %d° last chosen', (rotation, hint, expected) => {
    expect(splitRotation(rotation, hint)).toEqual(expected)
  })

  test.each([
    [360, 0],
    [-90, 270],
    [450, 90],
  ])('normalizeQuarter(%d) = %d', (degrees, quarter) => {
    expect(normalizeQuarter(degrees)).toBe(quarter)
  })
})

describe('deriveState', () => {
  test.each([
    ['idle', false, 'idle', false, 'empty'],
    ['idle', true, 'idle', false, 'ready'],
    ['checking', true, 'saved', false, 'checking'],
    ['invalid', true, 'uploading', false, 'invalid'],
    ['encoding', true, 'idle', false, 'encoding'],
    ['idle', true, 'uploading', false, 'uploading'],
    ['idle', true, 'saving', false, 'saving'],
    ['idle', true, 'saved', false, 'saved'],
    ['idle', true, 'error', false, 'error'],
    ['idle', true, 'idle', true, 'error'],
  ] as const)('phase %s, image %s, status %s, outside error %s → %s', (phase, hasImage, status, error, expected) => {
    expect(deriveState(phase, hasImage, status, error)).toBe(expected)
  })
})

// Browsers and pages without workers: a CSP that blocks blob: workers, no
// OffscreenCanvas, no createImageBitmap. The crop still works on the main thread.
// (Its own file: the worker client remembers an unusable worker for the page.)
import { afterEach, describe, expect, it, vi } from 'vitest'
import { orientationPicture } from '../../test/corpus/spec.ts'
import { cropImage } from './crop.js'
import { colourDistance, decodePixels, loadCorpus } from './test-utils/corpus.js'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('cropImage without a usable worker', () => {
  it('falls back to the main thread when the worker cannot be created (CSP)', async () => {
    const created = vi.fn()
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          created()
          throw new DOMException('Refused to create a worker from blob: (worker-src)', 'SecurityError')
        }
      },
    )
    const result = await cropImage(await loadCorpus('photo-1mp.jpg'), { x: 0, y: 0, width: 816, height: 816 }, { size: 256 })
    expect(created).toHaveBeenCalled()
    expect(result).toMatchObject({ type: 'image/jpeg', width: 256, height: 256 })
  })

  it('decodes with <img> and encodes with <canvas> when createImageBitmap and OffscreenCanvas are missing', async () => {
    // Read the file before stubbing: the helpers use the real APIs.
    const blob = await loadCorpus('orientation-6.jpg')
    vi.stubGlobal('createImageBitmap', undefined)
    vi.stubGlobal('OffscreenCanvas', undefined)
    const result = await cropImage(blob, { x: 80, y: 0, width: 320, height: 320 })
    vi.unstubAllGlobals()
    expect(result).toMatchObject({ type: 'image/jpeg', width: 320, height: 320 })
    const pixels = await decodePixels(result.blob)
    const { topLeft, bottomRight } = orientationPicture.quadrants
    expect(colourDistance(pixels.at(80, 80), topLeft)).toBeLessThanOrEqual(24)
    expect(colourDistance(pixels.at(240, 240), bottomRight)).toBeLessThanOrEqual(24)
  })
})

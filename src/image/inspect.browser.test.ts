// inspectImage on the generated corpus, checked against what Chromium decodes.
import { describe, expect, it } from 'vitest'
import { isAvatarImageError } from './errors.js'
import { inspectImage } from './inspect.js'
import { loadCorpus } from './test-utils/corpus.js'
import type { ImageRules } from './types.js'

const everyType: Partial<ImageRules> = { acceptedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'image/bmp'] }

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!isAvatarImageError(error)) throw new Error(`expected an AvatarImageError, got ${String(error)}`)
  return { code: error.code, details: error.details }
}

describe('inspectImage on the corpus', () => {
  it.each([
    ['photo-24mp.jpg', { type: 'image/jpeg', width: 6000, height: 4000, orientation: 1, hasAlpha: false }],
    ['photo-12mp.jpg', { type: 'image/jpeg', width: 4000, height: 3000 }],
    ['progressive.jpg', { type: 'image/jpeg', width: 800, height: 600 }],
    ['cmyk.jpg', { type: 'image/jpeg', width: 800, height: 600 }],
    ['late-sof.jpg', { type: 'image/jpeg', width: 640, height: 400 }],
    ['orientation-6.jpg', { type: 'image/jpeg', width: 480, height: 320, orientation: 6 }],
    ['orientation-6.png', { type: 'image/png', width: 480, height: 320, orientation: 6 }],
    // Chromium ignores WebP EXIF orientation: the stored (portrait) pixels are what it shows.
    ['orientation-6.webp', { type: 'image/webp', width: 320, height: 480, orientation: 1 }],
    ['alpha.png', { type: 'image/png', width: 400, height: 400, hasAlpha: true }],
    ['opaque-alpha.png', { type: 'image/png', hasAlpha: true }],
    ['deep-16bit.png', { type: 'image/png', width: 400, height: 300, hasAlpha: false }],
    ['alpha.webp', { type: 'image/webp', width: 400, height: 400, hasAlpha: true }],
    ['photo.webp', { type: 'image/webp', width: 800, height: 600, hasAlpha: false }],
    ['lossless.webp', { type: 'image/webp', width: 300, height: 200 }],
    ['animated.gif', { type: 'image/gif', width: 300, height: 300, animated: true }],
    ['photo.avif', { type: 'image/avif', width: 640, height: 480 }],
    ['photo.bmp', { type: 'image/bmp', width: 200, height: 150 }],
  ])('reads %s from its header', async (name, expected) => {
    const blob = await loadCorpus(name)
    expect(await inspectImage(blob, everyType)).toMatchObject({ ...expected, bytes: blob.size })
  })

  it.each([
    'photo-1mp.jpg', 'progressive.jpg', 'cmyk.jpg', 'late-sof.jpg', 'orientation-1.jpg', 'orientation-2.jpg', 'orientation-3.jpg',
    'orientation-4.jpg', 'orientation-5.jpg', 'orientation-6.jpg', 'orientation-7.jpg', 'orientation-8.jpg', 'orientation-6.png',
    'orientation-6.webp', 'alpha.png', 'deep-16bit.png', 'alpha.webp', 'photo.webp', 'lossless.webp', 'animated.gif', 'photo.avif', 'photo.bmp',
  ])('gives %s the size Chromium decodes it to', async (name) => {
    const blob = await loadCorpus(name)
    const info = await inspectImage(blob, everyType)
    const bitmap = await createImageBitmap(blob)
    expect([info.width, info.height]).toEqual([bitmap.width, bitmap.height])
    bitmap.close()
  })

  it.each([
    ['empty.png', 'empty', { bytes: 0 }],
    ['text.png', 'unsupported-type', { detectedType: undefined }],
    ['document.pdf', 'unsupported-type', { detectedType: 'application/pdf' }],
    ['photo.tif', 'unsupported-type', { detectedType: 'image/tiff' }],
    ['photo.avif', 'unsupported-type', { detectedType: 'image/avif' }],
    ['heic-header.heic', 'heic-unsupported', { detectedType: 'image/heic' }],
    ['script.svg', 'svg-not-allowed', { detectedType: 'image/svg+xml' }],
    ['bomb-30000.png', 'too-many-pixels', { width: 30_000, height: 30_000, pixels: 900_000_000, maxPixels: 50_000_000 }],
    ['tiny-64.png', 'too-small', { width: 64, height: 64, minSide: 128 }],
    ['truncated-header.jpg', 'corrupt', { detectedType: 'image/jpeg' }],
  ])('refuses %s with %s', async (name, code, details) => {
    const result = await codeOf(inspectImage(await loadCorpus(name)))
    expect(result.code).toBe(code)
    expect(result.details).toMatchObject(details)
  })

  it('refuses the 24 MP photo over a 1 MiB limit with both numbers', async () => {
    const blob = await loadCorpus('photo-24mp.jpg')
    expect(await codeOf(inspectImage(blob, { maxBytes: 1024 * 1024 }))).toEqual({ code: 'file-too-large', details: { bytes: blob.size, maxBytes: 1024 * 1024 } })
  })

  it('reads no more than the header of a large file', async () => {
    const blob = await loadCorpus('photo-24mp.jpg')
    let bytesRead = 0
    const counting = new Proxy(blob, {
      get(target, key) {
        if (key === 'slice') {
          return (start?: number, end?: number) => {
            bytesRead += Math.min(end ?? target.size, target.size) - (start ?? 0)
            return target.slice(start, end)
          }
        }
        const value = Reflect.get(target, key, target) as unknown
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      },
    })
    await inspectImage(counting)
    expect(bytesRead).toBeLessThanOrEqual(64 * 1024)
  })
})

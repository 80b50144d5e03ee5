import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BYTES, checkUploadImage, sniffImageType } from './image-check.ts'

const bytes = (...values: number[]) => new Uint8Array(values)
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)
const webp = new Uint8Array([...new TextEncoder().encode('RIFF'), 0x24, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')])
const gif = new TextEncoder().encode('GIF89a')

describe('sniffImageType', () => {
  it.each([
    ['JPEG', jpeg, 'image/jpeg'],
    ['PNG', png, 'image/png'],
    ['WebP', webp, 'image/webp'],
    ['GIF', gif, 'image/gif'],
    ['HTML', new TextEncoder().encode('<html>'), undefined],
    ['a RIFF that is not WebP', new Uint8Array([...new TextEncoder().encode('RIFF'), 0, 0, 0, 0, ...new TextEncoder().encode('WAVE')]), undefined],
    ['empty', new Uint8Array(), undefined],
  ])('recognises %s by its magic bytes', async (_, content, type) => {
    expect(await sniffImageType(new Blob([content]))).toBe(type)
  })
})

describe('checkUploadImage', () => {
  it('labels a blob with its real type so the multipart part says what it is', async () => {
    const checked = await checkUploadImage(new Blob([png], { type: 'application/octet-stream' }))
    expect(checked.type).toBe('image/png')
    expect(checked.size).toBe(png.byteLength)
  })

  it('refuses an empty file and one byte over 10 MiB as asset-too-large', async () => {
    await expect(checkUploadImage(new Blob([]))).rejects.toMatchObject({ code: 'asset-too-large' })
    const tooLarge = new Blob([jpeg, new Uint8Array(MAX_UPLOAD_BYTES + 1 - jpeg.byteLength)])
    expect(tooLarge.size).toBe(10_485_761)
    await expect(checkUploadImage(tooLarge)).rejects.toMatchObject({ code: 'asset-too-large' })
  })

  it('accepts exactly 10 MiB', async () => {
    const atLimit = new Blob([jpeg, new Uint8Array(MAX_UPLOAD_BYTES - jpeg.byteLength)], { type: 'image/jpeg' })
    await expect(checkUploadImage(atLimit)).resolves.toBe(atLimit)
  })

  it('refuses a non-image as invalid-upload whatever its declared type', async () => {
    await expect(checkUploadImage(new Blob(['<svg/>'], { type: 'image/jpeg' }))).rejects.toMatchObject({ code: 'invalid-upload' })
  })
})

import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { PROFILE_CACHE_CONTROL, SEED_OBJECT_IDS } from '../index.ts'
import { filePart, postForm, presign, useLocalAuthgear } from './helpers.ts'

const fixture = useLocalAuthgear()

/** Uploads bytes and returns the `/_images/APP/OBJECT` base URL. */
async function uploaded(bytes: Uint8Array, contentType = 'image/jpeg'): Promise<string> {
  const response = await postForm(await presign(fixture.local), [filePart(bytes, contentType)])
  expect(response.status).toBe(200)
  const { result } = (await response.json()) as { result: { url: string } }
  return `${fixture.local.url}/_images/${result.url.slice('authgearimages:///'.length)}`
}

/**
 * A 600x400 photo stored sideways: top half red, bottom half blue, with EXIF
 * orientation 6 (turn 90° clockwise to view). Upright it is 400x600 with the
 * red half on the RIGHT and the blue half on the LEFT.
 */
async function sidewaysPhoto(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400">
    <rect width="600" height="200" fill="#ff0000"/><rect y="200" width="600" height="200" fill="#0000ff"/></svg>`
  const buffer = await sharp(Buffer.from(svg)).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer()
  return new Uint8Array(buffer)
}

async function pixel(image: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const offset = (y * info.width + x) * info.channels
  return [data[offset] as number, data[offset + 1] as number, data[offset + 2] as number]
}

describe('GET /_images/<APP>/<OBJECT>/profile', () => {
  it('renders an EXIF-6 photo upright, 240x240, centre-cropped, without metadata', async () => {
    const base = await uploaded(await sidewaysPhoto())
    const response = await fetch(`${base}/profile`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(response.headers.get('cache-control')).toBe(PROFILE_CACHE_CONTROL)
    const image = Buffer.from(await response.arrayBuffer())
    const metadata = await sharp(image).metadata()
    expect([metadata.width, metadata.height]).toEqual([240, 240])
    expect(metadata.orientation).toBeUndefined()
    expect(metadata.exif).toBeUndefined()
    // Upright: blue on the left, red on the right (unrotated it would be red on top, blue below).
    const [r1, , b1] = await pixel(image, 30, 40)
    const [r2, , b2] = await pixel(image, 210, 200)
    expect(b1).toBeGreaterThan(200)
    expect(r1).toBeLessThan(60)
    expect(r2).toBeGreaterThan(200)
    expect(b2).toBeLessThan(60)
  })

  it('keeps PNG (with its alpha) as PNG', async () => {
    const response = await fetch(`${fixture.local.url}/_images/dev-app/${SEED_OBJECT_IDS.transparentPng}/profile`)
    expect(response.headers.get('content-type')).toBe('image/png')
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
    expect([metadata.width, metadata.height, metadata.hasAlpha]).toEqual([240, 240, true])
  })

  it('scales a small image up to 240x240', async () => {
    const tiny = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).jpeg().toBuffer()
    const base = await uploaded(new Uint8Array(tiny))
    const metadata = await sharp(Buffer.from(await (await fetch(`${base}/profile`)).arrayBuffer())).metadata()
    expect([metadata.width, metadata.height]).toEqual([240, 240])
  })

  it.each(Object.values(SEED_OBJECT_IDS))('serves the seeded picture %s', async (objectId) => {
    const response = await fetch(`${fixture.local.url}/_images/dev-app/${objectId}/profile`)
    expect(response.status).toBe(200)
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
    expect([metadata.width, metadata.height]).toEqual([240, 240])
  })

  it('answers 502 for stored bytes that are not an image', async () => {
    const base = await uploaded(new TextEncoder().encode('definitely not a picture'), 'image/png')
    const response = await fetch(`${base}/profile`)
    expect(response.status).toBe(502)
  })
})

describe('GET /_images/<APP>/<OBJECT>/original and other variants', () => {
  it('serves the bytes exactly as uploaded, typed by sniffing', async () => {
    const photo = await sidewaysPhoto()
    const base = await uploaded(photo, 'application/octet-stream')
    const response = await fetch(`${base}/original`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/jpeg')
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(photo)
  })

  it('serves a non-image original as an attachment, never inline', async () => {
    const base = await uploaded(new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'text/html')
    const response = await fetch(`${base}/original`)
    expect(response.headers.get('content-type')).toBe('application/octet-stream')
    expect(response.headers.get('content-disposition')).toBe('attachment')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it.each(['thumbnail', 'large', 'profile.jpg'])('answers 404 for the variant %s', async (variant) => {
    const base = `${fixture.local.url}/_images/dev-app/${SEED_OBJECT_IDS.landscapeJpeg}`
    expect((await fetch(`${base}/${variant}`)).status).toBe(404)
  })

  it('answers 404 for an object that was never uploaded', async () => {
    const response = await fetch(`${fixture.local.url}/_images/dev-app/${crypto.randomUUID()}/profile`)
    expect(response.status).toBe(404)
  })
})

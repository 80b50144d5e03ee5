import sharp from 'sharp'
import { SEED_OBJECT_IDS, type SeedObject } from './seed.ts'

/**
 * Makes the seeded pictures with sharp (Node only): abstract shapes, no text,
 * so they render the same on every machine whatever fonts it has.
 */

function landscapeSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="#2f80ed"/><stop offset="1" stop-color="#f2c94c"/></linearGradient></defs>
  <rect width="640" height="480" fill="url(#sky)"/>
  <circle cx="320" cy="210" r="120" fill="#f2994a"/>
  <circle cx="320" cy="190" r="60" fill="#fde7c8"/>
  <rect x="0" y="380" width="640" height="100" fill="#27ae60"/>
</svg>`
}

function transparentSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
  <circle cx="200" cy="200" r="180" fill="#9b51e0"/>
  <circle cx="200" cy="160" r="70" fill="#f5e6ff"/>
  <ellipse cx="200" cy="330" rx="120" ry="70" fill="#f5e6ff"/>
</svg>`
}

// Stored sideways: the pixels are 640x480, EXIF orientation 6 turns them upright (480x640).
function sidewaysSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
  <rect width="640" height="480" fill="#56ccf2"/>
  <rect x="0" y="0" width="160" height="480" fill="#eb5757"/>
  <circle cx="400" cy="240" r="110" fill="#ffffff"/>
</svg>`
}

let cached: Promise<SeedObject[]> | undefined

/** The seed pictures (made once per process). */
export function createSeedObjects(): Promise<SeedObject[]> {
  cached ??= (async () => {
    const [jpeg, png, rotated] = await Promise.all([
      sharp(Buffer.from(landscapeSvg())).jpeg({ quality: 85 }).toBuffer(),
      sharp(Buffer.from(transparentSvg())).png().toBuffer(),
      sharp(Buffer.from(sidewaysSvg())).jpeg({ quality: 85 }).withMetadata({ orientation: 6 }).toBuffer(),
    ])
    const bytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    return [
      { objectId: SEED_OBJECT_IDS.landscapeJpeg, bytes: bytes(jpeg), contentType: 'image/jpeg' },
      { objectId: SEED_OBJECT_IDS.transparentPng, bytes: bytes(png), contentType: 'image/png' },
      { objectId: SEED_OBJECT_IDS.exifRotatedJpeg, bytes: bytes(rotated), contentType: 'image/jpeg' },
    ]
  })()
  return cached
}

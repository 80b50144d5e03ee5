import sharp from 'sharp'
import type { RenderProfile } from './types.ts'

const SIZE = 240

/**
 * The `/profile` variant as Authgear's image server makes it with libvips
 * (`vipsutil`): honour EXIF orientation, scale to cover 240x240 (up or down),
 * crop the centre, strip metadata, and keep the source format with the same
 * encoder settings (JPEG q80 progressive 4:2:0, PNG compression 6, WebP q75,
 * GIF). Formats sharp cannot write back (HEIF, TIFF, SVG, ...) come out as PNG
 * when they have alpha, else JPEG. `null` when the bytes are not an image.
 */
export const renderProfileWithSharp: RenderProfile = async (bytes) => {
  let format: string | undefined
  let hasAlpha: boolean
  try {
    const metadata = await sharp(bytes).metadata()
    format = metadata.format
    hasAlpha = metadata.hasAlpha === true
  } catch {
    return null
  }
  try {
    const pipeline = sharp(bytes, { animated: false })
      .rotate()
      .resize(SIZE, SIZE, { fit: 'cover', position: 'centre' })
    switch (format) {
      case 'jpeg':
        return new Uint8Array(await pipeline.jpeg({ quality: 80, progressive: true, chromaSubsampling: '4:2:0' }).toBuffer())
      case 'png':
        return new Uint8Array(await pipeline.png({ compressionLevel: 6 }).toBuffer())
      case 'webp':
        return new Uint8Array(await pipeline.webp({ quality: 75, effort: 4 }).toBuffer())
      case 'gif':
        return new Uint8Array(await pipeline.gif().toBuffer())
      default:
        return new Uint8Array(await (hasAlpha ? pipeline.png({ compressionLevel: 6 }) : pipeline.jpeg({ quality: 80 })).toBuffer())
    }
  } catch {
    // A truncated or corrupt file whose header looked fine: the real image server fails the same way.
    return null
  }
}

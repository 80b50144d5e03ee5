import { ascii, uint16, uint24le, uint32, type ByteReader } from './byte-reader.js'
import { checkDimensions, HeaderError, type RawHeader } from './header.js'

const MAX_CHUNKS = 64

/**
 * Simple lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`) WebP.
 * Chromium ignores the EXIF orientation of WebP files (measured), so the
 * orientation is always 1 and the EXIF chunk, at the end of the file, is not read.
 */
export async function readWebpHeader(reader: ByteReader): Promise<RawHeader> {
  const head = await reader.bytes(0, 30)
  const chunk = ascii(head, 12, 4)
  const data = 20
  if (chunk === 'VP8 ') {
    if (head[data + 3] !== 0x9d || head[data + 4] !== 0x01 || head[data + 5] !== 0x2a) throw new HeaderError('bad VP8 start code')
    const { width, height } = checkDimensions((uint16(head, data + 6, true) ?? 0) & 0x3fff, (uint16(head, data + 8, true) ?? 0) & 0x3fff)
    return { width, height, orientation: 1, hasAlpha: false, animated: false }
  }
  if (chunk === 'VP8L') {
    if (head[data] !== 0x2f) throw new HeaderError('bad VP8L signature')
    const bits = uint32(head, data + 1, true)
    if (bits === undefined) throw new HeaderError('truncated VP8L header')
    const { width, height } = checkDimensions((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
    return { width, height, orientation: 1, hasAlpha: ((bits >>> 28) & 1) === 1, animated: false }
  }
  if (chunk === 'VP8X') {
    const flags = head[data] ?? 0
    const { width, height } = checkDimensions((uint24le(head, data + 4) ?? -1) + 1, (uint24le(head, data + 7) ?? -1) + 1)
    let hasAlpha = (flags & 0x10) !== 0
    // Some encoders set an ALPH chunk without the flag; look at the chunks before the image data.
    if (!hasAlpha) hasAlpha = await hasAlphaChunk(reader)
    return { width, height, orientation: 1, hasAlpha, animated: (flags & 0x02) !== 0 }
  }
  throw new HeaderError(`unknown WebP chunk ${JSON.stringify(chunk)}`)
}

async function hasAlphaChunk(reader: ByteReader): Promise<boolean> {
  let offset = 12
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const head = await reader.bytes(offset, 8)
    const size = uint32(head, 4, true)
    const name = ascii(head, 0, 4)
    if (size === undefined) return false
    if (name === 'ALPH') return true
    if (name === 'VP8 ' || name === 'VP8L' || name === 'ANMF') return false
    offset += 8 + size + (size % 2)
  }
  return false
}

import { int32le, uint16, uint32, type ByteReader } from './byte-reader.js'
import { checkDimensions, HeaderError, type RawHeader } from './header.js'

/** BITMAPCOREHEADER (12 bytes) has 16-bit sizes; every later header 32-bit ones. */
export async function readBmpHeader(reader: ByteReader): Promise<RawHeader> {
  const head = await reader.bytes(0, 30)
  const dibSize = uint32(head, 14, true)
  if (dibSize === undefined || dibSize < 12) throw new HeaderError('no DIB header')
  if (dibSize === 12) {
    const { width, height } = checkDimensions(uint16(head, 18, true), uint16(head, 20, true))
    return { width, height, orientation: 1, hasAlpha: false, animated: false }
  }
  const rawHeight = int32le(head, 22)
  // A negative height means rows are stored top-down.
  const { width, height } = checkDimensions(int32le(head, 18), rawHeight === undefined ? undefined : Math.abs(rawHeight))
  if (width < 0) throw new HeaderError('negative width')
  return { width, height, orientation: 1, hasAlpha: uint16(head, 28, true) === 32, animated: false }
}

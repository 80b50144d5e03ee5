/** How much of the file one read fetches: headers sit in the first few KB. */
const WINDOW = 64 * 1024

/**
 * Reads a Blob in bounded windows, so parsing a header never loads the whole
 * file; jumping over a large segment costs one more small read.
 */
export class ByteReader {
  readonly size: number
  private window = new Uint8Array(0)
  private windowStart = 0
  private reads = 0

  constructor(private readonly blob: Blob) {
    this.size = blob.size
  }

  /** Number of reads so far (a bound to check in tests). */
  get readCount(): number {
    return this.reads
  }

  /**
   * Bytes `[offset, offset + length)`, shorter when the file ends first.
   * The view is only valid until the next call.
   */
  async bytes(offset: number, length: number): Promise<Uint8Array> {
    const end = Math.min(offset + length, this.size)
    if (offset < 0 || offset >= end) return new Uint8Array(0)
    if (offset < this.windowStart || end > this.windowStart + this.window.length) {
      const windowEnd = Math.min(this.size, offset + Math.max(length, WINDOW))
      this.window = new Uint8Array(await this.blob.slice(offset, windowEnd).arrayBuffer())
      this.windowStart = offset
      this.reads += 1
    }
    return this.window.subarray(offset - this.windowStart, end - this.windowStart)
  }
}

/** Big- or little-endian integer reads on a byte view, `undefined` past the end. */
export function uint16(bytes: Uint8Array, offset: number, littleEndian = false): number | undefined {
  if (offset < 0 || offset + 2 > bytes.length) return undefined
  const a = bytes[offset] as number
  const b = bytes[offset + 1] as number
  return littleEndian ? a | (b << 8) : (a << 8) | b
}

export function uint24le(bytes: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 3 > bytes.length) return undefined
  return (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8) | ((bytes[offset + 2] as number) << 16)
}

export function uint32(bytes: Uint8Array, offset: number, littleEndian = false): number | undefined {
  if (offset < 0 || offset + 4 > bytes.length) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 4)
  return view.getUint32(0, littleEndian)
}

export function int32le(bytes: Uint8Array, offset: number): number | undefined {
  if (offset < 0 || offset + 4 > bytes.length) return undefined
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getInt32(0, true)
}

/** The bytes at `offset` as Latin-1 text (box and chunk names). */
export function ascii(bytes: Uint8Array, offset: number, length: number): string {
  let text = ''
  for (let i = offset; i < offset + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i] as number)
  return text
}

// Hand-built headers for the parser tests: only the bytes the parsers read.

export function concat(...parts: (Uint8Array | number[] | string)[]): Uint8Array {
  const arrays = parts.map((part) => (typeof part === 'string' ? latin1(part) : part instanceof Uint8Array ? part : Uint8Array.from(part)))
  const out = new Uint8Array(arrays.reduce((sum, a) => sum + a.length, 0))
  let offset = 0
  for (const a of arrays) {
    out.set(a, offset)
    offset += a.length
  }
  return out
}

export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0))
}

export const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff]
export const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff]
export const u32be = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
export const u32le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]
export const u24le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff]

/** A TIFF/EXIF block whose IFD0 holds only the Orientation tag. */
export function exifTiff(orientation: number, littleEndian = false): Uint8Array {
  const u16 = littleEndian ? u16le : u16be
  const u32 = littleEndian ? u32le : u32be
  return concat(littleEndian ? 'II' : 'MM', u16(42), u32(8), u16(1), u16(0x0112), u16(3), u32(1), u16(orientation), [0, 0], u32(0))
}

export function jpegSegment(marker: number, payload: Uint8Array | number[]): Uint8Array {
  return concat([0xff, marker], u16be(payload.length + 2), payload)
}

/** SOI, optional EXIF APP1, optional padding segments, SOF0, a token scan, EOI. */
export function jpeg(options: { width: number; height: number; orientation?: number; padding?: number[]; sof?: number }): Uint8Array {
  const exif = options.orientation ? [jpegSegment(0xe1, concat('Exif\0\0', exifTiff(options.orientation)))] : []
  const padding = (options.padding ?? []).map((size) => jpegSegment(0xed, new Uint8Array(size)))
  const sof = jpegSegment(options.sof ?? 0xc0, [8, ...u16be(options.height), ...u16be(options.width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
  return concat([0xff, 0xd8], ...exif, ...padding, sof, jpegSegment(0xda, [1, 1, 0, 0, 0x3f, 0]), [0, 0, 0xff, 0xd9])
}

export function pngChunk(type: string, data: Uint8Array | number[] = []): Uint8Array {
  return concat(u32be(data.length), type, data, [0, 0, 0, 0])
}

export function png(options: { width: number; height: number; colourType?: number; chunks?: Uint8Array[] }): Uint8Array {
  const ihdr = pngChunk('IHDR', [...u32be(options.width), ...u32be(options.height), 8, options.colourType ?? 2, 0, 0, 0])
  return concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ihdr, ...(options.chunks ?? []), pngChunk('IDAT', [0]), pngChunk('IEND'))
}

/** A GIF without a global table; each frame is a 1-block image. */
export function gif(options: { width: number; height: number; frames: { x?: number; y?: number; width: number; height: number; transparent?: boolean }[]; loop?: boolean }): Uint8Array {
  const parts: (Uint8Array | number[] | string)[] = ['GIF89a', u16le(options.width), u16le(options.height), [0, 0, 0]]
  if (options.loop) parts.push([0x21, 0xff, 11], 'NETSCAPE2.0', [3, 1, 0, 0, 0])
  for (const frame of options.frames) {
    parts.push([0x21, 0xf9, 4, frame.transparent ? 1 : 0, 0, 0, 0, 0])
    parts.push([0x2c], u16le(frame.x ?? 0), u16le(frame.y ?? 0), u16le(frame.width), u16le(frame.height), [0], [2, 2, 0x4c, 0x01, 0])
  }
  parts.push([0x3b])
  return concat(...parts)
}

function riff(chunks: Uint8Array[]): Uint8Array {
  const body = concat('WEBP', ...chunks)
  return concat('RIFF', u32le(body.length), body)
}

function webpChunk(name: string, data: Uint8Array | number[]): Uint8Array {
  const padded = data.length % 2 ? concat(data, [0]) : concat(data)
  return concat(name, u32le(data.length), padded)
}

export function webpLossy(width: number, height: number): Uint8Array {
  return riff([webpChunk('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height), 0, 0])])
}

export function webpLossless(width: number, height: number, alpha: boolean): Uint8Array {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14) | ((alpha ? 1 : 0) << 28)
  return riff([webpChunk('VP8L', [0x2f, ...u32le(bits >>> 0), 0])])
}

export function webpExtended(width: number, height: number, options: { alphaFlag?: boolean; alphChunk?: boolean; animated?: boolean }): Uint8Array {
  const flags = (options.alphaFlag ? 0x10 : 0) | (options.animated ? 0x02 : 0)
  const chunks = [webpChunk('VP8X', [flags, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)])]
  if (options.alphChunk) chunks.push(webpChunk('ALPH', [0, 0]))
  chunks.push(webpChunk('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(width), ...u16le(height), 0, 0]))
  return riff(chunks)
}

export function box(type: string, ...children: (Uint8Array | number[])[]): Uint8Array {
  const body = concat(...children)
  return concat(u32be(body.length + 8), type, body)
}

/** An AVIF header: item 1 is primary, with the given properties associated in order. */
export function avif(options: { width: number; height: number; transforms?: ('irot0' | 'irot1' | 'irot2' | 'irot3' | 'imir0' | 'imir1')[]; alpha?: boolean; brand?: string }): Uint8Array {
  const properties = [box('ispe', [0, 0, 0, 0], u32be(options.width), u32be(options.height))]
  for (const transform of options.transforms ?? []) {
    const value = Number(transform.slice(4))
    properties.push(box(transform.slice(0, 4), [value]))
  }
  if (options.alpha) properties.push(box('auxC', [0, 0, 0, 0], latin1('urn:mpeg:mpegB:cicp:systems:auxiliary:alpha\0')))
  // The alpha property belongs to item 2 (the alpha plane), not to the primary item.
  const primaryCount = properties.length - (options.alpha ? 1 : 0)
  const primaryIndices = Array.from({ length: primaryCount }, (_, i) => i + 1)
  const entries = [[...u16be(1), primaryIndices.length, ...primaryIndices]]
  if (options.alpha) entries.push([...u16be(2), 1, properties.length])
  const ipma = box('ipma', [0, 0, 0, 0], u32be(entries.length), ...entries)
  const meta = box('meta', [0, 0, 0, 0], box('hdlr', new Uint8Array(24)), box('pitm', [0, 0, 0, 0], u16be(1)), box('iprp', box('ipco', ...properties), ipma))
  const brand = options.brand ?? 'avif'
  return concat(box('ftyp', latin1(brand), [0, 0, 0, 0], latin1('mif1'), latin1(brand)), meta, box('mdat', [1, 2, 3]))
}

export function bmp(width: number, height: number, bitsPerPixel = 24): Uint8Array {
  return concat('BM', u32le(54), [0, 0, 0, 0], u32le(54), u32le(40), u32le(width), u32le(height >>> 0), u16le(1), u16le(bitsPerPixel), new Uint8Array(24))
}

export const blobOf = (bytes: Uint8Array) => new Blob([bytes as BlobPart])

import { AdminApiError } from './errors.js'

/**
 * Largest file part Authgear stores: 10 MiB, inclusive. A reverse proxy in
 * front counts the multipart overhead too, so aim below it.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** The image types the client lets through. */
export type UploadImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif'

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte)

/**
 * The image type by magic bytes, or `undefined`. Authgear stores any bytes and
 * fails only when the picture is served, so this is the only type check there is.
 */
export async function sniffImageType(blob: Blob): Promise<UploadImageType | undefined> {
  const bytes = new Uint8Array(await blob.slice(0, 12).arrayBuffer())
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif'
  return undefined
}

/**
 * Checks size and type before anything is sent, and returns the blob labelled
 * with its real type (the multipart part's content type).
 *
 * @throws AdminApiError `asset-too-large` when empty or above {@link MAX_UPLOAD_BYTES}; `invalid-upload` when not JPEG, PNG, WebP or GIF.
 */
export async function checkUploadImage(blob: Blob): Promise<Blob> {
  if (blob.size === 0 || blob.size > MAX_UPLOAD_BYTES) {
    throw new AdminApiError('asset-too-large', `The image must be 1 to ${MAX_UPLOAD_BYTES} bytes; it is ${blob.size}`, { info: { size: blob.size } })
  }
  const type = await sniffImageType(blob)
  if (type === undefined) {
    throw new AdminApiError('invalid-upload', 'The file is not a JPEG, PNG, WebP or GIF image', { info: { declaredType: blob.type } })
  }
  return blob.type === type ? blob : new Blob([blob], { type })
}

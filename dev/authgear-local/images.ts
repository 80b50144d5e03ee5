import type { ObjectStore, RenderProfile } from './types.ts'

/**
 * `GET /_images/<APP>/<OBJECT>/<variant>` as Authgear's image server answers:
 * `profile` (240x240, re-encoded, cached 900 s), `original` (the bytes as
 * uploaded, inline only when they sniff as a safe image type) and 404 for
 * any other variant or a missing object; 502 when `profile` cannot decode
 * the bytes.
 */

/** The variants Authgear serves. */
export const IMAGE_VARIANTS = ['original', 'profile'] as const

/** Cache policy of the `profile` variant. */
export const PROFILE_CACHE_CONTROL = 'public, immutable, max-age=900'

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean =>
  prefix.every((byte, i) => bytes[offset + i] === byte)
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0))

/**
 * The image media type Go's `http.DetectContentType` would find, limited to
 * the types Authgear serves inline; `undefined` for anything else.
 */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, ...ascii('PNG\r\n\x1a\n')])) return 'image/png'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBPVP'), 8)) return 'image/webp'
  if (startsWith(bytes, ascii('BM'))) return 'image/bmp'
  if (startsWith(bytes, [0, 0, 1, 0]) || startsWith(bytes, [0, 0, 2, 0])) return 'image/x-icon'
  return undefined
}

function emptyResponse(status: number): Response {
  return new Response(null, { status })
}

export async function serveImage(
  appId: string,
  objectId: string,
  variant: string,
  store: ObjectStore,
  renderProfile: RenderProfile,
): Promise<Response> {
  if (!(IMAGE_VARIANTS as readonly string[]).includes(variant)) return emptyResponse(404)
  const object = await store.get(appId, objectId)
  if (!object) return emptyResponse(404)

  if (variant === 'original') {
    const type = sniffImageType(object.bytes)
    const headers: Record<string, string> = { 'Content-Length': String(object.bytes.byteLength) }
    if (type) headers['Content-Type'] = type
    else Object.assign(headers, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment' })
    return new Response(object.bytes as BodyInit, { status: 200, headers })
  }

  // The image server's reverse proxy turns any processing failure into a bare 502.
  const rendered = await renderProfile(object.bytes).catch(() => null)
  if (!rendered) return emptyResponse(502)
  return new Response(rendered as BodyInit, {
    status: 200,
    headers: {
      'Content-Type': sniffImageType(rendered) ?? 'application/octet-stream',
      'Content-Length': String(rendered.byteLength),
      'Cache-Control': PROFILE_CACHE_CONTROL,
    },
  })
}

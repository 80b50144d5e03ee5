import { AdminApiError } from './errors.js'

/** A pre-signed upload URL from Authgear, checked and taken apart. */
export interface UploadTarget {
  /** The URL exactly as Authgear issued it. */
  url: string
  /** `https://app-host` the URL was signed for. */
  origin: string
  appId: string
  objectId: string
  /** The signed query without the leading `?`, byte-for-byte as issued: re-encoding it breaks the signature. */
  query: string
}

// App ids and object ids are plain tokens; anything else (dots, escapes, slashes) is refused.
const SEGMENT = '[A-Za-z0-9_-]+'
const UPLOAD_PATH = new RegExp(`^/_images/(${SEGMENT})/(${SEGMENT})$`)
const STORED_URL = new RegExp(`^authgearimages:///(${SEGMENT})/(${SEGMENT})$`)

function untrusted(message: string, cause: unknown): AdminApiError {
  return new AdminApiError('unexpected-response', message, { cause })
}

/**
 * Checks the `upload_url` Authgear returned: http(s), no credentials or fragment,
 * a `/_images/<app>/<object>` path and a query.
 *
 * @throws AdminApiError `unexpected-response` for anything else.
 */
export function parseUploadUrl(value: unknown): UploadTarget {
  if (typeof value !== 'string') throw untrusted('upload_url is missing', value)
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch (error) {
    throw untrusted('upload_url is not a URL', error)
  }
  const path = UPLOAD_PATH.exec(parsed.pathname)
  const queryStart = value.indexOf('?')
  if (
    (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') ||
    parsed.username !== '' ||
    parsed.password !== '' ||
    value.includes('#') ||
    path === null ||
    queryStart === -1 ||
    queryStart === value.length - 1
  ) {
    throw untrusted('upload_url is not a pre-signed Authgear images URL', value)
  }
  return {
    url: value,
    origin: parsed.origin,
    appId: path[1] as string,
    objectId: path[2] as string,
    query: value.slice(queryStart + 1),
  }
}

/**
 * Where the browser posts the file: the pre-signed URL itself (`direct`), or the
 * proxy's `/_images/<app>/<object>` with the signed query untouched (`proxy`).
 */
export function uploadRequestUrl(target: UploadTarget, mode: 'proxy' | 'direct', endpoint: string): string {
  if (mode === 'direct') return target.url
  return `${endpoint}/_images/${target.appId}/${target.objectId}?${target.query}`
}

/**
 * Checks the `url` an upload returned: exactly `authgearimages:///<app>/<object>`
 * of the object the URL was issued for, so nothing else is ever written into a profile.
 *
 * @throws AdminApiError `unexpected-response` for anything else.
 */
export function parseStoredImageUrl(value: unknown, target: Pick<UploadTarget, 'appId' | 'objectId'>): string {
  const match = typeof value === 'string' ? STORED_URL.exec(value) : null
  if (match === null || match[1] !== target.appId || match[2] !== target.objectId) {
    throw untrusted('The upload returned an unexpected url', value)
  }
  return value as string
}

/** `{ appId, objectId }` of an `authgearimages:///APP/OBJECT` URL, or `undefined`. */
export function parseStoredImageUrlParts(value: string): { appId: string; objectId: string } | undefined {
  const match = STORED_URL.exec(value)
  return match === null ? undefined : { appId: match[1] as string, objectId: match[2] as string }
}

/**
 * Whether `value` may be written as a user's `picture`: an `authgearimages:///APP/OBJECT`
 * URL or an absolute http(s) URL, which are the two forms Authgear accepts.
 */
export function isWritablePictureUrl(value: string): boolean {
  if (STORED_URL.test(value)) return true
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

/** Whether `value` is Authgear's read-back URL of the stored object (`http(s)://host/.../APP/OBJECT/...`). */
export function isReadBackUrlOf(value: unknown, stored: string): value is string {
  const parts = parseStoredImageUrlParts(stored)
  if (typeof value !== 'string' || parts === undefined) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname.includes(`/${parts.appId}/${parts.objectId}/`)
  } catch {
    return false
  }
}

/**
 * `value` as an http(s) URL fit for an `<img src>`, else `undefined`: a
 * user-supplied `javascript:` or `data:` picture never becomes a URL the page loads.
 */
export function toDisplayableImageUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

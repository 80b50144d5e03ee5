// The library's one write is `updateUser` with the whole standardAttributes
// object (Authgear replaces it), so an allowlist of documents alone would let
// anyone past `authorize` set any attribute of any user. The proxy holds that
// write to what the library does with it: every attribute but `picture` exactly
// as Authgear has it now, and a picture that is this app's own Authgear image,
// the one the user already has, or none.
import { UpdateUserStandardAttributesDocument, type StandardAttributes } from '../core/operations.js'
import { DERIVED_STANDARD_ATTRIBUTE_KEYS } from '../core/standard-attributes.js'
import { normalizeDocument } from './allowlist.js'

const PICTURE_WRITE = normalizeDocument(UpdateUserStandardAttributesDocument)

/** Whether `query` is the library's picture write (as sent by core or by urql, with `__typename`s). */
export function isPictureWrite(query: string): boolean {
  return PICTURE_WRITE !== undefined && normalizeDocument(query) === PICTURE_WRITE
}

/** Why a picture write may not pass; `undefined` when it may. */
export type PictureWriteRefusal =
  /** Some other attribute differs from Authgear's: changed since the client read it, or a write beyond the picture. */
  | { reason: 'ProxyAttributesChanged'; message: string }
  /** The picture is not an image of this app. */
  | { reason: 'ProxyPictureNotAllowed'; message: string }

const IGNORED_KEYS = new Set<string>([...DERIVED_STANDARD_ATTRIBUTE_KEYS, 'picture'])

/**
 * Judges the `standardAttributes` a picture write sends against the user's
 * current ones, as just read from Authgear.
 */
export function judgePictureWrite(requested: Record<string, unknown>, current: StandardAttributes, appId: string): PictureWriteRefusal | undefined {
  const keys = new Set([...Object.keys(requested), ...Object.keys(current)])
  for (const key of keys) {
    if (IGNORED_KEYS.has(key)) continue
    if (!sameJson(requested[key], current[key])) {
      return { reason: 'ProxyAttributesChanged', message: `The write would change ${JSON.stringify(key)}, not only the picture; read the user again` }
    }
  }
  const picture = requested.picture
  if (picture === undefined || picture === current.picture || isOwnImage(picture, appId)) return undefined
  return { reason: 'ProxyPictureNotAllowed', message: "The picture must be one of this app's uploaded images" }
}

/** `authgearimages:///<appId>/<object>`: what the upload endpoint returns for this app. */
function isOwnImage(picture: unknown, appId: string): boolean {
  if (typeof picture !== 'string') return false
  const match = /^authgearimages:\/\/\/([^/]+)\/([A-Za-z0-9_-]{1,128})$/.exec(picture)
  return match?.[1] === appId
}

/** Deep equality of JSON values; a missing key equals `undefined`. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const aRecord = a as Record<string, unknown>
  const bRecord = b as Record<string, unknown>
  const keys = new Set([...Object.keys(aRecord), ...Object.keys(bRecord)])
  for (const key of keys) if (!sameJson(aRecord[key], bRecord[key])) return false
  return true
}

import { AdminApiError } from './errors.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// Standard or URL-safe alphabet, with or without `=` padding.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/
const NODE_PREFIX = 'User:'

function toBase64Url(ascii: string): string {
  return btoa(ascii).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function decodeBase64(text: string): string | undefined {
  if (!BASE64.test(text)) return undefined
  const standard = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')
  if (standard.length % 4 === 1) return undefined
  try {
    return atob(standard + '='.repeat((4 - (standard.length % 4)) % 4))
  } catch {
    return undefined
  }
}

/** The UUID inside `id` (a UUID or a node id in any base64 flavour), lower-cased; `undefined` when it is neither. */
function parseUserId(id: string): string | undefined {
  const trimmed = id.trim()
  if (UUID.test(trimmed)) return trimmed.toLowerCase()
  const decoded = decodeBase64(trimmed)
  if (decoded === undefined || !decoded.startsWith(NODE_PREFIX)) return undefined
  const uuid = decoded.slice(NODE_PREFIX.length)
  return UUID.test(uuid) ? uuid.toLowerCase() : undefined
}

/**
 * Authgear's global node id of a user: base64url without padding of `User:<uuid>`.
 *
 * Accepts a bare UUID or a node id in any base64 flavour (padded, `+`/`/`) and
 * returns the one form Authgear accepts.
 *
 * @throws TypeError when `id` is neither a UUID nor the node id of a user.
 * @example toUserNodeId('97b1c929-842c-415c-a7df-6967efdda160') // 'VXNlcjo5N2IxYzkyOS04NDJjLTQxNWMtYTdkZi02OTY3ZWZkZGExNjA'
 */
export function toUserNodeId(id: string): string {
  const uuid = parseUserId(id)
  if (uuid === undefined) throw new TypeError(`Not a user id: ${JSON.stringify(id)}`)
  return toBase64Url(NODE_PREFIX + uuid)
}

/**
 * The UUID of a user from its node id (any base64 flavour) or from a UUID.
 *
 * @throws TypeError when `id` is neither a UUID nor the node id of a user.
 */
export function fromUserNodeId(id: string): string {
  const uuid = parseUserId(id)
  if (uuid === undefined) throw new TypeError(`Not a user id: ${JSON.stringify(id)}`)
  return uuid
}

/** Whether `id` is a UUID or a user node id that {@link toUserNodeId} accepts. */
export function isUserId(id: string): boolean {
  return parseUserId(id) !== undefined
}

/**
 * {@link toUserNodeId} for the client's methods: a malformed id cannot name a user,
 * so it rejects as Authgear answers (`null` node) with `user-not-found`, without a request.
 *
 * @throws AdminApiError `user-not-found`, with the TypeError as `cause`.
 */
export function userNodeIdOrNotFound(id: string): string {
  try {
    return toUserNodeId(id)
  } catch (error) {
    throw new AdminApiError('user-not-found', `No user has the id ${JSON.stringify(id)}`, { cause: error })
  }
}

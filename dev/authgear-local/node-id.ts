import { base64UrlDecode, base64UrlEncode, fromUtf8, utf8 } from './go-compat.ts'

/**
 * Relay global ids as Authgear makes them: `base64url("<Type>:<id>")` WITHOUT
 * padding. Padded or `+`/`/` forms do not decode, exactly as on the server.
 */

/** The node id of a user uuid. */
export function toUserNodeId(uuid: string): string {
  return base64UrlEncode(utf8(`User:${uuid}`))
}

/** `relay.FromGlobalID`: the type and id, or `undefined` for anything that does not decode. */
export function parseGlobalId(globalId: string): { type: string; id: string } | undefined {
  const bytes = base64UrlDecode(globalId)
  if (!bytes) return undefined
  const tokens = fromUtf8(bytes).split(':')
  if (tokens.length < 2) return undefined
  return { type: tokens[0] as string, id: tokens[1] as string }
}

/** The user uuid a node id names, or `undefined` when it is not a well-formed `User` id. */
export function userUuidFromNodeId(globalId: string): string | undefined {
  const parsed = parseGlobalId(globalId)
  return parsed?.type === 'User' ? parsed.id : undefined
}

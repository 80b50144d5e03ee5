import { createRequest, type Client as UrqlClient, type GraphQLRequest } from 'urql'
import { UserStandardAttributesDocument, UserWithCustomAttributesDocument, type UserQueryVariables } from '../core/index.js'

/**
 * Context of every urql operation of the library: the proxy takes GraphQL as
 * POST only, and an app's own urql client may prefer GET (urql's default).
 */
export const PROXY_OPERATION_CONTEXT = { preferGetMethod: false } as const

/** The urql request of reading a user, with or without custom attributes (the two documents the proxy allows). */
export function userRequest(nodeId: string, customAttributes: boolean): GraphQLRequest<unknown, UserQueryVariables> {
  return createRequest(customAttributes ? UserWithCustomAttributesDocument : UserStandardAttributesDocument, { id: nodeId })
}

// How many mounted useUser read each request, per urql client: a refresh awaits those and only nudges the rest.
const watched = new WeakMap<UrqlClient, Map<number, number>>()

/** Records that a `useUser` reads `request` through `urqlClient`; returns the undo. */
export function watchUserRequest(urqlClient: UrqlClient, request: GraphQLRequest): () => void {
  let counts = watched.get(urqlClient)
  if (!counts) watched.set(urqlClient, (counts = new Map()))
  const map = counts
  map.set(request.key, (map.get(request.key) ?? 0) + 1)
  return () => {
    const left = (map.get(request.key) ?? 1) - 1
    if (left > 0) map.set(request.key, left)
    else map.delete(request.key)
  }
}

/** Whether a mounted `useUser` reads `request` through `urqlClient`. */
export function isUserRequestWatched(urqlClient: UrqlClient, request: GraphQLRequest): boolean {
  return (watched.get(urqlClient)?.get(request.key) ?? 0) > 0
}

import type { QueryClient } from '@tanstack/react-query'
import type { Client as UrqlClient } from 'urql'
import { toUserNodeId } from '../core/index.js'
import { adminApiKeys } from './keys.js'
import { PROXY_OPERATION_CONTEXT, isUserRequestWatched, userRequest } from './user-queries.js'

/**
 * Makes every view of a user read it again after a change made outside urql's
 * document cache (the core client's `updateUserPicture`, another tab):
 * invalidates TanStack queries under {@link adminApiKeys.user}, and re-runs,
 * `network-only`, the user's urql reads (both documents) that something is
 * subscribed to; urql shares one result per operation, so every subscriber gets it.
 * Resolves once the library's own `useUser` views hold the new data.
 */
export async function refreshUser(userId: string, queryClient: QueryClient, urqlClient: UrqlClient): Promise<void> {
  const id = toUserNodeId(userId)
  const urqlReads = [true, false].map(async (customAttributes) => {
    const request = userRequest(id, customAttributes)
    if (isUserRequestWatched(urqlClient, request)) {
      await urqlClient.query(request.query, request.variables, { ...PROXY_OPERATION_CONTEXT, requestPolicy: 'network-only' }).toPromise()
    } else {
      // Re-runs only if some other component (an app's own useQuery) is subscribed.
      urqlClient.reexecuteOperation(urqlClient.createRequestOperation('query', request, { ...PROXY_OPERATION_CONTEXT, requestPolicy: 'network-only' }))
    }
  })
  await Promise.all([queryClient.invalidateQueries({ queryKey: adminApiKeys.user(id) }), ...urqlReads])
}

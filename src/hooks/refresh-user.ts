import type { QueryClient } from '@tanstack/react-query'
import type { Client as UrqlClient } from 'urql'
import { UserWithCustomAttributesDocument, toUserNodeId, type UserQueryVariables, type UserWithCustomAttributesResult } from '../core/index.js'
import { adminApiKeys } from './keys.js'

/**
 * After a picture change, every view of the user refreshes: TanStack queries
 * under {@link adminApiKeys.user} are invalidated, and a network-only urql read
 * is broadcast to every `useUser` of that user (urql shares results by operation key).
 */
export async function refreshUser(userId: string, queryClient: QueryClient, urqlClient: UrqlClient): Promise<void> {
  const id = toUserNodeId(userId)
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: adminApiKeys.user(id) }),
    urqlClient.query<UserWithCustomAttributesResult, UserQueryVariables>(UserWithCustomAttributesDocument, { id }, { requestPolicy: 'network-only' }).toPromise(),
  ])
}

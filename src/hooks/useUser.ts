'use client'

import { useCallback, useEffect, useMemo, useState } from 'react'
import { AdminApiError, UserWithCustomAttributesDocument, toUserNodeId, type AdminUser, type UserQueryVariables, type UserWithCustomAttributesResult } from '../core/index.js'
import { useAdminApi } from './AdminApiProvider.js'
import { toAdminApiError } from './combined-error.js'

/** What {@link useUser} returns. */
export interface UseUserResult {
  /** The user with standard and custom attributes; kept while a refetch runs. */
  user: AdminUser | undefined
  /** A request is in flight (the first read, or a refresh behind cached data). */
  fetching: boolean
  /** Why the last read failed; `user-not-found` for an unknown or malformed id. */
  error: AdminApiError | undefined
  /** Reads the user again from the server. */
  refetch: () => void
}

interface UserState {
  /** Which read this state answers: the node id and the refetch count. */
  id: string | undefined
  request: string | undefined
  user: AdminUser | undefined
  stale: boolean
  error: AdminApiError | undefined
}

function userFromNode(node: UserWithCustomAttributesResult['node'], userId: string): AdminUser {
  if (!node?.id || !node.standardAttributes) throw new AdminApiError('user-not-found', `No user has the id ${JSON.stringify(userId)}`)
  const user: AdminUser = { id: node.id, updatedAt: String(node.updatedAt), standardAttributes: node.standardAttributes }
  if (node.customAttributes) user.customAttributes = node.customAttributes
  return user
}

function nodeIdOrError(userId: string): string | AdminApiError {
  try {
    return toUserNodeId(userId)
  } catch (cause) {
    return new AdminApiError('user-not-found', `No user has the id ${JSON.stringify(userId)}`, { cause })
  }
}

/**
 * Reads a user (by UUID or node id) through urql, and stays current: a picture
 * change made with this library's hooks refreshes it everywhere.
 * Pass `undefined` to wait.
 */
export function useUser(userId: string | undefined): UseUserResult {
  const { urqlClient } = useAdminApi()
  const [refetchCount, setRefetchCount] = useState(0)
  const [state, setState] = useState<UserState>({ id: undefined, request: undefined, user: undefined, stale: false, error: undefined })
  const id = useMemo(() => (userId === undefined ? undefined : nodeIdOrError(userId)), [userId])
  const nodeId = typeof id === 'string' ? id : undefined
  const request = nodeId === undefined ? undefined : `${nodeId}#${refetchCount}`

  useEffect(() => {
    if (nodeId === undefined || request === undefined) return
    const subscription = urqlClient
      .query<UserWithCustomAttributesResult, UserQueryVariables>(UserWithCustomAttributesDocument, { id: nodeId }, refetchCount > 0 ? { requestPolicy: 'network-only' } : undefined)
      .subscribe((result) => {
        if (result.error) {
          const error = toAdminApiError(result.error)
          setState((previous) => ({ ...previous, id: nodeId, request, stale: false, error }))
          return
        }
        try {
          const user = userFromNode(result.data?.node ?? null, nodeId)
          setState({ id: nodeId, request, user, stale: Boolean(result.stale), error: undefined })
        } catch (error) {
          setState({ id: nodeId, request, user: undefined, stale: false, error: error as AdminApiError })
        }
      })
    return () => subscription.unsubscribe()
  }, [urqlClient, nodeId, request, refetchCount])

  const refetch = useCallback(() => setRefetchCount((count) => count + 1), [])
  if (id instanceof AdminApiError) return { user: undefined, fetching: false, error: id, refetch }
  const answered = state.request === request
  return {
    // A refetch keeps showing the user it refreshes; another user's data is never shown.
    user: state.id === nodeId ? state.user : undefined,
    fetching: nodeId !== undefined && (!answered || state.stale),
    error: answered ? state.error : undefined,
    refetch,
  }
}

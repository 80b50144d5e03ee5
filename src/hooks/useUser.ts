'use client'

import { useCallback, useEffect, useMemo, useState } from 'react'
import { AdminApiError, userNodeIdOrNotFound, type AdminUser, type UserQueryVariables, type UserWithCustomAttributesResult } from '../core/index.js'
import { useAdminApi } from './AdminApiProvider.js'
import { toAdminApiError } from './combined-error.js'
import { PROXY_OPERATION_CONTEXT, userRequest, watchUserRequest } from './user-queries.js'

/** Options of {@link useUser}. */
export interface UseUserOptions {
  /**
   * Read the user's custom attributes too; `false` reads the standard ones only
   * (`user.customAttributes` is then absent).
   * @default true
   */
  customAttributes?: boolean
}

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
  /** Which read this state answers: the node id, the document and the refetch count. */
  id: string | undefined
  request: string | undefined
  user: AdminUser | undefined
  stale: boolean
  error: AdminApiError | undefined
}

function userFromNode(node: UserWithCustomAttributesResult['node'], userId: string): AdminUser {
  if (!node?.id || !node.standardAttributes) throw new AdminApiError('user-not-found', `No user has the id ${JSON.stringify(userId)}`)
  const user: AdminUser = { id: node.id, updatedAt: String(node.updatedAt), standardAttributes: node.standardAttributes }
  if (typeof node.isAnonymized === 'boolean') user.isAnonymized = node.isAnonymized
  if (node.customAttributes) user.customAttributes = node.customAttributes
  return user
}

/** The node id, or the `user-not-found` error a malformed id is, as a value for render. */
function nodeIdOrError(userId: string): string | AdminApiError {
  try {
    return userNodeIdOrNotFound(userId)
  } catch (error) {
    return error as AdminApiError
  }
}

/**
 * Reads a user (by UUID or node id) through urql, and stays current: a picture
 * change made with this library's hooks refreshes it everywhere.
 * Pass `undefined` to wait.
 */
export function useUser(userId: string | undefined, options: UseUserOptions = {}): UseUserResult {
  const { customAttributes = true } = options
  const { urqlClient } = useAdminApi()
  const [refetchCount, setRefetchCount] = useState(0)
  const [state, setState] = useState<UserState>({ id: undefined, request: undefined, user: undefined, stale: false, error: undefined })
  const id = useMemo(() => (userId === undefined ? undefined : nodeIdOrError(userId)), [userId])
  const nodeId = typeof id === 'string' ? id : undefined
  const request = nodeId === undefined ? undefined : `${nodeId}#${customAttributes}#${refetchCount}`

  useEffect(() => {
    if (nodeId === undefined || request === undefined) return
    const read = userRequest(nodeId, customAttributes)
    const unwatch = watchUserRequest(urqlClient, read)
    const context = refetchCount > 0 ? { ...PROXY_OPERATION_CONTEXT, requestPolicy: 'network-only' as const } : PROXY_OPERATION_CONTEXT
    const subscription = urqlClient
      .query<UserWithCustomAttributesResult, UserQueryVariables>(read.query, read.variables, context)
      .subscribe((result) => {
        if (result.error) {
          const error = toAdminApiError(result.error)
          // The user read before stays on screen only if it is this user.
          setState((previous) => ({ id: nodeId, request, user: previous.id === nodeId ? previous.user : undefined, stale: false, error }))
          return
        }
        try {
          const user = userFromNode(result.data?.node ?? null, nodeId)
          setState({ id: nodeId, request, user, stale: Boolean(result.stale), error: undefined })
        } catch (error) {
          setState({ id: nodeId, request, user: undefined, stale: false, error: error as AdminApiError })
        }
      })
    return () => {
      subscription.unsubscribe()
      unwatch()
    }
  }, [urqlClient, nodeId, request, refetchCount, customAttributes])

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

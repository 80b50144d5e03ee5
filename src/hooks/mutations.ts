'use client'

import { useMutation, type QueryClient } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import type { AnyVariables, OperationResult, OperationResultSource } from 'urql'
import {
  AdminApiError,
  isAdminApiError,
  UpdateUserStandardAttributesDocument,
  UserStandardAttributesDocument,
  isWritablePictureUrl,
  userNodeIdOrNotFound,
  withPicture,
  type AdminUser,
  type UpdateUserStandardAttributesResult,
  type UpdateUserStandardAttributesVariables,
  type UserQueryVariables,
  type UserStandardAttributesResult,
} from '../core/index.js'
import { useAdminApi } from './AdminApiProvider.js'
import { toAdminApiError } from './combined-error.js'
import { uploadImageMutationOptions, uploadUrlMutationOptions, type UploadImageVariables } from './keys.js'
import { refreshUser } from './refresh-user.js'
import { PROXY_OPERATION_CONTEXT } from './user-queries.js'

/** A signal that fires when either fires. */
function eitherSignal(own: AbortSignal, given: AbortSignal | undefined): AbortSignal {
  return given ? AbortSignal.any([own, given]) : own
}

const abortedPictureChange = () => new AdminApiError('aborted', 'The picture change was cancelled')

/**
 * The first complete result of an urql operation. When `signal` fires the
 * operation is unsubscribed, which makes urql abort its request, and the
 * promise rejects with code `aborted`.
 */
function firstResult<TData, TVariables extends AnyVariables>(
  source: OperationResultSource<OperationResult<TData, TVariables>>,
  signal: AbortSignal | undefined,
): Promise<OperationResult<TData, TVariables>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedPictureChange())
    let settled = false
    // Set once subscribe() returns; a cached result can arrive during the call.
    const live: { subscription?: { unsubscribe(): void } } = {}
    const onAbort = () => {
      live.subscription?.unsubscribe()
      reject(abortedPictureChange())
    }
    live.subscription = source.subscribe((result) => {
      if (settled || result.stale || result.hasNext) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      // Left subscribed, the read would stay an active query that urql keeps re-running.
      live.subscription?.unsubscribe()
      resolve(result)
    })
    if (settled) live.subscription.unsubscribe()
    else signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Asks for a fresh pre-signed upload URL. A mutation, not a query: each URL
 * takes exactly one upload and expires after 15 minutes, so it is never cached.
 */
export function useUploadUrl(queryClient?: QueryClient) {
  const api = useAdminApi()
  return useMutation(uploadUrlMutationOptions(api.client), queryClient ?? api.queryClient)
}

/**
 * Uploads one image to a pre-signed URL, with `progress` (0..1) and `cancel()`.
 * Resolves to what Authgear stored it as, `authgearimages:///APP/OBJECT`.
 */
export function useUploadImage(queryClient?: QueryClient) {
  const api = useAdminApi()
  const [progress, setProgress] = useState(0)
  const controller = useRef<AbortController | null>(null)
  const mutation = useMutation(
    {
      ...uploadImageMutationOptions(api.client),
      mutationFn: ({ uploadUrl, image, signal, onProgress, filename }: UploadImageVariables) =>
        api.client.uploadImage(uploadUrl, image, {
          filename,
          signal,
          onProgress: (fraction) => {
            setProgress(fraction)
            onProgress?.(fraction)
          },
        }),
    },
    queryClient ?? api.queryClient,
  )
  const { mutate, mutateAsync } = mutation
  // The controller exists from the call on, so cancel() works even before TanStack runs the mutation.
  const withOwnSignal = useCallback((variables: UploadImageVariables): UploadImageVariables => {
    controller.current?.abort()
    const own = new AbortController()
    controller.current = own
    setProgress(0)
    return { ...variables, signal: eitherSignal(own.signal, variables.signal) }
  }, [])
  return {
    ...mutation,
    mutate: useCallback<typeof mutate>((variables, options) => mutate(withOwnSignal(variables), options), [mutate, withOwnSignal]),
    mutateAsync: useCallback<typeof mutateAsync>((variables, options) => mutateAsync(withOwnSignal(variables), options), [mutateAsync, withOwnSignal]),
    progress,
    cancel: useCallback(() => controller.current?.abort(), []),
  }
}

/** Variables of {@link useSetUserPicture}'s mutation. */
export interface SetUserPictureVariables {
  /** UUID or node id. */
  userId: string
  /**
   * `authgearimages:///APP/OBJECT` (what an upload returns) or an absolute http(s) URL; `null` removes the picture.
   * The reference proxy lets only this app's own images through unless its `checkPictureWrites` is off.
   */
  picture: string | null
  signal?: AbortSignal
}

/**
 * Sets or removes a user's picture through urql: reads the whole
 * `standardAttributes`, changes `picture`, writes the whole object back
 * (`updateUser` replaces it), and never sends custom attributes. urql's
 * document cache then re-runs every active query holding a `User`, and the
 * user's TanStack queries are invalidated. A write the reference proxy refuses
 * as `conflict` (the user changed since the read) is read and tried again, twice.
 */
export function useSetUserPicture(queryClient?: QueryClient) {
  const api = useAdminApi()
  const { urqlClient } = api
  const client = queryClient ?? api.queryClient
  return useMutation(
    {
      mutationFn: async ({ userId, picture, signal }: SetUserPictureVariables): Promise<AdminUser> => {
        if (picture !== null && !isWritablePictureUrl(picture)) {
          throw new AdminApiError('validation-failed', `Not a picture URL Authgear accepts: ${JSON.stringify(picture)}`)
        }
        const id = userNodeIdOrNotFound(userId)
        const read = await firstResult(
          urqlClient.query<UserStandardAttributesResult, UserQueryVariables>(UserStandardAttributesDocument, { id }, { ...PROXY_OPERATION_CONTEXT, requestPolicy: 'network-only' }),
          signal,
        )
        if (read.error) throw toAdminApiError(read.error)
        const node = read.data?.node
        if (!node?.id || !node.standardAttributes) throw new AdminApiError('user-not-found', `No user has the id ${JSON.stringify(userId)}`)
        // Nothing between the read and the write: updateUser has no version check.
        const written = await firstResult(
          urqlClient.mutation<UpdateUserStandardAttributesResult, UpdateUserStandardAttributesVariables>(
            UpdateUserStandardAttributesDocument,
            { userID: node.id, standardAttributes: withPicture(node.standardAttributes, picture) },
            PROXY_OPERATION_CONTEXT,
          ),
          signal,
        )
        if (written.error) throw toAdminApiError(written.error)
        const user = written.data?.updateUser.user
        if (!user) throw new AdminApiError('unexpected-response', 'updateUser returned no user')
        return user
      },
      // The proxy found the user changed since the read (409 `conflict`): read again, write again.
      retry: (failureCount, error) => failureCount < CONFLICT_RETRIES && isAdminApiError(error, 'conflict'),
      retryDelay: 0,
      onSuccess: (_user, { userId }) => refreshUser(userId, client, urqlClient),
    },
    client,
  )
}

/** How many times a write the proxy refused as `conflict` is read and tried again. */
const CONFLICT_RETRIES = 2

'use client'

import { useMutation, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import {
  isAdminApiError,
  type AdminApiError,
  removeUserPicture,
  updateUserPicture,
  type AdminUser,
  type RetryOptions,
  type UpdateUserPictureResult,
} from '../core/index.js'
import { useAdminApi } from './AdminApiProvider.js'
import { adminApiKeys } from './keys.js'
import { refreshUser } from './refresh-user.js'

/** Where a picture change stands. `uploading` covers asking for the URL too. */
export type UpdateUserPictureHookStage = 'idle' | 'uploading' | 'saving' | 'saved' | 'error'

/** Input of {@link UseUpdateUserPictureResult.start}. */
export interface UpdateUserPictureInput {
  /** UUID or node id. */
  userId: string
  /** The encoded picture (e.g. `AvatarEditor`'s `onSave` result `blob`). */
  image: Blob
  /**
   * File name of the multipart part.
   * @default `avatar.<ext>` after the image type
   */
  filename?: string
}

/** Options of {@link useUpdateUserPicture}. */
export interface UseUpdateUserPictureOptions {
  /**
   * How failed steps are retried inside one attempt; `false` turns it off.
   * @default { attempts: 3, baseDelayMs: 500, maxDelayMs: 8000 }
   */
  retry?: RetryOptions | false
  /** Called after a picture was saved and the user's cached data refreshed. */
  onSaved?: (result: UpdateUserPictureResult) => void
  /** Called after a picture was removed. */
  onRemoved?: (user: AdminUser) => void
}

/** What {@link useUpdateUserPicture} returns. */
export interface UseUpdateUserPictureResult {
  /** Where the change stands: `idle` → `uploading` → `saving` → `saved`, or `error`. */
  stage: UpdateUserPictureHookStage
  /** Upload progress of the current try, 0..1; 1 once saving. */
  progress: number
  /** Why the last change failed (never `aborted`: a cancel returns to `idle`). */
  error: AdminApiError | undefined
  /** The last saved picture. */
  result: UpdateUserPictureResult | undefined
  /** Uploads the image and sets it as the user's picture. Resolves `undefined` when cancelled or failed (see `error`). */
  start: (input: UpdateUserPictureInput) => Promise<UpdateUserPictureResult | undefined>
  /** Removes the user's picture, keeping every other attribute. */
  remove: (userId: string) => Promise<AdminUser | undefined>
  /** Cancels the change under way; nothing is saved and the stage returns to `idle`. */
  cancel: () => void
  /** Runs the last change again (a fresh upload URL is asked for). */
  retry: () => Promise<unknown>
  /** Back to `idle`, forgetting the error and the result. */
  reset: () => void
}

type LastCall = { kind: 'update'; input: UpdateUserPictureInput } | { kind: 'remove'; userId: string }

type Variables = LastCall & { signal: AbortSignal }

/**
 * The whole picture change for a dashboard: upload (with a fresh URL per try,
 * progress and cancel), save (read-merge-write), and refresh of the user's
 * cached data everywhere. Leaving the page mid-way (unmount) cancels it.
 */
export function useUpdateUserPicture(options: UseUpdateUserPictureOptions = {}, queryClient?: QueryClient): UseUpdateUserPictureResult {
  const api = useAdminApi()
  const client = queryClient ?? api.queryClient
  const [stage, setStage] = useState<UpdateUserPictureHookStage>('idle')
  const [progress, setProgress] = useState(0)
  const controller = useRef<AbortController | null>(null)
  const lastCall = useRef<LastCall | null>(null)
  const optionsRef = useRef(options)
  useEffect(() => {
    optionsRef.current = options
  })

  const mutation = useMutation(
    {
      mutationKey: adminApiKeys.updateUserPicture(),
      mutationFn: async (variables: Variables): Promise<UpdateUserPictureResult | AdminUser> => {
        const { retry } = optionsRef.current
        if (variables.kind === 'remove') {
          setStage('saving')
          return removeUserPicture(api.client, { userId: variables.userId, signal: variables.signal, retry })
        }
        return updateUserPicture(api.client, {
          ...variables.input,
          signal: variables.signal,
          retry,
          onProgress: setProgress,
          onStage: (coreStage) => {
            if (coreStage === 'saving') setProgress(1)
            setStage(coreStage === 'upload-url' || coreStage === 'uploading' ? 'uploading' : coreStage === 'saving' ? 'saving' : 'saved')
          },
        })
      },
      // Not TanStack's retry: the core already retries what is safe to retry.
      retry: false,
    },
    client,
  )
  const { mutateAsync, reset: resetMutation } = mutation

  const run = useCallback(
    async (call: LastCall) => {
      controller.current?.abort()
      const own = new AbortController()
      controller.current = own
      lastCall.current = call
      setProgress(0)
      setStage(call.kind === 'update' ? 'uploading' : 'saving')
      try {
        const outcome = await mutateAsync({ ...call, signal: own.signal })
        const userId = call.kind === 'update' ? call.input.userId : call.userId
        await refreshUser(userId, client, api.urqlClient).catch(() => undefined)
        if (own.signal.aborted) return undefined
        setStage('saved')
        if (call.kind === 'update') optionsRef.current.onSaved?.(outcome as UpdateUserPictureResult)
        else optionsRef.current.onRemoved?.(outcome as AdminUser)
        return outcome
      } catch (error) {
        if (controller.current !== own) return undefined
        if (own.signal.aborted || (isAdminApiError(error) && error.code === 'aborted')) {
          resetMutation()
          setStage('idle')
          return undefined
        }
        setStage('error')
        return undefined
      } finally {
        if (controller.current === own) controller.current = null
      }
    },
    [mutateAsync, resetMutation, client, api.urqlClient],
  )

  // Leaving the page mid-upload aborts it: nothing half-done is saved later.
  useEffect(() => () => controller.current?.abort(), [])

  const start = useCallback((input: UpdateUserPictureInput) => run({ kind: 'update', input }) as Promise<UpdateUserPictureResult | undefined>, [run])
  const remove = useCallback((userId: string) => run({ kind: 'remove', userId }) as Promise<AdminUser | undefined>, [run])
  const cancel = useCallback(() => controller.current?.abort(), [])
  const retry = useCallback(() => (lastCall.current ? run(lastCall.current) : Promise.resolve(undefined)), [run])
  const reset = useCallback(() => {
    controller.current?.abort()
    controller.current = null
    resetMutation()
    setProgress(0)
    setStage('idle')
  }, [resetMutation])

  const error = stage === 'error' && isAdminApiError(mutation.error) ? mutation.error : undefined
  const result = mutation.data && 'storedAs' in mutation.data ? mutation.data : undefined
  return { stage, progress, error, result, start, remove, cancel, retry, reset }
}

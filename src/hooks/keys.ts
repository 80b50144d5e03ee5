import { queryOptions } from '@tanstack/react-query'
import { toUserNodeId, updateUserPicture, type AdminApiClient, type UpdateUserPictureOptions } from '../core/index.js'

/**
 * TanStack Query keys of everything this library caches, so apps can
 * invalidate, prefetch or read them: `queryClient.invalidateQueries({ queryKey: adminApiKeys.user(id) })`.
 */
export const adminApiKeys = {
  /** Every key of this library. */
  all: ['authgear-avatar-editor'] as const,
  /** One user, by node id (a UUID is converted, so both forms share a cache entry). */
  user: (userId: string) => [...adminApiKeys.all, 'user', toUserNodeId(userId)] as const,
  /** Mutation key of asking for an upload URL. */
  uploadUrl: () => [...adminApiKeys.all, 'upload-url'] as const,
  /** Mutation key of uploading an image. */
  uploadImage: () => [...adminApiKeys.all, 'upload-image'] as const,
  /** Mutation key of the whole picture change. */
  updateUserPicture: () => [...adminApiKeys.all, 'update-user-picture'] as const,
}

/** Query options that read a user with its custom attributes, for `useQuery`, `prefetchQuery` or `ensureQueryData`. */
export function userQueryOptions(client: AdminApiClient, userId: string) {
  return queryOptions({
    queryKey: adminApiKeys.user(userId),
    queryFn: ({ signal }) => client.getUser(userId, { signal, customAttributes: true }),
  })
}

/** Mutation options that ask for a fresh pre-signed upload URL (one per call: each URL takes one upload). */
export function uploadUrlMutationOptions(client: AdminApiClient) {
  return {
    mutationKey: adminApiKeys.uploadUrl(),
    // `void` lets callers write `mutate()`.
    mutationFn: (variables: { signal?: AbortSignal } | void) => client.getUploadUrl({ signal: variables ? variables.signal : undefined }),
  }
}

/** Variables of {@link uploadImageMutationOptions}. */
export interface UploadImageVariables {
  /** A fresh pre-signed URL from `useUploadUrl` / `getUploadUrl` (one upload each). */
  uploadUrl: string
  /** The file; Authgear takes 1 byte to 10 MiB and does not check it is an image. */
  image: Blob
  /**
   * File name of the multipart part.
   * @default `avatar.<ext>` after the blob's type
   */
  filename?: string
  /** Cancels the upload; the mutation then fails with code `aborted`. */
  signal?: AbortSignal
  /** Uploaded fraction, 0..1, never decreasing (only 0 and 1 with the `fetch` transport). */
  onProgress?: (fraction: number) => void
}

/** Mutation options that upload one image to a pre-signed URL and resolve to `authgearimages:///APP/OBJECT`. */
export function uploadImageMutationOptions(client: AdminApiClient) {
  return {
    mutationKey: adminApiKeys.uploadImage(),
    mutationFn: ({ uploadUrl, image, ...options }: UploadImageVariables) => client.uploadImage(uploadUrl, image, options),
  }
}

/** Mutation options that run the whole picture change (`updateUserPicture` of the core). */
export function updateUserPictureMutationOptions(client: AdminApiClient) {
  return {
    mutationKey: adminApiKeys.updateUserPicture(),
    mutationFn: (variables: UpdateUserPictureOptions) => updateUserPicture(client, variables),
  }
}

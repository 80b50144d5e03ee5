import { throwIfAborted } from './abort.js'
import type { AdminApiClient } from './client.js'
import { AdminApiError } from './errors.js'
import { checkUploadImage } from './image-check.js'
import { isReadBackUrlOf } from './image-urls.js'
import type { AdminUser } from './operations.js'
import { withRetry, type RetryOptions } from './retry.js'
import { userNodeIdOrNotFound } from './user-id.js'

/** The steps of {@link updateUserPicture}, in order; `upload-url` and `uploading` repeat on retry. */
export type UpdateUserPictureStage = 'upload-url' | 'uploading' | 'saving' | 'saved'

/** Options of {@link updateUserPicture}. */
export interface UpdateUserPictureOptions {
  /** The user's UUID or node id (any base64 flavour). */
  userId: string
  /** The encoded picture: JPEG, PNG, WebP or GIF, 1 byte to 10 MiB. */
  image: Blob
  /** Cancels the flow at any step; it then rejects with code `aborted`. */
  signal?: AbortSignal
  /** Upload progress 0..1 of the current try; starts again at 0 when the upload is retried. */
  onProgress?: (fraction: number) => void
  /** Called when a step starts, with its try number (1-based). */
  onStage?: (stage: UpdateUserPictureStage, attempt: number) => void
  /**
   * How failed steps are retried; `false` turns retrying off.
   * @default { attempts: 3, baseDelayMs: 500, maxDelayMs: 8000 }
   */
  retry?: RetryOptions | false
  /**
   * File name of the multipart part.
   * @default `avatar.<ext>` after the image type
   */
  filename?: string
}

/** What {@link updateUserPicture} returns. */
export interface UpdateUserPictureResult {
  /** The picture as Authgear reads it back: `https://host/_images/APP/OBJECT/profile`. */
  picture: string
  /** What was written into the profile: `authgearimages:///APP/OBJECT`. */
  storedAs: string
  /** The user as written. */
  user: AdminUser
}

/**
 * Sets a user's picture: checks the image, uploads it to a fresh pre-signed URL,
 * and writes it into the user's standard attributes, keeping every other attribute.
 *
 * A failed upload (expired or used URL, network) is retried with a new URL; a
 * failed save is retried without uploading again. Rejects with {@link AdminApiError}.
 */
export async function updateUserPicture(client: AdminApiClient, options: UpdateUserPictureOptions): Promise<UpdateUserPictureResult> {
  const { userId, signal, onStage, retry } = options
  // Checked before anything is uploaded for nobody.
  userNodeIdOrNotFound(userId)
  throwIfAborted(signal)
  const image = await checkUploadImage(options.image)

  const storedAs = await withRetry(
    async (attempt) => {
      onStage?.('upload-url', attempt)
      // A URL serves one upload for 15 minutes: ask right before each try.
      const target = await client.getUploadUrl({ signal })
      onStage?.('uploading', attempt)
      return client.uploadImage(target, image, { signal, onProgress: options.onProgress, filename: options.filename })
    },
    retry,
    signal,
  )

  const user = await withRetry(
    (attempt) => {
      onStage?.('saving', attempt)
      return client.setUserPicture(userId, storedAs, { signal })
    },
    retry,
    signal,
  )

  const picture = user.standardAttributes.picture
  if (!isReadBackUrlOf(picture, storedAs)) {
    throw new AdminApiError('unexpected-response', 'The saved user does not read back the uploaded picture', { cause: picture })
  }
  onStage?.('saved', 1)
  return { picture, storedAs, user }
}

/** Options of {@link removeUserPicture}. */
export interface RemoveUserPictureOptions {
  /** The user's UUID or node id. */
  userId: string
  /** Cancels the removal; it then rejects with code `aborted`. */
  signal?: AbortSignal
  /**
   * How a failed save is retried; `false` turns retrying off.
   * @default { attempts: 3, baseDelayMs: 500, maxDelayMs: 8000 }
   */
  retry?: RetryOptions | false
}

/** Removes a user's picture, keeping every other attribute; retries network failures. */
export function removeUserPicture(client: AdminApiClient, options: RemoveUserPictureOptions): Promise<AdminUser> {
  return withRetry(() => client.setUserPicture(options.userId, null, { signal: options.signal }), options.retry, options.signal)
}

import type { AvatarImageErrorCode, AvatarImageErrorDetails } from './errors.js'
import type { RenderJob } from './render.js'
import type { CropResult, ImageInfo } from './types.js'

/** Main thread to worker: one crop. */
export interface CropRequest {
  id: number
  blob: Blob
  /** From `inspectImage` on the main thread: the type, displayed size and orientation. */
  info: ImageInfo
  job: RenderJob
}

/** An error as it crosses the thread boundary (custom fields do not survive cloning). */
export interface SerializedError {
  code?: AvatarImageErrorCode
  details?: AvatarImageErrorDetails[AvatarImageErrorCode]
  message: string
}

/** Worker to main thread. */
export type WorkerMessage =
  /** Sent once at start; `capable` is false where the worker lacks OffscreenCanvas or createImageBitmap. */
  | { kind: 'ready'; capable: boolean }
  | { kind: 'done'; id: number; result: CropResult }
  | { kind: 'failed'; id: number; error: SerializedError }

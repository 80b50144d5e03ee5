// The worker: decode, draw, encode, reply. Loaded by worker-client.ts.
import { decodeForCrop, offscreenSurface } from './canvas.js'
import { isAvatarImageError } from './errors.js'
import { renderCrop } from './render.js'
import type { CropRequest, SerializedError, WorkerMessage } from './worker-protocol.js'

interface WorkerScope {
  onmessage: ((event: MessageEvent<CropRequest>) => void) | null
  postMessage(message: WorkerMessage): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  const { id, blob, info, job } = event.data
  crop().then(
    (result) => scope.postMessage({ kind: 'done', id, result }),
    (error: unknown) => scope.postMessage({ kind: 'failed', id, error: serialize(error) }),
  )

  async function crop() {
    const decoded = await decodeForCrop(blob, info, job)
    const surface = offscreenSurface()
    try {
      // Aborting terminates this worker, so there is nothing to check between steps.
      return await renderCrop(decoded, job, surface, () => {})
    } finally {
      decoded.release()
      surface.release()
    }
  }
}

function serialize(error: unknown): SerializedError {
  if (isAvatarImageError(error)) return { code: error.code, details: error.details, message: error.message }
  return { message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
}

// Some browsers have OffscreenCanvas on the main thread before they have it in workers.
scope.postMessage({ kind: 'ready', capable: typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function' })

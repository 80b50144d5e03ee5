import { AdminApiError } from './errors.js'

/** The {@link AdminApiError} for a fired signal, keeping the signal's reason as `cause`. */
export function abortedError(signal?: AbortSignal): AdminApiError {
  return new AdminApiError('aborted', 'The request was aborted', { cause: signal?.reason })
}

/** Throws {@link abortedError} when `signal` has fired; call it between steps. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortedError(signal)
}

/**
 * Waits `ms`, rejecting with {@link abortedError} as soon as `signal` fires.
 * The default sleep of the retry loops.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal))
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortedError(signal))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

import { sleep as abortableSleep } from './abort.js'
import { isAdminApiError } from './errors.js'

/** How failed steps are tried again. */
export interface RetryOptions {
  /**
   * Tries per step in total (the upload and the save are counted separately); `1` turns retrying off.
   * @default 3
   */
  attempts?: number
  /**
   * Upper bound of the first wait; it doubles with every failure ("full jitter": the wait is random below the bound).
   * @default 500
   */
  baseDelayMs?: number
  /**
   * Upper bound of any wait.
   * @default 8000
   */
  maxDelayMs?: number
  /** Overrides the wait before try `failures + 1`, in ms (tests pass `() => 0`). */
  delay?: (failures: number) => number
  /**
   * Waits `ms` and rejects with code `aborted` when `signal` fires.
   * @default a `setTimeout` that honours the signal
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /**
   * Source of jitter in [0, 1).
   * @default Math.random
   */
  random?: () => number
}

/** The wait before the next try after `failures` failures: random in [0, min(max, base * 2^(failures-1))). */
export function backoffDelay(failures: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'> = {}): number {
  const base = options.baseDelayMs ?? 500
  const max = options.maxDelayMs ?? 8000
  const bound = Math.min(max, base * 2 ** Math.max(0, failures - 1))
  return Math.floor((options.random ?? Math.random)() * bound)
}

/**
 * Runs `step` until it succeeds, fails with an error that is not retryable, or
 * runs out of attempts. Only {@link AdminApiError}s with `retryable` are retried.
 */
export async function withRetry<T>(
  step: (attempt: number) => Promise<T>,
  options: RetryOptions | false | undefined,
  signal?: AbortSignal,
): Promise<T> {
  const policy = options === false ? { attempts: 1 } : (options ?? {})
  const attempts = Math.max(1, Math.floor(policy.attempts ?? 3))
  const wait = policy.sleep ?? abortableSleep
  for (let attempt = 1; ; attempt++) {
    try {
      return await step(attempt)
    } catch (error) {
      if (attempt >= attempts || !isAdminApiError(error) || !error.retryable) throw error
      await wait(policy.delay ? policy.delay(attempt) : backoffDelay(attempt, policy), signal)
    }
  }
}

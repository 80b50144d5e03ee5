import { describe, expect, it, vi } from 'vitest'
import { AdminApiError } from './errors.ts'
import { backoffDelay, withRetry } from './retry.ts'

describe('backoffDelay', () => {
  it('doubles its bound per failure up to the maximum, with full jitter', () => {
    const top = () => 0.999999
    expect(backoffDelay(1, { baseDelayMs: 100, maxDelayMs: 1000, random: top })).toBe(99)
    expect(backoffDelay(2, { baseDelayMs: 100, maxDelayMs: 1000, random: top })).toBe(199)
    expect(backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 1000, random: top })).toBe(399)
    expect(backoffDelay(10, { baseDelayMs: 100, maxDelayMs: 1000, random: top })).toBe(999)
    expect(backoffDelay(3, { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0 })).toBe(0)
  })
})

describe('withRetry', () => {
  const retryable = () => new AdminApiError('network', 'offline')

  it('retries retryable errors up to the number of attempts, waiting between tries', async () => {
    const sleep = vi.fn(async () => {})
    const step = vi.fn(async (attempt: number) => {
      if (attempt < 3) throw retryable()
      return 'done'
    })
    await expect(withRetry(step, { attempts: 3, delay: (failures) => failures * 10, sleep })).resolves.toBe('done')
    expect(step).toHaveBeenCalledTimes(3)
    expect(sleep.mock.calls.map((call) => (call as unknown[])[0])).toEqual([10, 20])
  })

  it('gives up after the last attempt with the last error', async () => {
    const step = vi.fn(async () => {
      throw retryable()
    })
    await expect(withRetry(step, { attempts: 2, sleep: async () => {} })).rejects.toMatchObject({ code: 'network' })
    expect(step).toHaveBeenCalledTimes(2)
  })

  it('does not retry errors that would fail again', async () => {
    const step = vi.fn(async () => {
      throw new AdminApiError('validation-failed', 'bad')
    })
    await expect(withRetry(step, { sleep: async () => {} })).rejects.toMatchObject({ code: 'validation-failed' })
    expect(step).toHaveBeenCalledTimes(1)
  })

  it('tries once when retrying is off', async () => {
    const step = vi.fn(async () => {
      throw retryable()
    })
    await expect(withRetry(step, false)).rejects.toMatchObject({ code: 'network' })
    expect(step).toHaveBeenCalledTimes(1)
  })

  it('stops waiting as soon as the signal fires', async () => {
    const controller = new AbortController()
    const step = vi.fn(async () => {
      controller.abort()
      throw retryable()
    })
    await expect(withRetry(step, { delay: () => 60_000 }, controller.signal)).rejects.toMatchObject({ code: 'aborted' })
    expect(step).toHaveBeenCalledTimes(1)
  })
})

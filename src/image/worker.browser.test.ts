// The worker's life: one job at a time, abort reaches it, it can be terminated,
// and files refused from the header never reach a decoder.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cropImage } from './crop.js'
import { isAvatarImageError } from './errors.js'
import { loadCorpus } from './test-utils/corpus.js'
import { cropWorkerEvents, terminateImageWorker } from './worker-client.js'
import { rejection } from './test-utils/rejection.js'


/** Resolves on the next event of that type. */
function next(type: string): Promise<Event> {
  return new Promise((resolve) => cropWorkerEvents.addEventListener(type, resolve, { once: true }))
}

const area = { x: 1000, y: 0, width: 4000, height: 4000 }

afterEach(() => {
  vi.restoreAllMocks()
})

describe('crop worker', () => {
  it('rejects at once with aborted when the signal is already aborted', async () => {
    const started = vi.fn()
    cropWorkerEvents.addEventListener('job-start', started)
    const error = await rejection(cropImage(await loadCorpus('photo-1mp.jpg'), area, { signal: AbortSignal.abort() }))
    cropWorkerEvents.removeEventListener('job-start', started)
    expect(error.code).toBe('aborted')
    expect(started).not.toHaveBeenCalled()
  })

  it('terminates the worker when a running crop is aborted, and the next crop still works', async () => {
    const blob = await loadCorpus('photo-24mp.jpg')
    const controller = new AbortController()
    const terminated = next('terminate')
    void next('job-start').then(() => controller.abort())
    const error = await rejection(cropImage(blob, area, { signal: controller.signal }))
    expect(error.code).toBe('aborted')
    await terminated
    const result = await cropImage(await loadCorpus('photo-1mp.jpg'), { x: 0, y: 0, width: 816, height: 816 }, { size: 256 })
    expect(result.width).toBe(256)
  })

  it('drops a queued crop on abort without disturbing the running one', async () => {
    const blob = await loadCorpus('photo-12mp.jpg')
    const controller = new AbortController()
    const first = cropImage(blob, { x: 0, y: 0, width: 3000, height: 3000 }, { size: 512 })
    const second = cropImage(blob, { x: 0, y: 0, width: 3000, height: 3000 }, { size: 512, signal: controller.signal })
    void next('job-start').then(() => controller.abort())
    const [a, b] = await Promise.allSettled([first, second])
    expect(a.status).toBe('fulfilled')
    expect(b.status === 'rejected' && isAvatarImageError(b.reason) && b.reason.code).toBe('aborted')
  })

  it('runs crops one at a time and answers each with its own result', async () => {
    const blob = await loadCorpus('photo-1mp.jpg')
    const starts: number[] = []
    const ends: number[] = []
    const onStart = (event: Event) => starts.push((event as CustomEvent<number>).detail)
    const onEnd = (event: Event) => ends.push((event as CustomEvent<number>).detail)
    cropWorkerEvents.addEventListener('job-start', onStart)
    cropWorkerEvents.addEventListener('job-end', onEnd)
    const sizes = [128, 200, 256]
    const results = await Promise.all(sizes.map((size) => cropImage(blob, { x: 0, y: 0, width: 816, height: 816 }, { size })))
    cropWorkerEvents.removeEventListener('job-start', onStart)
    cropWorkerEvents.removeEventListener('job-end', onEnd)
    expect(results.map((r) => r.width)).toEqual(sizes)
    // Each job ended before the next began.
    expect(starts).toHaveLength(3)
    expect(ends).toEqual(starts)
  })

  it('terminateImageWorker rejects the crop under way with aborted', async () => {
    const blob = await loadCorpus('photo-24mp.jpg')
    void next('job-start').then(() => terminateImageWorker())
    const error = await rejection(cropImage(blob, area))
    expect(error.code).toBe('aborted')
  })

  it('refuses the 30000x30000 PNG bomb from its header: no decode, no worker job', async () => {
    const decode = vi.spyOn(globalThis, 'createImageBitmap')
    const started = vi.fn()
    cropWorkerEvents.addEventListener('job-start', started)
    const error = await rejection(cropImage(await loadCorpus('bomb-30000.png'), { x: 0, y: 0, width: 1000, height: 1000 }))
    cropWorkerEvents.removeEventListener('job-start', started)
    expect(error.code).toBe('too-many-pixels')
    expect(error.details).toEqual({ width: 30_000, height: 30_000, pixels: 900_000_000, maxPixels: 50_000_000 })
    expect(started).not.toHaveBeenCalled()
    expect(decode).not.toHaveBeenCalled()
  })
})

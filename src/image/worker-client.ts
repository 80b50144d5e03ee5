// Runs crops in one reusable worker, one at a time (a 24 MP decode holds about
// 100 MB; two at once would double that). Aborting the running crop terminates
// the worker, which is the only way to stop a decode already under way; the
// next crop starts a fresh one. An idle worker is terminated after IDLE_MS.
//
// The worker is Vite's `?worker&inline`: the worker bundle is a string inside
// this package, started from a Blob URL. A `new URL('./crop.worker.js',
// import.meta.url)` worker becomes, in Vite's lib mode, an asset at an absolute
// `/assets/...` path behind `"" + import.meta.url`, which consumers' bundlers
// neither copy nor rewrite. Where a Content-Security-Policy forbids `blob:`
// workers, the worker fails to start and crops run on the main thread.
import CropWorker from './crop.worker.js?worker&inline'
import { AvatarImageError } from './errors.js'
import type { CropResult, ImageType } from './types.js'
import type { CropRequest, SerializedError, WorkerMessage } from './worker-protocol.js'

/** How long an idle worker (and its memory) is kept for the next crop. */
export const IDLE_MS = 15_000

/** The worker could not start (CSP, no module support); the caller falls back to the main thread. */
export class WorkerUnavailableError extends Error {
  override readonly name = 'WorkerUnavailableError'
}

interface Task {
  request: CropRequest
  resolve(result: CropResult): void
  reject(error: unknown): void
  signal: AbortSignal | undefined
  onAbort: () => void
}

/**
 * Lifecycle events, for tests and diagnostics: `job-start` (detail: id) when a
 * crop is handed to the worker, `job-end` (detail: id) when a crop settles,
 * started or not, and `terminate` when a worker is stopped.
 */
export const cropWorkerEvents = new EventTarget()

class CropWorkerClient {
  private worker: Worker | undefined
  private started = false
  private unavailable = false
  private current: Task | undefined
  private readonly queue: Task[] = []
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private nextId = 1

  /** Whether workers can be used at all in this browser and page. */
  get usable(): boolean {
    return !this.unavailable && typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined'
  }

  run(request: Omit<CropRequest, 'id'>, signal: AbortSignal | undefined): Promise<CropResult> {
    return new Promise<CropResult>((resolve, reject) => {
      if (signal?.aborted) return reject(abortedError())
      const task: Task = {
        request: { ...request, id: this.nextId++ },
        resolve,
        reject,
        signal,
        onAbort: () => this.abort(task),
      }
      signal?.addEventListener('abort', task.onAbort, { once: true })
      this.queue.push(task)
      this.pump()
    })
  }

  /** Stops the worker now; the crop under way and any queued ones reject with `aborted`. */
  terminate(): void {
    const tasks = [...(this.current ? [this.current] : []), ...this.queue.splice(0)]
    this.current = undefined
    this.kill()
    for (const task of tasks) this.settle(task, () => task.reject(abortedError()))
  }

  private abort(task: Task): void {
    if (this.current === task) {
      this.current = undefined
      // A decode cannot be interrupted: drop the worker and its memory with it.
      this.kill()
      this.settle(task, () => task.reject(abortedError()))
      this.pump()
      return
    }
    const index = this.queue.indexOf(task)
    if (index >= 0) this.queue.splice(index, 1)
    this.settle(task, () => task.reject(abortedError()))
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return
    if (!this.usable) {
      for (const task of this.queue.splice(0)) this.settle(task, () => task.reject(new WorkerUnavailableError('Web Workers are unavailable')))
      return
    }
    clearTimeout(this.idleTimer)
    const task = this.queue.shift() as Task
    this.current = task
    try {
      this.ensureWorker().postMessage(task.request)
    } catch (error) {
      // Construction itself can throw (CSP in some browsers).
      this.markUnavailable(error)
      return
    }
    cropWorkerEvents.dispatchEvent(new CustomEvent('job-start', { detail: task.request.id }))
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new CropWorker({ name: 'authgear-avatar-editor crop' })
    this.started = false
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.onMessage(event.data)
    worker.onerror = (event) => {
      event.preventDefault()
      if (!this.started) this.markUnavailable(event)
      else this.onCrash(event)
    }
    worker.onmessageerror = () => this.onCrash(new Error('message could not be deserialised'))
    this.worker = worker
    return worker
  }

  private onMessage(message: WorkerMessage): void {
    if (message.kind === 'ready') {
      this.started = true
      if (!message.capable) this.markUnavailable(new Error('the worker has no OffscreenCanvas or createImageBitmap'))
      return
    }
    const task = this.current
    if (!task || task.request.id !== message.id) return // a reply to an aborted crop
    this.current = undefined
    if (message.kind === 'done') this.settle(task, () => task.resolve(message.result))
    else this.settle(task, () => task.reject(deserialize(message.error, task.request.info.type)))
    this.pump()
    if (!this.current) this.scheduleIdle()
  }

  /** The worker died while working (e.g. out of memory): fail that crop, keep going. */
  private onCrash(cause: unknown): void {
    const task = this.current
    this.current = undefined
    this.kill()
    if (task) {
      const message = cause instanceof ErrorEvent ? cause.message : String(cause)
      this.settle(task, () => task.reject(new AvatarImageError('decode-failed', { detectedType: task.request.info.type }, `The image worker failed: ${message}`, { cause })))
    }
    this.pump()
  }

  private markUnavailable(cause: unknown): void {
    this.unavailable = true
    const tasks = [...(this.current ? [this.current] : []), ...this.queue.splice(0)]
    this.current = undefined
    this.kill()
    for (const task of tasks) this.settle(task, () => task.reject(new WorkerUnavailableError('The image worker could not start', { cause })))
  }

  private settle(task: Task, action: () => void): void {
    task.signal?.removeEventListener('abort', task.onAbort)
    cropWorkerEvents.dispatchEvent(new CustomEvent('job-end', { detail: task.request.id }))
    action()
  }

  private scheduleIdle(): void {
    clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => {
      if (!this.current && this.queue.length === 0) this.kill()
    }, IDLE_MS)
  }

  private kill(): void {
    clearTimeout(this.idleTimer)
    if (!this.worker) return
    this.worker.onmessage = null
    this.worker.onerror = null
    this.worker.terminate()
    this.worker = undefined
    cropWorkerEvents.dispatchEvent(new Event('terminate'))
  }
}

function abortedError(): AvatarImageError<'aborted'> {
  return new AvatarImageError('aborted', {}, 'The crop was aborted')
}

function deserialize(error: SerializedError, detectedType: ImageType): Error {
  if (error.code && error.details) return new AvatarImageError(error.code, error.details, error.message)
  // Anything else (a canvas the browser refused, an encoder failure) still means this image could not be processed here.
  return new AvatarImageError('decode-failed', { detectedType }, `The image worker failed: ${error.message}`)
}

/** The page's one crop worker client. */
export const cropWorker = new CropWorkerClient()

/**
 * Terminates the image worker now (e.g. when the editor unmounts): frees its
 * memory at once instead of after the idle timeout. Crops under way reject
 * with `aborted`; the next crop starts a new worker.
 */
export function terminateImageWorker(): void {
  cropWorker.terminate()
}
